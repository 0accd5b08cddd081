import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    // The tests run the TypeScript sources: bin/minefree.js goes through tsx, never the build in dist/.
    env: { MINEFREE_FROM_SOURCE: '1' },
    reporters: ['default', './src/test-support/summary-reporter.ts'],
    // One seed for every fast-check property (test-support/fast-check-seed.ts).
    setupFiles: ['./src/test-support/fast-check-seed.ts'],
  },
});
