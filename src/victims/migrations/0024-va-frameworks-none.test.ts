// Migration 0024 on a database that already holds framework rows: nothing is lost (SQLite rebuilds
// va_frameworks), a stated none can be written and nothing else new is let in, and going down
// turns a stated none back into "not found".
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateTo } from '../../setup/migrations.js';
import { forEachDatabase } from '../../store/test-databases.js';
import { insert } from './test-rows.js';

const framework = (reported: string, change: Record<string, unknown> = {}) => ({
  iso3: 'KHM',
  reported,
  significant: 1,
  mechanism_type: 'victim-assistance',
  mechanism_since: '2009',
  plan_title: 'National Disability Strategic Plan',
  plan_from: '2014',
  plan_to: '2018',
  survivor_participation: 1,
  services: '{}',
  sources: '["V1"]',
  notes: '',
  ...change,
});

const REFUSED: Record<string, unknown>[] = [
  { mechanism_type: 'ministry' },
  { mechanism_type: 'none', mechanism_since: '2009' },
  { plan_none: 1 },
  { plan_none: 1, plan_title: null, plan_from: '2014', plan_to: null },
  { plan_none: 2, plan_title: null, plan_from: null, plan_to: null },
];

forEachDatabase((database) => {
  describe('0024-va-frameworks-none', () => {
    it('keeps every row, writes a stated none, refuses the rest, and goes back down', async () => {
      const store = await database.open();
      await migrateTo(store, '0019-tile-index');
      await insert(store, 'states', { iso3: 'KHM', name: 'Cambodia', entry_into_force_stated: null, sources: '[]' });
      await insert(store, 'va_frameworks', framework('2017-12-04'));
      await expect(
        insert(store, 'va_frameworks', framework('2017-12-05', { mechanism_type: 'none' })),
      ).rejects.toThrow();

      await migrateTo(store, '0024-va-frameworks-none');
      const rows = (await sql`select * from va_frameworks`.execute(store.db)).rows;
      expect(rows).toEqual([{ id: 1, ...framework('2017-12-04'), plan_none: 0 }]);
      for (const [i, change] of REFUSED.entries())
        await expect(
          insert(store, 'va_frameworks', framework(`2018-01-0${i + 1}`, change)),
          JSON.stringify(change),
        ).rejects.toThrow();
      const none = { mechanism_type: 'none', mechanism_since: null, plan_title: null, plan_from: null, plan_to: null };
      await insert(store, 'va_frameworks', framework('2019-10-01', { ...none, plan_none: 1 }));
      // The foreign key to states still holds.
      await expect(insert(store, 'va_frameworks', framework('2019-10-02', { iso3: 'XXX' }))).rejects.toThrow();

      await migrateTo(store, '0019-tile-index');
      const down = (await sql`select reported, mechanism_type from va_frameworks order by reported`.execute(store.db))
        .rows;
      expect(down).toEqual([
        { reported: '2017-12-04', mechanism_type: 'victim-assistance' },
        { reported: '2019-10-01', mechanism_type: null },
      ]);
      await expect(
        insert(store, 'va_frameworks', framework('2020-01-01', { mechanism_type: 'none' })),
      ).rejects.toThrow();
    });
  });
});
