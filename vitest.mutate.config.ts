// The pure rules' tests only, for `npm run mutate` (Stryker): no database, no server, no browser.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src/treaty/{article5,article7,completion,entry-into-force,history,status,withdrawal,rules-edges}.test.ts',
      'src/clearance/{forecast,land-release,land-release.properties,ledger.properties,summary}.test.ts',
      'src/clearance/article5/{completion,extension}.test.ts',
      'src/stockpiles/{article4,article4-record}.test.ts',
    ],
    pool: 'forks',
    testTimeout: 30_000,
    env: { MINEFREE_FROM_SOURCE: '1' },
    // One seed for every fast-check property (test-support/fast-check-seed.ts).
    setupFiles: ['./src/test-support/fast-check-seed.ts'],
  },
});
