module.exports = { displayName: 'participation-service', preset: '../../../jest.preset.cjs', rootDir: __dirname };
