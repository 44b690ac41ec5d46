module.exports = { displayName: 'participation-domain', preset: '../../../jest.preset.cjs', rootDir: __dirname };
