// Migration 0017 on a database that already holds casualty records and personal details: nothing
// is lost (SQLite rebuilds casualty_records), the rebuilt constraints refuse what 0010's refused,
// and going down again keeps every row.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateTo } from '../../setup/migrations.js';
import { forEachDatabase } from '../../store/test-databases.js';
import { insert, record } from './test-rows.js';

const REFUSED: Record<string, unknown>[] = [
  { device: 'landmine' },
  { outcome: 'missing' },
  { sex: 'x' },
  { age_band: '17-20' },
  { status: 'police' },
  { age: 121 },
  { historic: 2 },
  { incident_date: '2020-1-2' },
];

forEachDatabase((database) => {
  describe('0017-casualty-checks', () => {
    it('keeps every record and personal detail, and refuses what 0010 refused', async () => {
      const store = await database.open();
      await migrateTo(store, '0016-article7-reports');
      await insert(store, 'casualty_records', record('R1'));
      await insert(store, 'casualty_personal', {
        record_id: 'R1',
        name: 'N',
        contact: null,
        consent: 'given',
        consent_date: null,
      });

      await migrateTo(store, '0017-casualty-checks');
      expect((await sql`select * from casualty_records`.execute(store.db)).rows).toEqual([record('R1')]);
      expect((await sql`select record_id from casualty_personal`.execute(store.db)).rows).toEqual([
        { record_id: 'R1' },
      ]);
      for (const [i, change] of REFUSED.entries())
        await expect(
          insert(store, 'casualty_records', record(`X${i}`, change)),
          JSON.stringify(change),
        ).rejects.toThrow();
      for (const device of ['ap-mine', 'improvised-ap-mine', 'av-mine', 'erw', 'cluster-munition-remnant', 'unknown'])
        await insert(store, 'casualty_records', record(`D-${device}`, { device }));
      // The foreign key still holds, and still cascades.
      await expect(
        insert(store, 'casualty_personal', {
          record_id: 'none',
          name: null,
          contact: null,
          consent: 'given',
          consent_date: null,
        }),
      ).rejects.toThrow();
      await sql`delete from casualty_records where id = 'R1'`.execute(store.db);
      expect((await sql`select * from casualty_personal`.execute(store.db)).rows).toEqual([]);

      await migrateTo(store, '0016-article7-reports');
      expect((await sql`select count(*) as n from casualty_records`.execute(store.db)).rows).toEqual([{ n: 6 }]);
      await expect(insert(store, 'casualty_records', record('Y', { sex: 'x' }))).rejects.toThrow();
    });
  });
});
