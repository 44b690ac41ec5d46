module.exports = { displayName: 'oversight-domain', preset: '../../../jest.preset.cjs', rootDir: __dirname };
