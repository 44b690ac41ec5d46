module.exports = { displayName: 'oversight-service', preset: '../../../jest.preset.cjs', rootDir: __dirname };
