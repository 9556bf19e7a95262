/** Unit tests of the framework-free shared library. */
module.exports = {
  displayName: 'shared',
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
