// Article 7 report records in the database, on SQLite and PostgreSQL: data/ given back as read;
// the database itself holds one submission per State and report and exactly one fact per row.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDate } from '../core/date.js';
import { RejectedWriteError } from '../core/rejection.js';
import { initDatabase } from '../setup/seed.js';
import { SYSTEM } from '../store/audit.js';
import type { Store } from '../store/database.js';
import { forEachDatabase } from '../store/test-databases.js';
import { loadReference } from '../treaty/reference.js';
import { TreatyEngine } from '../treaty/status.js';
import type { ReportRecord } from './model.js';
import { readReportRecords } from './reference.js';
import { addReportRecord, loadReportRecords, reportsVersion } from './store.js';
import { recordRow } from './store-rows.js';

const { facts, sources } = loadReference();
const engine = new TreatyEngine(facts);
const expected = readReportRecords(sources, engine);
const context = { entryIntoForce: (iso3: ReportRecord['iso3']) => engine.entryIntoForce(iso3) };

forEachDatabase((database) => {
  describe('Article 7 report records', () => {
    let store: Store;
    beforeAll(async () => {
      store = await database.open();
      await initDatabase(store);
    });

    it('gives back the records of data/, every field as read', async () => {
      const stored = await loadReportRecords(store.db);
      expect(stored.map(({ id: _id, ...r }) => r)).toEqual(expected);
      expect((await loadReportRecords(store.db, 'LKA')).map((r) => r.received)).toEqual(['2018-11-29']);
    });

    it('keeps one submission per State and report even when the checks are bypassed', async () => {
      const lka = expected.find((r) => r.iso3 === 'LKA');
      if (lka === undefined) throw new Error('LKA is in data/');
      await expect(store.db.insertInto('article7_reports').values(recordRow(lka)).execute()).rejects.toThrow();
      // Two statements of absence for the same report are two facts.
      const absent = { ...lka, report: 2019, received: null, notReceivedOn: parseDate('2020-06-01') };
      await store.db.insertInto('article7_reports').values(recordRow(absent)).execute();
      await store.db
        .insertInto('article7_reports')
        .values(recordRow({ ...absent, notReceivedOn: parseDate('2020-07-01') }))
        .execute();
      // Neither or both of the two facts: refused by the database.
      await expect(
        store.db
          .insertInto('article7_reports')
          .values({ ...recordRow(absent), received: '2020' as never })
          .execute(),
      ).rejects.toThrow();
    });

    it('writes a record with its audit row, and refuses a duplicate as a conflict', async () => {
      const version = await reportsVersion(store);
      const record: ReportRecord = {
        iso3: 'PSE',
        report: 2019,
        received: '2020-04-29' as ReportRecord['received'],
        notReceivedOn: null,
        language: 'ar',
        link: 'https://example.org/report',
        sources: ['S39'],
        notes: '',
      };
      const stored = await addReportRecord(store, record, SYSTEM, { ...context, asOf: parseDate('2020-06-01') });
      expect(stored).toMatchObject({ ...record, id: expect.any(Number) as number });
      expect(await reportsVersion(store)).toBeGreaterThan(version);
      const duplicate = addReportRecord(
        store,
        { ...record, received: '2020-05-02' as ReportRecord['received'] },
        SYSTEM,
        context,
      );
      await expect(duplicate).rejects.toMatchObject({ reason: 'conflict', field: 'report' });
      await expect(duplicate).rejects.toBeInstanceOf(RejectedWriteError);
      expect((await loadReportRecords(store.db, 'PSE')).filter((r) => r.report === 2019)).toHaveLength(1);
    });
  });
});
