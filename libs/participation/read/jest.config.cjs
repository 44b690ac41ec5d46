module.exports = { displayName: 'participation-read', preset: '../../../jest.preset.cjs', rootDir: __dirname };
