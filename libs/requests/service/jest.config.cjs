module.exports = { displayName: 'requests-service', preset: '../../../jest.preset.cjs', rootDir: __dirname };
