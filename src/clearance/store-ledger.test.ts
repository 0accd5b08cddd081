// The stored ledger (migration 0012) answers as the records do, on both databases: after an
// import, after releases added to areas already stored, and after the synthetic records go; read
// cold, by a second store on the same database (as another process would), it equals the
// definition (land-release.ts landReleaseSummary) over the records stored.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CalendarDate, parseDate } from '../core/date.js';
import { initDatabase } from '../setup/seed.js';
import { SYSTEM } from '../store/audit.js';
import type { Store } from '../store/database.js';
import { forEachDatabase, openAgain } from '../store/test-databases.js';
import { loadFacts } from '../treaty/store.js';
import { TreatyEngine } from '../treaty/status.js';
import { landReleaseSummary } from './land-release.js';
import { DEVICE_CATEGORIES, type ClearanceRecords } from './model.js';
import { clearanceSummary, clearanceSummaryFromRecords } from './service.js';
import { readLedger, writeLedger } from './store-ledger.js';
import { hazardAreaValues } from './store-rows.js';
import { deleteSyntheticRecords, loadStateFacts, saveClearanceRecords, saveHazardAreaRows } from './store.js';
import { AS_OF, cleanHistory, day } from './test-histories.js';
import { activity, devices } from './test-records.js';

/**
 * A clean, synthetic history (a State's records are all real or all synthetic), types mixed,
 * devices destroyed; ids get the run's prefix.
 */
const batch = fc
  .tuple(
    cleanHistory,
    fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    fc.array(fc.tuple(fc.nat(7), day, fc.constantFrom(...DEVICE_CATEGORIES), fc.integer({ min: 1, max: 50 })), {
      maxLength: 4,
    }),
  )
  .map(([records, confirmed, found]) => (run: number): ClearanceRecords => {
    const id = (old: string): string => `R${run}-${old}`;
    const areas = records.areas.map((a, i) => ({
      ...a,
      id: id(a.id),
      localRef: id(a.id),
      type: confirmed[i] ? ('CHA' as const) : ('SHA' as const),
    }));
    const activities = areas.map((a) => activity(a.id));
    const releases = records.releases
      .filter((r) => r.areaM2 >= 1)
      .map((r) => ({ ...r, id: id(r.id), hazardAreaId: id(r.hazardAreaId), activityId: `act-${id(r.hazardAreaId)}` }));
    const destroyed = found.flatMap(([i, date, category, count]) => {
      const on = activities[i];
      return on ? [devices(on.id, date, category, count)] : [];
    });
    return { areas, revisions: [], activities, releases, devices: destroyed };
  });

forEachDatabase((database) => {
  let store: Store;
  /** Another store on the same database, which has read nothing before: a cold reader. */
  let cold: Store;
  let engine: TreatyEngine;
  beforeAll(async () => {
    store = await database.open();
    await initDatabase(store);
    cold = await openAgain(store);
    engine = new TreatyEngine(await loadFacts(store));
  });
  afterAll(async () => {
    await cold.close();
  });

  const same = async (dates: readonly CalendarDate[]): Promise<void> => {
    const { records } = await loadStateFacts(store, 'KHM');
    for (const asOf of dates) {
      const stored = await clearanceSummary(cold, engine, 'KHM', asOf);
      expect(stored).toEqual(await clearanceSummaryFromRecords(store, engine, 'KHM', asOf));
      // The definition, not the ledger built in memory: both sum the same areas, in another order.
      const definition = landReleaseSummary(records, asOf);
      for (const type of ['sha', 'cha'] as const) {
        expect(stored.open[type].count).toBe(definition.open[type].count);
        expect(stored.open[type].areaM2).toBeCloseTo(definition.open[type].areaM2, 1);
      }
      expect(stored.released.map((r) => r.year)).toEqual(definition.released.map((r) => r.year));
      stored.released.forEach((r, i) => {
        const d = definition.released[i];
        expect(r.cancelledM2).toBeCloseTo(d?.cancelledM2 ?? NaN, 1);
        expect(r.reducedM2).toBeCloseTo(d?.reducedM2 ?? NaN, 1);
        expect(r.clearedM2).toBeCloseTo(d?.clearedM2 ?? NaN, 1);
      });
      expect(stored.devicesDestroyed).toEqual(definition.devicesDestroyed);
    }
  };

  describe('the stored clearance ledger', () => {
    it('answers as the records do, after imports, added releases and deleted synthetic records', async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(batch, day, async (generate, asOf) => {
          run += 1;
          const history = generate(run);
          const dates = [asOf, AS_OF, parseDate('2018-06-30'), parseDate('2030-01-01')];
          // The areas with half their releases, then the other half on areas already stored.
          const half = Math.ceil(history.releases.length / 2);
          await saveClearanceRecords(store, 'KHM', { ...history, releases: history.releases.slice(0, half) }, SYSTEM);
          await same(dates);
          const later = history.releases.slice(half);
          if (later.length > 0) {
            await saveClearanceRecords(
              store,
              'KHM',
              { areas: [], revisions: [], activities: [], releases: later, devices: [] },
              SYSTEM,
            );
            await same(dates);
          }
          if (run % 4 === 0) {
            await deleteSyntheticRecords(store, 'KHM', SYSTEM);
            await same(dates);
          }
        }),
        { numRuns: 12 },
      );
    });

    it('after a streamed import, equals the ledger rewritten from every stored row', async () => {
      const rows = async (): Promise<unknown[]> => [
        ...(await store.db
          .selectFrom('clearance_ledger_totals')
          .selectAll()
          .where('iso3', '=', 'KHM')
          .orderBy(['series', 'day'])
          .execute()),
        ...(await store.db.selectFrom('clearance_ledger_states').selectAll().where('iso3', '=', 'KHM').execute()),
      ];
      let run = 100;
      await fc.assert(
        fc.asyncProperty(batch, fc.nat(), async (generate, cut) => {
          run += 1;
          const history = generate(run);
          // Some areas stored with their releases and devices; the others streamed in after them.
          const split = cut % (history.areas.length + 1);
          const stored = new Set(history.areas.slice(0, split).map((a) => a.id));
          const streamed = history.areas.slice(split);
          await saveClearanceRecords(
            store,
            'KHM',
            {
              ...history,
              areas: history.areas.slice(0, split),
              activities: history.activities.filter((a) => stored.has(a.hazardAreaId)),
              releases: history.releases.filter((r) => stored.has(r.hazardAreaId)),
              devices: history.devices.filter((d) => stored.has(d.activityId.slice('act-'.length))),
            },
            SYSTEM,
          );
          async function* values(): AsyncGenerator<unknown[][]> {
            await Promise.resolve(); // rows that come later, as from a file being read
            yield streamed.map(hazardAreaValues);
          }
          await saveHazardAreaRows(store, 'KHM', values(), () => Promise.resolve(streamed), SYSTEM);
          const written = await rows();
          await store.db.transaction().execute((trx) => writeLedger(trx, store.dialect, 'KHM'));
          expect(written).toEqual(await rows());
          await same([AS_OF, parseDate('2030-01-01')]);
          await deleteSyntheticRecords(store, 'KHM', SYSTEM);
        }),
        { numRuns: 8 },
      );
    });

    it('builds a State’s ledger on first read when the database predates it', async () => {
      await store.db.deleteFrom('clearance_ledger_states').where('iso3', '=', 'KHM').execute();
      await store.db.deleteFrom('clearance_ledger_totals').where('iso3', '=', 'KHM').execute();
      expect(await readLedger(store, 'KHM', AS_OF)).toBeNull();
      await same([AS_OF]);
      expect(await readLedger(store, 'KHM', AS_OF)).not.toBeNull();
    });
  });
});
