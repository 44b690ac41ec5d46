module.exports = { displayName: 'interpretations', preset: '../../jest.preset.cjs', rootDir: __dirname };
