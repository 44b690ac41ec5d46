// One jest run over every project, so that `npm test` is a single command that CI can time.
module.exports = {
  projects: ['<rootDir>/libs/*/jest.config.cjs', '<rootDir>/libs/*/*/jest.config.cjs', '<rootDir>/apps/*/jest.config.cjs', '<rootDir>/tools/jest.config.cjs'],
  reporters: ['default', '<rootDir>/tools/jest-summary-reporter.cjs'],
};
