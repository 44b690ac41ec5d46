module.exports = { displayName: 'requests-domain', preset: '../../../jest.preset.cjs', rootDir: __dirname };
