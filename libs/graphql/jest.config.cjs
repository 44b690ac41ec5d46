module.exports = { displayName: 'graphql', preset: '../../jest.preset.cjs', rootDir: __dirname };
