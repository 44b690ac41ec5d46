module.exports = { displayName: 'event-sourcing', preset: '../../jest.preset.cjs', rootDir: __dirname };
