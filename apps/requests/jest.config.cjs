module.exports = { displayName: 'requests', preset: '../../jest.preset.cjs', rootDir: __dirname };
