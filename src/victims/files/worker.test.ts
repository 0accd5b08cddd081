// The casualty import read in a worker thread against the same import read in the writing thread,
// on SQLite and PostgreSQL: the same problems (file, row, field, expected, found, count) for the
// same bad file, the same stored rows for the same good one, several chunks long.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../core/date.js';
import { initDatabase } from '../../setup/seed.js';
import { SYSTEM } from '../../store/audit.js';
import type { Store } from '../../store/database.js';
import { forEachDatabase } from '../../store/test-databases.js';
import { RECORD_COLUMNS } from '../records.js';
import { importCasualties } from './import.js';
import { CasualtyImportError } from './read.js';

const today = '2026-11-30' as CalendarDate;
const HEADER = RECORD_COLUMNS.join(',');
const SERVICES = ['', 'medical', 'medical;physical-rehabilitation', 'education;socio-economic-inclusion'];

/** Row i of a varied good file: points or none, quoted areas with commas, quotes, tabs, backslashes, ages or bands. */
function goodRow(prefix: string, i: number): string {
  const area = ['Maputo', '"Gaza, ""north"""', 'Tete\tdistrict', 'C:\\ward', ''][i % 5] as string;
  const age = i % 7 === 0 ? '' : String(i % 90);
  const fields: Record<string, string> = {
    id: `${prefix}-${i}`,
    iso3: 'MOZ',
    incident_date: `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`,
    historic: i % 11 === 0 ? 'no' : '',
    lat: i % 3 === 0 ? '' : String(-25 + (i % 100) / 10),
    lon: i % 3 === 0 ? '' : String(32 + (i % 50) / 7),
    admin_area: area,
    device: ['ap-mine', 'av-mine', 'erw', 'unknown'][i % 4] as string,
    outcome: i % 2 === 0 ? 'killed' : 'injured',
    sex: ['female', 'male', ''][i % 3] as string,
    age,
    age_band: age === '' && i % 2 === 0 ? '18-29' : '',
    status: ['civilian', 'military', 'deminer', ''][i % 4] as string,
    child: '',
    activity: ['playing', 'farming', ''][i % 3] as string,
    needs: SERVICES[i % 4] as string,
    referrals: SERVICES[(i + 1) % 2] as string,
  };
  return RECORD_COLUMNS.map((c) => fields[c] ?? '').join(',');
}
const csv = (rows: string[]): string => [HEADER, ...rows].join('\n') + '\n';

forEachDatabase((database) => {
  describe('casualty import in a worker thread', () => {
    let store: Store;
    beforeAll(async () => {
      store = await database.open();
      await initDatabase(store);
    });
    const stored = async (): Promise<unknown[]> =>
      (await sql`select * from casualty_records where iso3 = 'MOZ' order by id`.execute(store.db)).rows;
    const refusal = async (worker: boolean, text: string): Promise<CasualtyImportError> => {
      const error = await importCasualties(store, text, 'w.csv', 'csv', { state: 'MOZ', today, worker }, SYSTEM).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(CasualtyImportError);
      return error as CasualtyImportError;
    };

    it('stores the same rows as the in-thread read', async () => {
      const text = csv(Array.from({ length: 9000 }, (_, i) => goodRow('W', i)));
      const inThread = await importCasualties(
        store,
        text,
        'w.csv',
        'csv',
        { state: 'MOZ', today, worker: false },
        SYSTEM,
      );
      const rows = await stored();
      await sql`delete from casualty_records where iso3 = 'MOZ'`.execute(store.db);
      const inWorker = await importCasualties(
        store,
        text,
        'w.csv',
        'csv',
        { state: 'MOZ', today, worker: true },
        SYSTEM,
      );
      expect(inWorker).toEqual(inThread);
      expect(rows).toHaveLength(9000);
      expect(await stored()).toEqual(rows);
      await sql`delete from casualty_records where iso3 = 'MOZ'`.execute(store.db);
    });

    it('names the same problems as the in-thread read, and writes nothing', async () => {
      const rows = Array.from({ length: 7000 }, (_, i) => goodRow('P', i));
      rows[5] = goodRow('P', 5).replace(',MOZ,', ',AGO,');
      rows[4100] = goodRow('P', 4100).replace(/,20\d\d-/, ',2030-');
      rows[4200] = goodRow('P', 3); // an id used twice
      rows[6000] = 'P-short,MOZ';
      rows[6990] = goodRow('P', 6990).replace(',killed,', ',dead,');
      const text = csv(rows);
      const inThread = await refusal(false, text);
      const inWorker = await refusal(true, text);
      expect(inThread.count).toBe(5);
      expect(inWorker.count).toBe(inThread.count);
      expect(inWorker.problems).toEqual(inThread.problems);
      expect(await stored()).toEqual([]);
    });

    it('names a header problem and an id already stored as the in-thread read does', async () => {
      const badHeader = csv([goodRow('H', 1)]).replace(',age,', ',years,');
      expect((await refusal(true, badHeader)).problems).toEqual((await refusal(false, badHeader)).problems);
      await importCasualties(store, csv([goodRow('S', 4321)]), 's.csv', 'csv', { state: 'MOZ', today }, SYSTEM);
      const clash = csv(Array.from({ length: 5000 }, (_, i) => goodRow('S', i + 1)));
      const inWorker = await refusal(true, clash);
      expect(inWorker.problems).toEqual((await refusal(false, clash)).problems);
      expect(inWorker.problems[0]).toMatchObject({ file: 'w.csv', row: 4322, field: 'id', found: 'S-4321' });
      expect(await stored()).toHaveLength(1);
    });
  });
});
