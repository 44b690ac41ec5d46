module.exports = { displayName: 'decisions-service', preset: '../../../jest.preset.cjs', rootDir: __dirname };
