// The frameworks of data/ through the seed and back, on SQLite and PostgreSQL: the database holds
// what the file says, a source's "None" (a mechanism or plan stated not to exist) included.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '../core/data-dir.js';
import { initDatabase } from '../setup/seed.js';
import { readSources } from '../sources/reference.js';
import type { Store } from '../store/database.js';
import { forEachDatabase } from '../store/test-databases.js';
import { NO_MECHANISM, NO_PLAN } from './model.js';
import { loadFrameworks as readFrameworks } from './reference.js';
import { loadFrameworks } from './store.js';

forEachDatabase((database) => {
  describe('frameworks in the database', () => {
    let store: Store;
    beforeAll(async () => {
      store = await database.open();
      await initDatabase(store);
    });

    it('gives back every row of the file as read, a stated none included', async () => {
      const file = readFrameworks(readSources(DEFAULT_DATA_DIR));
      const stored = await loadFrameworks(store.db);
      expect(stored).toEqual(file);
      const eritrea = stored.find((r) => r.iso3 === 'ERI' && r.reported === '2017-07-26');
      expect(eritrea).toMatchObject({ mechanism: NO_MECHANISM, plan: NO_PLAN });
      const uganda = stored.find((r) => r.iso3 === 'UGA' && r.reported === '2018-10-21');
      expect(uganda).toMatchObject({ mechanism: { type: 'disability', since: null }, plan: NO_PLAN });
    });
  });
});
