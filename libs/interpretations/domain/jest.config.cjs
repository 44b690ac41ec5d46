module.exports = { displayName: 'interpretations-domain', preset: '../../../jest.preset.cjs', rootDir: __dirname };
