module.exports = { displayName: 'decisions-domain', preset: '../../../jest.preset.cjs', rootDir: __dirname };
