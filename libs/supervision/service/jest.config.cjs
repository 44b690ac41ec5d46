module.exports = { displayName: 'supervision-service', preset: '../../../jest.preset.cjs', rootDir: __dirname };
