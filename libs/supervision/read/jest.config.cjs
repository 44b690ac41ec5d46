module.exports = { displayName: 'supervision-read', preset: '../../../jest.preset.cjs', rootDir: __dirname };
