/**
 * The cold land-release summary (issue 15 §2): a State's summary from a store just opened, so
 * nothing is kept in the process and only the stored ledger answers, against a plain SQL count
 * and sum over the same State's hazard areas on the same store. On SQLite the demo database
 * (bench/clearance.ts demoDatabase); on PostgreSQL the same areas written into a schema of the
 * bench's own through the ordinary write (checks, ledger and audit in one transaction), then
 * vacuumed and analysed, dropped after. "Cold" means a new store (a new connection on
 * PostgreSQL); the database's own caches are warm after the first of the runs.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { CalendarDate } from '../src/core/date.js';
import type { StateCode } from '../src/core/states.js';
import { clearanceSummary } from '../src/clearance/service.js';
import { storedClearance } from '../src/clearance/store-ledger.js';
import { loadClearanceRecords, saveClearanceRecords } from '../src/clearance/store.js';
import { migrateToLatest } from '../src/setup/migrations.js';
import { initDatabase } from '../src/setup/seed.js';
import { SYSTEM } from '../src/store/audit.js';
import { type Store, openDatabase } from '../src/store/database.js';
import { loadFacts } from '../src/treaty/store.js';
import { TreatyEngine } from '../src/treaty/status.js';
import { summarise } from './measure.js';
import { BENCH_PG_URL, createBenchSchema } from './pg-schema.js';

const RUNS = 7;

export interface ColdFigures {
  /** Median ms of the summary from a fresh store. */
  cold: number;
  /** Median ms of `select count(*), sum(area_m2)` over the State's areas on the same store. */
  plain: number;
}

/** Each run opens a store, loads the treaty facts (not timed), then times the summary and the SQL. */
async function measure(open: () => Promise<Store>, iso3: StateCode, asOf: CalendarDate): Promise<ColdFigures> {
  const cold: number[] = [];
  const plain: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const store = await open();
    try {
      const engine = new TreatyEngine(await loadFacts(store));
      let start = performance.now();
      await clearanceSummary(store, engine, iso3, asOf);
      cold.push(performance.now() - start);
      start = performance.now();
      await store.db
        .selectFrom('hazard_areas')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('area_m2').as('m2')])
        .where('iso3', '=', iso3)
        .executeTakeFirst();
      plain.push(performance.now() - start);
    } finally {
      await store.close();
    }
  }
  return { cold: summarise(cold).median, plain: summarise(plain).median };
}

/** The cold summary on the SQLite database `file` (its ledger built once first if it predates migration 0012). */
export async function sqliteColdSummary(file: string, iso3: StateCode, asOf: CalendarDate): Promise<ColdFigures> {
  const store = await openDatabase({ file });
  try {
    await migrateToLatest(store);
    await storedClearance(store, iso3, asOf);
  } finally {
    await store.close();
  }
  return measure(() => openDatabase({ file }), iso3, asOf);
}

/**
 * The same State's records as the SQLite database `file` holds, written into a new PostgreSQL
 * schema, then the cold summary there; null when PostgreSQL cannot be reached (MINEFREE_BENCH_PG).
 */
export async function postgresColdSummary(
  file: string,
  iso3: StateCode,
  asOf: CalendarDate,
): Promise<ColdFigures | null> {
  const created = await createBenchSchema('bench_cold');
  if (created === null) return null;
  try {
    const open = (): Promise<Store> => openDatabase({ url: BENCH_PG_URL, schema: created.schema });
    const source = await openDatabase({ file });
    const target = await open();
    try {
      const started = performance.now();
      await initDatabase(target);
      const records = await loadClearanceRecords(source, iso3);
      await saveClearanceRecords(target, iso3, records, SYSTEM, { origin: 'bench' });
      // What autovacuum does a little after a large write: planner statistics, the visibility map.
      await sql`vacuum analyze hazard_areas, clearance_ledger_totals, clearance_ledger_states`.execute(target.db);
      const seconds = ((performance.now() - started) / 1000).toFixed(0);
      console.log(
        `reads bench: ${records.areas.length.toLocaleString('en')} areas written to PostgreSQL in ${seconds} s`,
      );
    } finally {
      await source.close();
      await target.close();
    }
    return await measure(open, iso3, asOf);
  } finally {
    await created.drop();
  }
}
