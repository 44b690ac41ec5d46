module.exports = { displayName: 'participation', preset: '../../jest.preset.cjs', rootDir: __dirname };
