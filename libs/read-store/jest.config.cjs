module.exports = { displayName: 'read-store', preset: '../../jest.preset.cjs', rootDir: __dirname };
