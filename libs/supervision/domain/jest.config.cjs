module.exports = { displayName: 'supervision-domain', preset: '../../../jest.preset.cjs', rootDir: __dirname };
