module.exports = { displayName: 'decisions-read', preset: '../../../jest.preset.cjs', rootDir: __dirname };
