// Casualty files into the database, on SQLite and PostgreSQL: CSV and XLSX, all or nothing,
// every refusal naming file, row (sheet) and field.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../core/date.js';
import { initDatabase } from '../../setup/seed.js';
import { SYSTEM } from '../../store/audit.js';
import type { Store } from '../../store/database.js';
import { forEachDatabase } from '../../store/test-databases.js';
import { RECORD_COLUMNS } from '../records.js';
import { listRecords } from '../store.js';
import { CasualtyImportError, describeImportProblem } from './read.js';
import { importCasualties } from './import.js';

const today = '2026-11-30' as CalendarDate;
const HEADER = RECORD_COLUMNS.join(',');
const row = (id: string, change: Record<string, string> = {}): string => {
  const base: Record<string, string> = {
    id,
    iso3: 'MOZ',
    incident_date: '2021-06-01',
    historic: '',
    lat: '-25.9',
    lon: '32.6',
    admin_area: 'Maputo',
    device: 'erw',
    outcome: 'killed',
    sex: 'female',
    age: '9',
    age_band: '',
    status: 'civilian',
    child: 'yes',
    activity: 'playing',
    needs: '',
    referrals: '',
    ...change,
  };
  return RECORD_COLUMNS.map((c) => base[c] ?? '').join(',');
};
const csv = (...rows: string[]): string => [HEADER, ...rows].join('\n') + '\n';

async function xlsx(rows: (string | number | Date)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('casualties');
  sheet.addRow([...RECORD_COLUMNS]);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

forEachDatabase((database) => {
  describe('casualty import', () => {
    let store: Store;
    const total = async (): Promise<number> => (await listRecords(store, 'MOZ', { limit: 1, offset: 0 })).total;
    const refusal = async (run: () => Promise<unknown>): Promise<CasualtyImportError> => {
      const error = await run().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CasualtyImportError);
      return error as CasualtyImportError;
    };
    beforeAll(async () => {
      store = await database.open();
      await initDatabase(store);
    });

    it('imports a CSV, quoted fields and all', async () => {
      const text = csv(row('MOZ-1'), row('MOZ-2', { admin_area: '"Gaza, ""north"""' }), row('MOZ-3'));
      const result = await importCasualties(store, text, 'moz.csv', 'csv', { state: 'MOZ', today }, SYSTEM);
      expect(result).toMatchObject({ added: 3, file: 'moz.csv', synthetic: false });
      const stored = await listRecords(store, 'MOZ', { limit: 10, offset: 0 });
      expect(stored.records.find((r) => r.id === 'MOZ-2')?.place.adminArea).toBe('Gaza, "north"');
    });

    it('imports an XLSX sheet, date cells and number cells read as text', async () => {
      const cells = RECORD_COLUMNS.map((c) =>
        c === 'id' ? 'MOZ-X1' : c === 'incident_date' ? new Date(Date.UTC(2022, 0, 15)) : c === 'age' ? 40 : '',
      );
      const values = Object.fromEntries(RECORD_COLUMNS.map((c, i) => [c, cells[i]]));
      Object.assign(values, { iso3: 'MOZ', device: 'av-mine', outcome: 'injured', sex: 'male', status: 'military' });
      const data = await xlsx([RECORD_COLUMNS.map((c) => values[c] as string | number | Date)]);
      const result = await importCasualties(store, data, 'moz.xlsx', 'xlsx', { state: 'MOZ', today }, SYSTEM);
      expect(result).toMatchObject({ added: 1, sheet: 'casualties' });
      const stored = await listRecords(store, 'MOZ', { limit: 10, offset: 0 });
      expect(stored.records.find((r) => r.id === 'MOZ-X1')).toMatchObject({
        incidentDate: '2022-01-15',
        age: 40,
        ageBand: '30-44',
      });
    });

    it.each([
      { name: 'a future date', bad: row('B-1', { incident_date: '2026-12-01' }), field: 'incident_date' },
      {
        name: 'a date before 1990 without the flag',
        bad: row('B-1', { incident_date: '1989-06-01' }),
        field: 'incident_date',
      },
      { name: 'an age over 120', bad: row('B-1', { age: '121', child: '' }), field: 'age' },
      { name: 'an unknown sex', bad: row('B-1', { sex: 'f' }), field: 'sex' },
      { name: 'an unknown device', bad: row('B-1', { device: 'ied' }), field: 'device' },
      { name: 'another State', bad: row('B-1', { iso3: 'AGO' }), field: 'iso3' },
      { name: 'an id used twice in the file', bad: row('B-0'), field: 'id' },
      { name: 'an id already stored', bad: row('MOZ-1'), field: 'id' },
    ])('refuses $name, naming file, row and field; nothing written', async ({ bad, field }) => {
      const before = await total();
      const text = csv(row('B-0'), bad);
      const error = await refusal(() =>
        importCasualties(store, text, 'bad.csv', 'csv', { state: 'MOZ', today }, SYSTEM),
      );
      expect(error.problems[0]).toMatchObject({ file: 'bad.csv', row: 3, field });
      expect(describeImportProblem(error.problems[0]!)).toMatch(
        new RegExp(`^bad\\.csv row 3 field ${field}: expected`),
      );
      expect(await total()).toBe(before);
    });

    // The import writes batches while it reads: a problem far into the file, after batches went to
    // the database (COPY on PostgreSQL), still leaves nothing, and every problem is counted.
    it('writes nothing when a row far into the file is bad, after batches were written', async () => {
      const before = await total();
      const good = Array.from({ length: 4500 }, (_, i) => row(`F-${i}`));
      const text = csv(...good, row('F-bad', { sex: 'x' }), row('F-late'), row('F-bad2', { age: '200', child: '' }));
      const error = await refusal(() =>
        importCasualties(store, text, 'far.csv', 'csv', { state: 'MOZ', today }, SYSTEM),
      );
      expect(error.count).toBe(2);
      expect(error.problems.map((p) => [p.row, p.field])).toEqual([
        [4502, 'sex'],
        [4504, 'age'],
      ]);
      expect(await total()).toBe(before);
    });

    it('names the row of an id already stored far into the file; nothing written', async () => {
      const before = await total();
      const rows = Array.from({ length: 4500 }, (_, i) => row(`G-${i}`));
      rows.splice(4300, 0, row('MOZ-1'));
      const error = await refusal(() =>
        importCasualties(store, csv(...rows), 'dup.csv', 'csv', { state: 'MOZ', today }, SYSTEM),
      );
      expect(error.problems).toEqual([
        {
          file: 'dup.csv',
          sheet: null,
          row: 4302,
          field: 'id',
          expected: 'a pseudonymous id not already stored',
          found: 'MOZ-1',
        },
      ]);
      expect(await total()).toBe(before);
      // The connection is left usable: the next import goes in.
      await expect(
        importCasualties(store, csv(row('G-after')), 'next.csv', 'csv', { state: 'MOZ', today }, SYSTEM),
      ).resolves.toMatchObject({ added: 1 });
    });

    it('accepts a date before 1990 with historic=yes', async () => {
      const text = csv(row('MOZ-H1', { incident_date: '1985-02-01', historic: 'yes' }));
      await expect(
        importCasualties(store, text, 'h.csv', 'csv', { state: 'MOZ', today }, SYSTEM),
      ).resolves.toMatchObject({ added: 1 });
    });

    it('names the sheet of an XLSX refusal', async () => {
      const data = await xlsx([row('X-9', { age: '130', child: '' }).split(',')]);
      const error = await refusal(() =>
        importCasualties(store, data, 'b.xlsx', 'xlsx', { state: 'MOZ', today }, SYSTEM),
      );
      expect(describeImportProblem(error.problems[0]!)).toBe(
        'b.xlsx sheet "casualties" row 2 field age: expected a whole number of years from 0 to 120, found "130"',
      );
    });

    it('refuses a file with a missing column or a short row, and an empty file', async () => {
      const noAge = [HEADER.replace(',age,', ','), 'x'].join('\n');
      expect(
        (await refusal(() => importCasualties(store, noAge, 'c.csv', 'csv', { state: 'MOZ', today }, SYSTEM)))
          .problems[0],
      ).toMatchObject({ row: 1, field: 'age' });
      const short = csv('MOZ-S,MOZ');
      expect(
        (await refusal(() => importCasualties(store, short, 'c.csv', 'csv', { state: 'MOZ', today }, SYSTEM)))
          .problems[0],
      ).toMatchObject({ row: 2, field: null });
      expect(
        (await refusal(() => importCasualties(store, '', 'e.csv', 'csv', { state: 'MOZ', today }, SYSTEM))).problems[0],
      ).toMatchObject({ row: 1 });
      const unclosed = csv(row('MOZ-Q', { admin_area: '"open' }));
      expect(
        (await refusal(() => importCasualties(store, unclosed, 'q.csv', 'csv', { state: 'MOZ', today }, SYSTEM)))
          .problems[0],
      ).toMatchObject({ row: 2 });
    });
  });
});
