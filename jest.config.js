/**
 * Test tiers by folder (see README): test/unit (no IO), test/contract (store contract run
 * against each store), test/api (real HTTP on an ephemeral port), test/browser.
 * `*.int.test.ts` needs Neo4j and runs only when NEO4J_URI is set.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 30000,
  // One temp folder for the run, removed at its end (test/support/temp-root.ts).
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};
