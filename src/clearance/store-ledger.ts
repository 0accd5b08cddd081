/**
 * The clearance ledger kept in the database (issue 15, migration 0012): each State's running
 * totals per series and day (ledger.ts LedgerChanges), rewritten in the transaction that changes
 * the State's records, and one row per State with its first days, record counts and bounds. A
 * summary on a date then reads, per series, the last total of each year up to that date — a few
 * hundred rows however many hazard areas the State holds — instead of every area.
 */
import { type Kysely, sql } from 'kysely';
import type { CalendarDate } from '../core/date.js';
import type { StateCode } from '../core/states.js';
import { insertBatched } from '../store/batch.js';
import type { Database, DialectName, Store } from '../store/database.js';
import { lockForWrite } from '../store/write-lock.js';
import { dateNumber } from './calendar.js';
import type { StateRecords } from './land-release.js';
import {
  type ClearanceLedger,
  type LedgerChanges,
  NO_EVENT,
  RunningTotal,
  SERIES_NAMES,
  collectChanges,
  ledgerOf,
} from './ledger.js';
import type { BBox, ClearanceCounts } from './model.js';
import { AREA_FACT_COLUMNS, DEVICES_FACT_COLUMNS, RELEASE_FACT_COLUMNS, stateFactsFromRows } from './store-rows.js';

export interface StateFacts {
  records: StateRecords;
  bounds: BBox | null;
  counts: ClearanceCounts;
}

/** The State's facts for the land-release arithmetic, read with `db` (a transaction, as a rule). */
export async function readStateFacts(db: Kysely<Database>, iso3: StateCode): Promise<StateFacts> {
  const areaRows = await db.selectFrom('hazard_areas').select(AREA_FACT_COLUMNS).where('iso3', '=', iso3).execute();
  const releaseRows = await db
    .selectFrom('land_releases')
    .select(RELEASE_FACT_COLUMNS)
    .where('iso3', '=', iso3)
    .execute();
  const deviceRows = await db
    .selectFrom('devices_destroyed')
    .select(DEVICES_FACT_COLUMNS)
    .where('iso3', '=', iso3)
    .execute();
  const activities = await db
    .selectFrom('activities')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('iso3', '=', iso3)
    .executeTakeFirst();
  return {
    ...stateFactsFromRows(iso3, areaRows, releaseRows, deviceRows),
    counts: {
      hazardAreas: areaRows.length,
      activities: Number(activities?.n ?? 0),
      landReleases: releaseRows.length,
      devicesDestroyed: deviceRows.length,
    },
  };
}

const dayOrNull = (day: number): number | null => (day === NO_EVENT ? null : day);
const dayOrNone = (day: number | null): number => day ?? NO_EVENT;

/** The lock a writer of a State's clearance records (and so of its ledger) takes first (store/write-lock.ts). */
export const clearanceLock = (iso3: StateCode): string => `minefree.clearance.${iso3}`;

/** What a writer knows of the State's ledger without reading its rows: the changes collected, its areas' box and its counts. */
export interface KnownLedger {
  changes: LedgerChanges;
  bounds: BBox | null;
  counts: ClearanceCounts;
}

async function readKnownLedger(db: Kysely<Database>, iso3: StateCode): Promise<KnownLedger> {
  const { records, bounds, counts } = await readStateFacts(db, iso3);
  return { changes: collectChanges(records), bounds, counts };
}

/**
 * Rewrites the State's ledger from its records as `db` sees them: call it inside the
 * transaction that changed them, after the change. `known`: the ledger after the change when the
 * writer has it already (a streamed import collects the changes as its rows go in), instead of
 * reading every row back.
 */
export async function writeLedger(
  db: Kysely<Database>,
  dialect: DialectName,
  iso3: StateCode,
  known?: KnownLedger,
): Promise<void> {
  const { changes, bounds, counts } = known ?? (await readKnownLedger(db, iso3));
  const { series, facts } = changes.result();
  await db.deleteFrom('clearance_ledger_totals').where('iso3', '=', iso3).execute();
  await db.deleteFrom('clearance_ledger_states').where('iso3', '=', iso3).execute();
  const rows = [...series].flatMap(([name, total]) => {
    const points = total.points();
    return points.map((p, i) => ({
      iso3,
      series: name,
      day: p.day,
      total: p.total,
      last_in_year: yearOf(points[i + 1]?.day ?? 0) !== yearOf(p.day) ? (1 as const) : (0 as const),
    }));
  });
  await insertBatched(db, dialect, 'clearance_ledger_totals', rows);
  await db
    .insertInto('clearance_ledger_states')
    .values({
      iso3,
      synthetic: facts.synthetic ? 1 : 0,
      first_event: dayOrNull(facts.firstEvent),
      first_release: dayOrNull(facts.firstRelease),
      first_device: dayOrNull(facts.firstDevice),
      hazard_areas: counts.hazardAreas,
      activities: counts.activities,
      land_releases: counts.landReleases,
      devices_destroyed: counts.devicesDestroyed,
      min_x: bounds?.[0] ?? null,
      min_y: bounds?.[1] ?? null,
      max_x: bounds?.[2] ?? null,
      max_y: bounds?.[3] ?? null,
    })
    .execute();
}

export interface StoredClearance {
  /** Answers for the as-of date it was read for (its totals are the year ends up to that day). */
  ledger: ClearanceLedger;
  bounds: BBox | null;
  records: ClearanceCounts;
}

interface TotalRow {
  series: string;
  day: number;
  total: number;
}

const yearOf = (day: number): number => Math.floor(day / 10000);

/**
 * Per series, the last total of each year up to `day` (the ledger's functions ask a total only
 * on 31 December of a year or on the as-of day, so these answer them exactly), in one statement:
 * the rows marked last of their year up to the day, and each series' last row on or before the
 * day (one index seek a series: the primary key is iso3, series, day). A few hundred rows at most
 * (series × years), however many areas and days the State has. The series come as a list of
 * constants with one correlated subquery, not one subquery each: PostgreSQL plans that in a
 * fraction of a millisecond, where a subquery per series took it tens on a new connection.
 */
async function yearEndTotals(db: Kysely<Database>, iso3: StateCode, day: number): Promise<TotalRow[]> {
  const [first, ...others] = SERIES_NAMES.map((name) => db.selectNoFrom(sql<string>`${name}`.as('series')));
  if (first === undefined) return [];
  const names = others.reduce((list, name) => list.unionAll(name), first);
  const lastDays = db.selectFrom(names.as('s')).select((eb) => [
    's.series',
    eb
      .selectFrom('clearance_ledger_totals as u')
      .select((u) => u.fn.max('u.day').as('day'))
      .where('u.iso3', '=', iso3)
      .whereRef('u.series', '=', 's.series')
      .where('u.day', '<=', day)
      .as('day'),
  ]);
  const rows = await db
    .selectFrom('clearance_ledger_totals')
    .select(['series', 'day', 'total'])
    .where('iso3', '=', iso3)
    .where('last_in_year', '=', 1)
    .where('day', '<=', day)
    .unionAll(
      db
        .selectFrom('clearance_ledger_totals as t')
        .innerJoin(lastDays.as('m'), (join) => join.onRef('t.series', '=', 'm.series').onRef('t.day', '=', 'm.day'))
        .select(['t.series', 't.day', 't.total'])
        .where('t.iso3', '=', iso3),
    )
    .execute();
  const last = new Map<string, TotalRow>();
  for (const row of rows) {
    const key = `${row.series}|${yearOf(row.day)}`;
    const known = last.get(key);
    if (known === undefined || known.day < row.day) last.set(key, row);
  }
  return [...last.values()];
}

/**
 * The State's stored ledger as it stands on `asOf`; null when the State has no ledger row yet
 * (a database from before migration 0012: storedClearance builds it).
 */
export async function readLedger(store: Store, iso3: StateCode, asOf: CalendarDate): Promise<StoredClearance | null> {
  return store.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const state = await trx
        .selectFrom('clearance_ledger_states')
        .selectAll()
        .where('iso3', '=', iso3)
        .executeTakeFirst();
      if (state === undefined) return null;
      const rows = await yearEndTotals(trx, iso3, dateNumber(asOf));
      const points = new Map<string, TotalRow[]>();
      for (const row of rows) {
        const list = points.get(row.series) ?? [];
        list.push(row);
        points.set(row.series, list);
      }
      const series = new Map(
        [...points].map(([name, list]) => {
          list.sort((a, b) => a.day - b.day);
          return [
            name,
            RunningTotal.fromTotals(
              list.map((r) => Number(r.day)),
              list.map((r) => Number(r.total)),
            ),
          ] as const;
        }),
      );
      const ledger = ledgerOf(iso3, series, {
        synthetic: state.synthetic === 1,
        firstEvent: dayOrNone(state.first_event),
        firstRelease: dayOrNone(state.first_release),
        firstDevice: dayOrNone(state.first_device),
      });
      const { min_x, min_y, max_x, max_y } = state;
      const bounds: BBox | null =
        min_x === null || min_y === null || max_x === null || max_y === null ? null : [min_x, min_y, max_x, max_y];
      return {
        ledger,
        bounds,
        records: {
          hazardAreas: state.hazard_areas,
          activities: state.activities,
          landReleases: state.land_releases,
          devicesDestroyed: state.devices_destroyed,
        },
      };
    });
}

/** readLedger, building the State's ledger first when it has none (once, after migration 0012). */
export async function storedClearance(store: Store, iso3: StateCode, asOf: CalendarDate): Promise<StoredClearance> {
  const found = await readLedger(store, iso3, asOf);
  if (found !== null) return found;
  try {
    await store.db.transaction().execute(async (trx) => {
      await lockForWrite(trx, store.dialect, clearanceLock(iso3));
      await writeLedger(trx, store.dialect, iso3);
    });
  } catch (error) {
    // Another process built it at the same moment: theirs is as good.
    if ((await readLedger(store, iso3, asOf)) === null) throw error;
  }
  const built = await readLedger(store, iso3, asOf);
  if (built === null) throw new Error(`the clearance ledger of ${iso3} could not be built`);
  return built;
}
