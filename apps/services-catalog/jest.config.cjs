module.exports = { displayName: 'services-catalog', preset: '../../jest.preset.cjs', rootDir: __dirname };
