module.exports = { displayName: 'services-catalog-domain', preset: '../../../jest.preset.cjs', rootDir: __dirname };
