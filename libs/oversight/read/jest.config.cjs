module.exports = { displayName: 'oversight-read', preset: '../../../jest.preset.cjs', rootDir: __dirname };
