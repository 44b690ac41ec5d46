module.exports = { displayName: 'interpretations-service', preset: '../../../jest.preset.cjs', rootDir: __dirname };
