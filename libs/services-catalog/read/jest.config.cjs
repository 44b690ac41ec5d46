module.exports = { displayName: 'services-catalog-read', preset: '../../../jest.preset.cjs', rootDir: __dirname };
