module.exports = { displayName: 'supervision', preset: '../../jest.preset.cjs', rootDir: __dirname };
