/** Jest in native ESM mode (the @actions/* majors are ESM-only); swc strips types. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {jsc: {parser: {syntax: 'typescript'}, target: 'es2022'}, module: {type: 'es6'}}
    ]
  },
  // NodeNext sources import './x.js'; jest resolves the .ts file behind it.
  moduleNameMapper: {'^(\\.{1,2}/.*)\\.js$': '$1'},
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  globalSetup: '<rootDir>/__tests__/support/global-setup.ts',
  globalTeardown: '<rootDir>/__tests__/support/global-teardown.ts',
  setupFiles: ['<rootDir>/__tests__/support/setup-env.ts'],
  testTimeout: 60000,
  maxWorkers: 2
};
