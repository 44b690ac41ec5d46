module.exports = { displayName: 'oversight', preset: '../../jest.preset.cjs', rootDir: __dirname };
