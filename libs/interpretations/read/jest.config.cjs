module.exports = { displayName: 'interpretations-read', preset: '../../../jest.preset.cjs', rootDir: __dirname };
