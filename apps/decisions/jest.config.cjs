module.exports = { displayName: 'decisions', preset: '../../jest.preset.cjs', rootDir: __dirname };
