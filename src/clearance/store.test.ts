import { beforeAll, describe, expect, it } from 'vitest';
import { parseDate } from '../core/date.js';
import { SYSTEM, listRecentAudit } from '../store/audit.js';
import type { Store } from '../store/database.js';
import { RejectedWriteError } from '../core/rejection.js';
import { initDatabase } from '../setup/seed.js';
import { forEachDatabase, openAgain } from '../store/test-databases.js';
import { loadFacts } from '../treaty/store.js';
import { TreatyEngine } from '../treaty/status.js';
import type { Activity, ClearanceRecords } from './model.js';
import { storedClearance } from './store-ledger.js';
import { GEOMETRY_NOT_LOADED } from './store-rows.js';
import { clearanceSummary } from './service.js';
import { deleteSyntheticRecords, loadClearanceRecords, saveClearanceRecords, storedAreaCounts } from './store.js';
import { cliSummary } from './summary.js';
import { devices, hazardArea, release } from './test-records.js';

const activity = (id: string, hazardAreaId: string, kind: Activity['kind']): Activity => ({
  id,
  hazardAreaId,
  kind,
  organisation: 'CMAC',
  start: parseDate('2000-01-01'),
  end: null,
});

/**
 * A: CHA of 10,000 m² recorded 2020; B: SHA of 5,000 m² recorded 2021.
 * Released: 2021 2,000 cancelled (A), 2022 3,000 cleared (A), 2023 1,000 reduced (B).
 */
function records(synthetic = false): ClearanceRecords {
  return {
    areas: [
      hazardArea('T-A', '2020-01-01', 10_000, { synthetic }),
      hazardArea('T-B', '2021-06-01', 5_000, {
        type: 'SHA',
        synthetic,
        devices: [{ category: 'ap-mine', certainty: 'suspected' }],
      }),
    ],
    revisions: [],
    activities: [
      activity('T-A-CLR', 'T-A', 'clearance'),
      activity('T-A-NTS', 'T-A', 'non-technical-survey'),
      activity('T-B-TS', 'T-B', 'technical-survey'),
    ],
    releases: [
      { ...release('T-A-R1', 'T-A', '2021-03-01', 2_000, 'cancelled'), activityId: 'T-A-NTS' },
      { ...release('T-A-R2', 'T-A', '2022-05-01', 3_000, 'cleared'), activityId: 'T-A-CLR' },
      { ...release('T-B-R1', 'T-B', '2023-02-01', 1_000, 'reduced'), activityId: 'T-B-TS' },
    ],
    devices: [devices('T-A-CLR', '2022-05-01', 'ap-mine', 3), devices('T-A-CLR', '2022-05-02', 'erw', 1)],
  };
}

const count = async (
  store: Store,
  table: 'hazard_areas' | 'activities' | 'land_releases' | 'devices_destroyed',
): Promise<number> =>
  Number(
    (
      await store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

forEachDatabase((database) => {
  describe('clearance store', () => {
    let store: Store;
    beforeAll(async () => {
      store = await database.open();
      await initDatabase(store);
    });

    it('writes a batch in one transaction with one audit row and reads it back as written', async () => {
      const input = records();
      expect(await saveClearanceRecords(store, 'KHM', input, SYSTEM, { origin: 'test' })).toEqual({
        hazardAreas: 2,
        activities: 3,
        landReleases: 3,
        devicesDestroyed: 2,
      });
      const loaded = await loadClearanceRecords(store, 'KHM');
      expect(loaded).toEqual(input);
      const [audit, ...rest] = await listRecentAudit(store, { entity: 'clearance' });
      expect(rest).toEqual([]);
      expect(audit).toMatchObject({
        action: 'create',
        entityId: 'KHM',
        before: { synthetic: 0, real: 0 },
        after: { origin: 'test', hazardAreas: 2, landReleases: 3 },
      });
      expect(await loadClearanceRecords(store, 'THA')).toEqual({
        areas: [],
        revisions: [],
        activities: [],
        releases: [],
        devices: [],
      });
    });

    it('reads without polygons when asked, and nothing else changes', async () => {
      const light = await loadClearanceRecords(store, 'KHM', { geometry: false });
      const full = await loadClearanceRecords(store, 'KHM');
      expect(light.areas.every((a) => a.geometry === GEOMETRY_NOT_LOADED)).toBe(true);
      expect(light.areas.map(({ geometry: _, ...a }) => a)).toEqual(full.areas.map(({ geometry: _, ...a }) => a));
      expect(light.releases.map((r) => r.areaM2)).toEqual(full.releases.map((r) => r.areaM2));
    });

    it('summarises a State on a date as the issue asks, computed by hand', async () => {
      const engine = new TreatyEngine(await loadFacts(store));
      const summary = await clearanceSummary(store, engine, 'KHM', parseDate('2023-12-31'));
      // Remaining: A 10,000 − 5,000, B 5,000 − 1,000. Rates 2021-2023: 2,000, 3,000, 1,000 (mean 2,000).
      // 9,000 m² at 2,000 a year = ⌈4.5 × 365.2425⌉ = 1,644 days after 31 Dec 2023 = 1 Jul 2028;
      // low 1,000 a year: 3,288 days = 31 Dec 2032; high 3,000 a year: 1,096 days = 31 Dec 2026.
      // The `minefree clearance --json` shape of the issue, exactly.
      expect(cliSummary(summary)).toEqual({
        iso3: 'KHM',
        asOf: '2023-12-31',
        open: { sha: { count: 1, areaM2: 4_000 }, cha: { count: 1, areaM2: 5_000 } },
        released: [
          { year: 2021, cancelledM2: 2_000, reducedM2: 0, clearedM2: 0 },
          { year: 2022, cancelledM2: 0, reducedM2: 0, clearedM2: 3_000 },
          { year: 2023, cancelledM2: 0, reducedM2: 1_000, clearedM2: 0 },
        ],
        devicesDestroyed: [
          { year: 2022, category: 'ap-mine', count: 3 },
          { year: 2022, category: 'erw', count: 1 },
        ],
        reconciliation: [2020, 2021, 2022, 2023].map((year) => ({ year, differenceM2: 0 })),
        // On that date the engine knows the 2020 extension's deadline only as "2025": it holds until 31 Dec 2025.
        deadline: '2025-12-31',
        forecast: { completion: '2028-07-01', low: '2032-12-31', high: '2026-12-31', verdict: 'off-track' },
        synthetic: false,
      });
    });

    it('refuses a batch with a problem and writes nothing, not even the audit row', async () => {
      const before = await listRecentAudit(store);
      const again = records();
      await expect(saveClearanceRecords(store, 'KHM', again, SYSTEM)).rejects.toThrow(
        /^id: expected hazard-area 1: an id not stored yet \("T-A" is/,
      );
      const dangling: ClearanceRecords = {
        ...records(),
        areas: [],
        activities: [],
        releases: [],
        devices: [devices('nowhere', '2022-01-01', 'erw', 1)],
      };
      await expect(saveClearanceRecords(store, 'KHM', dangling, SYSTEM)).rejects.toThrow(
        /activityId: expected devices-destroyed 1: the id of an activity in the file or stored \("nowhere" is neither\)/,
      );
      const renamed = (id: string) => ({ ...hazardArea(id, '2020-01-01', 1, { synthetic: false }) });
      const wrongState: ClearanceRecords = {
        ...records(),
        areas: [renamed('N-1'), { ...renamed('N-2'), iso3: 'THA' }],
        activities: [],
        releases: [],
        devices: [],
      };
      await expect(saveClearanceRecords(store, 'KHM', wrongState, SYSTEM)).rejects.toBeInstanceOf(RejectedWriteError);
      expect(await count(store, 'hazard_areas')).toBe(2);
      expect(await listRecentAudit(store)).toEqual(before);
    });

    it('never mixes synthetic and real records of a State, whichever comes first', async () => {
      const synthetic: ClearanceRecords = {
        areas: [hazardArea('S-1', '2020-01-01', 1, { synthetic: true })],
        revisions: [],
        activities: [],
        releases: [],
        devices: [],
      };
      await expect(saveClearanceRecords(store, 'KHM', synthetic, SYSTEM)).rejects.toThrow(
        /no synthetic records for KHM: it holds 2 real hazard areas/,
      );
      await saveClearanceRecords(
        store,
        'LAO',
        { ...synthetic, areas: [{ ...hazardArea('S-1', '2020-01-01', 1), iso3: 'LAO' }] },
        SYSTEM,
      );
      const real: ClearanceRecords = {
        ...synthetic,
        areas: [{ ...hazardArea('R-1', '2020-01-01', 1, { synthetic: false }), iso3: 'LAO' }],
      };
      await expect(saveClearanceRecords(store, 'LAO', real, SYSTEM)).rejects.toThrow(
        /no real records for LAO while it holds 1 synthetic hazard areas .*--delete/,
      );
      const mixed: ClearanceRecords = {
        ...synthetic,
        areas: [...real.areas, { ...hazardArea('S-2', '2020-01-01', 1), iso3: 'LAO' }].map((a) => ({
          ...a,
          iso3: 'THA' as const,
        })),
      };
      await expect(saveClearanceRecords(store, 'THA', mixed, SYSTEM)).rejects.toThrow(
        /all real or all synthetic; found 1 real and 1 synthetic/,
      );
      expect(
        (await clearanceSummary(store, new TreatyEngine(await loadFacts(store)), 'LAO', parseDate('2024-01-01')))
          .synthetic,
      ).toBe(true);
    });

    it('deletes only synthetic records, with what hangs on them', async () => {
      expect(await deleteSyntheticRecords(store, 'KHM', SYSTEM)).toBe(0);
      expect(await deleteSyntheticRecords(store, 'LAO', SYSTEM)).toBe(1);
      expect(await storedAreaCounts(store, 'LAO')).toEqual({ synthetic: 0, real: 0 });
      expect(await storedAreaCounts(store, 'KHM')).toEqual({ synthetic: 0, real: 2 });
      const demo: ClearanceRecords = {
        ...records(true),
        areas: records(true).areas.map((a) => ({ ...a, id: `D${a.id}`, iso3: 'LAO' as const })),
      };
      const linked = {
        ...demo,
        activities: demo.activities.map((a) => ({ ...a, id: `D${a.id}`, hazardAreaId: `D${a.hazardAreaId}` })),
        releases: demo.releases.map((r) => ({
          ...r,
          id: `D${r.id}`,
          hazardAreaId: `D${r.hazardAreaId}`,
          activityId: `D${r.activityId}`,
        })),
        devices: demo.devices.map((d) => ({ ...d, activityId: `D${d.activityId}` })),
      };
      await saveClearanceRecords(store, 'LAO', linked, SYSTEM);
      expect(await deleteSyntheticRecords(store, 'LAO', SYSTEM)).toBe(2);
      expect(await loadClearanceRecords(store, 'LAO')).toEqual({
        areas: [],
        revisions: [],
        activities: [],
        releases: [],
        devices: [],
      });
      expect(await count(store, 'devices_destroyed')).toBe(2);
    });

    it('lets `init --reset` reload the States the areas point at', async () => {
      await initDatabase(store, { reset: true });
      expect(await count(store, 'hazard_areas')).toBe(2);
    });

    // PostgreSQL only: two SQLite connections in one process would deadlock (better-sqlite3 waits
    // for the other's write lock synchronously, holding the event loop the other needs to commit);
    // between processes SQLite's one write lock, taken first, orders the writers.
    it.runIf(database.name === 'postgres')(
      'writes two batches of one State sent at once through two connections (two processes): both, and a ledger that counts both',
      async () => {
        const other = await openAgain(store);
        try {
          const asOf = parseDate('2026-01-01');
          const before = (await storedClearance(store, 'KHM', asOf)).records.hazardAreas;
          const batch = (id: string): ClearanceRecords => ({
            areas: [hazardArea(id, '2024-01-01', 1_000, { synthetic: false })],
            revisions: [],
            activities: [],
            releases: [],
            devices: [],
          });
          await Promise.all([
            saveClearanceRecords(store, 'KHM', batch('P-1'), SYSTEM),
            saveClearanceRecords(other, 'KHM', batch('P-2'), SYSTEM),
          ]);
          for (const reader of [store, other])
            expect((await storedClearance(reader, 'KHM', asOf)).records.hazardAreas).toBe(before + 2);
        } finally {
          await other.close();
        }
      },
    );
  });
});
