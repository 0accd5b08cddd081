// Migration 0020 on a database that already holds casualty records and personal details: every
// row is kept and personal details gain their record's State; afterwards an id is unique within a
// State only, the checks still refuse what they refused, the composite foreign key holds and
// cascades; going down again keeps every row.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateTo } from '../../setup/migrations.js';
import { forEachDatabase } from '../../store/test-databases.js';
import { insert, record } from './test-rows.js';

const personal = (change: Record<string, unknown>) => ({
  record_id: 'R1',
  name: 'N',
  contact: null,
  consent: 'given',
  consent_date: null,
  ...change,
});

forEachDatabase((database) => {
  describe('0020-casualty-keys', () => {
    it('keys records and personal details by State and id, keeping every row both ways', async () => {
      const store = await database.open();
      await migrateTo(store, '0019-tile-index');
      await insert(store, 'casualty_records', record('R1'));
      await insert(store, 'casualty_records', record('R2', { iso3: 'LAO' }));
      await insert(store, 'casualty_personal', personal({}));
      await expect(insert(store, 'casualty_records', record('R1', { iso3: 'LAO' }))).rejects.toThrow();

      await migrateTo(store, '0020-casualty-keys');
      expect((await sql`select * from casualty_records order by iso3, id`.execute(store.db)).rows).toEqual([
        record('R1'),
        record('R2', { iso3: 'LAO' }),
      ]);
      expect((await sql`select iso3, record_id, name from casualty_personal`.execute(store.db)).rows).toEqual([
        { iso3: 'KHM', record_id: 'R1', name: 'N' },
      ]);
      // Another State may use the same id; one State may not use it twice.
      await insert(store, 'casualty_records', record('R1', { iso3: 'LAO' }));
      await expect(insert(store, 'casualty_records', record('R1'))).rejects.toThrow();
      await expect(insert(store, 'casualty_records', record('X', { sex: 'x' }))).rejects.toThrow();
      // Personal details belong to a record of their own State.
      await expect(insert(store, 'casualty_personal', personal({ iso3: 'TJK' }))).rejects.toThrow();
      await insert(store, 'casualty_personal', personal({ iso3: 'LAO' }));
      await sql`delete from casualty_records where iso3 = 'LAO' and id = 'R1'`.execute(store.db);
      expect((await sql`select iso3 from casualty_personal`.execute(store.db)).rows).toEqual([{ iso3: 'KHM' }]);

      await migrateTo(store, '0019-tile-index');
      expect((await sql`select count(*) as n from casualty_records`.execute(store.db)).rows).toEqual([{ n: 2 }]);
      expect((await sql`select record_id from casualty_personal`.execute(store.db)).rows).toEqual([
        { record_id: 'R1' },
      ]);
      await expect(insert(store, 'casualty_records', record('R1', { iso3: 'LAO' }))).rejects.toThrow();
    });
  });
});
