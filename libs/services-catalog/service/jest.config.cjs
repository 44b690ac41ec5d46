module.exports = { displayName: 'services-catalog-service', preset: '../../../jest.preset.cjs', rootDir: __dirname };
