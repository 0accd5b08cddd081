// Casualty records in the database, on SQLite and PostgreSQL: written all or nothing with one
// audit row, personal details apart and every read of them audited, aggregates suppressed.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CalendarDate } from '../core/date.js';
import { RejectedWriteError } from '../core/rejection.js';
import { initDatabase } from '../setup/seed.js';
import { SYSTEM, listRecentAudit } from '../store/audit.js';
import type { Store } from '../store/database.js';
import { forEachDatabase } from '../store/test-databases.js';
import { globalVictims, stateBreakdowns, stateVictims } from './service.js';
import {
  PERSONAL_READ_ENTITY,
  addRecords,
  deleteSynthetic,
  getRecord,
  listRecords,
  loadFrameworks,
  readPersonal,
  writePersonal,
} from './store.js';
import { casualties, casualty } from './test-records.js';

const day = (text: string): CalendarDate => text as CalendarDate;
const recorded = day('2024-01-10');

forEachDatabase((database) => {
  describe('casualty records', () => {
    let store: Store;
    beforeAll(async () => {
      store = await database.open();
      await initDatabase(store);
    });

    it('loads the frameworks of data/ with the seed', async () => {
      const reports = await loadFrameworks(store.db);
      expect(reports.length).toBeGreaterThan(0);
      expect(reports.every((r) => r.sources.length > 0)).toBe(true);
    });

    it('gives a record back as written, with personal details apart, one audit row per write', async () => {
      const record = casualty({
        id: 'KHM-A-1',
        age: null,
        ageBand: '0-17',
        child: true,
        needs: [],
        referrals: ['education'],
      });
      const written = await addRecords(
        store,
        'KHM',
        [record],
        [
          {
            recordId: 'KHM-A-1',
            name: 'A. Person',
            contact: '+855 1',
            consent: 'given',
            consentDate: day('2024-01-02'),
          },
        ],
        SYSTEM,
        { recorded },
      );
      expect(written).toEqual({ iso3: 'KHM', added: 1, personal: 1, synthetic: false });
      expect(await getRecord(store, 'KHM', 'KHM-A-1')).toEqual(record);
      const audit = (await listRecentAudit(store, { entity: 'casualties', limit: 5 }))[0];
      expect(JSON.stringify(audit)).not.toContain('A. Person');
    });

    it('audits every read of personal data, without the values', async () => {
      const before = (await listRecentAudit(store, { entity: PERSONAL_READ_ENTITY, limit: 100 })).length;
      expect(await readPersonal(store, 'KHM', 'KHM-A-1', { userId: null })).toMatchObject({ name: 'A. Person' });
      expect(await readPersonal(store, 'KHM', 'KHM-NONE', { userId: null })).toBeNull();
      const rows = await listRecentAudit(store, { entity: PERSONAL_READ_ENTITY, limit: 100 });
      expect(rows.length).toBe(before + 2);
      expect(rows[1]).toMatchObject({ action: 'read', entityId: 'KHM/KHM-A-1' });
      expect(JSON.stringify(rows)).not.toContain('A. Person');
      await writePersonal(
        store,
        'KHM',
        { recordId: 'KHM-A-1', name: null, contact: null, consent: 'refused', consentDate: null },
        SYSTEM,
      );
      expect(await readPersonal(store, 'KHM', 'KHM-A-1', SYSTEM)).toMatchObject({ consent: 'refused', name: null });
    });

    it('refuses a stored id, naming the record; nothing written', async () => {
      const before = (await listRecords(store, 'KHM', { limit: 1, offset: 0 })).total;
      const error = await addRecords(
        store,
        'KHM',
        [casualty({ id: 'KHM-B-1' }), casualty({ id: 'KHM-A-1' })],
        [],
        SYSTEM,
        {
          recorded,
        },
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RejectedWriteError);
      expect((error as RejectedWriteError).field).toBe('records[1].id');
      expect((await listRecords(store, 'KHM', { limit: 1, offset: 0 })).total).toBe(before);
    });

    it('keys a record by State and id: another State may use the same id, with its own personal details', async () => {
      await addRecords(store, 'TJK', [casualty({ id: 'KHM-A-1', state: 'TJK' })], [], SYSTEM, { recorded });
      expect((await getRecord(store, 'TJK', 'KHM-A-1'))?.state).toBe('TJK');
      expect((await getRecord(store, 'KHM', 'KHM-A-1'))?.state).toBe('KHM');
      expect(await getRecord(store, 'LAO', 'KHM-A-1')).toBeNull();
      expect(await readPersonal(store, 'TJK', 'KHM-A-1', SYSTEM)).toBeNull();
      await expect(
        writePersonal(
          store,
          'LAO',
          { recordId: 'KHM-A-1', name: 'X', contact: null, consent: 'given', consentDate: null },
          SYSTEM,
        ),
      ).rejects.toThrow(/stored record of LAO/);
      await writePersonal(
        store,
        'TJK',
        { recordId: 'KHM-A-1', name: 'T. Person', contact: null, consent: 'given', consentDate: null },
        SYSTEM,
      );
      expect(await readPersonal(store, 'TJK', 'KHM-A-1', SYSTEM)).toMatchObject({ name: 'T. Person' });
      expect(await readPersonal(store, 'KHM', 'KHM-A-1', SYSTEM)).toMatchObject({ consent: 'refused', name: null });
    });

    it('never mixes demo and real records of a State', async () => {
      await expect(
        addRecords(store, 'KHM', [casualty({ id: 'KHM-D-1', synthetic: true })], [], SYSTEM, { recorded }),
      ).rejects.toThrow(/demo/);
      await addRecords(store, 'LAO', casualties(6, 'LAO-D', { state: 'LAO', synthetic: true }), [], SYSTEM, {
        recorded,
      });
      await expect(
        addRecords(store, 'LAO', [casualty({ id: 'LAO-R-1', state: 'LAO' })], [], SYSTEM, { recorded }),
      ).rejects.toThrow(/demo/);
      expect(await deleteSynthetic(store, 'LAO', SYSTEM)).toBe(6);
      expect(await deleteSynthetic(store, 'KHM', SYSTEM)).toBe(0);
    });

    it('publishes suppressed aggregates only, on the date', async () => {
      await addRecords(
        store,
        'AGO',
        [
          ...casualties(12, 'AGO-K19', { state: 'AGO', outcome: 'killed', incidentDate: day('2019-03-01') }),
          ...casualties(30, 'AGO-I19', {
            state: 'AGO',
            outcome: 'injured',
            incidentDate: day('2019-04-01'),
            sex: 'female',
          }),
          ...casualties(2, 'AGO-K20', { state: 'AGO', outcome: 'killed', incidentDate: day('2020-03-01') }),
          ...casualties(9, 'AGO-I20', { state: 'AGO', outcome: 'injured', incidentDate: day('2020-04-01') }),
        ],
        [],
        SYSTEM,
        { recorded },
      );
      const answer = await stateVictims(store, 'AGO', day('2025-01-01'));
      expect(answer.casualties).toEqual([
        { year: 2019, killed: null, injured: null, total: 42, suppressed: true },
        { year: 2020, killed: null, injured: null, total: 11, suppressed: true },
      ]);
      // Before the records were stored, none are counted.
      expect((await stateVictims(store, 'AGO', day('2024-01-09'))).casualties).toEqual([]);
      const b = await stateBreakdowns(store, 'AGO', day('2025-01-01'));
      expect(b.total).toBe(53);
      expect(b.bySex).toEqual([
        { key: 'female', count: 30, suppressed: false },
        // Withheld beside the empty `unknown` cell: 53 - 30 would give it away.
        { key: 'male', count: null, suppressed: true },
        { key: 'unknown', count: null, suppressed: true },
      ]);
      expect(b.byDevice.every((c) => c.count === null || c.count >= 5)).toBe(true);
    });

    it('gives the global view with the published counts beside the computed ones', async () => {
      const answer = await globalVictims(store, day('2018-06-01'));
      expect(answer.states.map((s) => s.iso3)).toContain('KHM');
      expect(answer.published.significantNumberOfVictims?.value).toBe(31);
      expect(answer.published.withPlanInForce?.value).toBe(13);
      expect((await globalVictims(store, day('2010-01-01'))).states).toEqual([]);
    });
  });
});
