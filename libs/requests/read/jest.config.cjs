module.exports = { displayName: 'requests-read', preset: '../../../jest.preset.cjs', rootDir: __dirname };
