/**
 * Creating and loading the database (DESIGN.md §5): migrate, then load data/ into empty tables
 * in one transaction, all rows or none.
 *
 * `reset` reloads data/: it deletes every row of the reference tables (States, instruments,
 * Article 4 and 5 records, extension decisions, sources, reported figures, stockpile ledgers) and loads them again.
 * It keeps users, sessions and the audit log, so `minefree init --reset` locks nobody out and the
 * history of who changed what survives; the reload itself is one audit row.
 */
import type { Kysely } from 'kysely';
import { DEFAULT_DATA_DIR } from '../core/data-dir.js';
import type { SourceId } from '../core/source.js';
import type { Source } from '../sources/model.js';
import type { LedgerEntry } from '../stockpiles/model.js';
import { insertLedgers } from '../stockpiles/store.js';
import type { ReportRecord } from '../reporting/model.js';
import { readReportRecords } from '../reporting/reference.js';
import { insertReportRecords } from '../reporting/store.js';
import { REPORTING_REFERENCE_TABLES } from '../reporting/tables.js';
import { STOCKPILES_REFERENCE_TABLES } from '../stockpiles/tables.js';
import type { StateCode } from '../core/states.js';
import { insertSources } from '../sources/store.js';
import { SOURCES_REFERENCE_TABLES } from '../sources/tables.js';
import { SYSTEM, writeAudit } from '../store/audit.js';
import type { Database, DialectName, Store } from '../store/database.js';
import { lockForWrite } from '../store/write-lock.js';
import type { ReportedFigure } from '../transparency/model.js';
import { loadReportedFigures } from '../transparency/reference.js';
import { insertFigures } from '../transparency/store.js';
import { TRANSPARENCY_REFERENCE_TABLES } from '../transparency/tables.js';
import { loadReference } from '../treaty/reference.js';
import { TreatyEngine, type TreatyFacts } from '../treaty/status.js';
import { insertFacts } from '../treaty/store.js';
import { TREATY_REFERENCE_TABLES } from '../treaty/tables.js';
import type { FrameworkReport } from '../victims/model.js';
import { loadFrameworks } from '../victims/reference.js';
import { insertFrameworks } from '../victims/store.js';
import { VICTIMS_REFERENCE_TABLES } from '../victims/tables.js';
import { migrateToLatest } from './migrations.js';

export interface SeedData {
  facts: TreatyFacts;
  sources: ReadonlyMap<SourceId, Source>;
  figures: readonly ReportedFigure[];
  ledgers: ReadonlyMap<StateCode, readonly LedgerEntry[]>;
  reports: readonly ReportRecord[];
  frameworks: readonly FrameworkReport[];
}

export interface InitOptions {
  reset?: boolean;
  /** Folder of the reference CSV files; default the repository's data/. */
  dataDir?: string;
}

export interface InitResult {
  /** Migrations run now (empty when the schema was already current). */
  migrations: string[];
  /** Whether data/ was loaded (false: the tables held data and no reset was asked). */
  seeded: boolean;
  /** Rows per table after the load. */
  counts: Record<string, number>;
}

/** Every pillar's tables loaded from data/, children before parents, so foreign keys never block the delete. */
const REFERENCE_TABLES = [
  ...VICTIMS_REFERENCE_TABLES,
  ...STOCKPILES_REFERENCE_TABLES,
  ...REPORTING_REFERENCE_TABLES,
  ...TREATY_REFERENCE_TABLES,
  ...TRANSPARENCY_REFERENCE_TABLES,
  ...SOURCES_REFERENCE_TABLES,
] as const;

/** Reads and checks every file before the database is touched: a DataError names all problems. */
export function readSeedData(dataDir: string = DEFAULT_DATA_DIR): SeedData {
  const { facts, sources, ledgers } = loadReference(dataDir);
  const engine = new TreatyEngine(facts);
  const reports = readReportRecords(sources, engine, dataDir);
  const frameworks = loadFrameworks(sources, dataDir);
  return { facts, sources, figures: loadReportedFigures(sources, dataDir), ledgers, reports, frameworks };
}

export async function countRows(db: Kysely<Database>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of REFERENCE_TABLES) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

/** Writes `data` in the given transaction; the tables must be empty. */
export async function writeSeed(db: Kysely<Database>, dialect: DialectName, data: SeedData): Promise<void> {
  await insertSources(db, dialect, data.sources.values());
  await insertFacts(db, dialect, data.facts);
  await insertFigures(db, dialect, data.figures);
  await insertLedgers(db, dialect, data.ledgers);
  await insertReportRecords(db, dialect, data.reports);
  await insertFrameworks(db, dialect, data.frameworks);
}

/** Loads `data` into the store, in one transaction; on `reset`, after deleting the reference rows. */
export async function seedDatabase(
  store: Store,
  data: SeedData,
  options: { reset?: boolean } = {},
): Promise<InitResult['counts'] | null> {
  return store.db.transaction().execute(async (trx) => {
    // The lock before looking: two processes starting on an empty database do not both load it.
    await lockForWrite(trx, store.dialect, 'minefree.seed');
    const before = await countRows(trx);
    if (!options.reset && before.states !== 0) return null;
    for (const table of REFERENCE_TABLES) await trx.deleteFrom(table).execute();
    await writeSeed(trx, store.dialect, data);
    const after = await countRows(trx);
    await writeAudit(trx, SYSTEM, {
      action: 'seed',
      entity: 'database',
      entityId: 'data',
      before: options.reset ? before : null,
      after,
    });
    return after;
  });
}

/** Migrates, then loads data/ when no State is stored yet or `reset` is asked. */
export async function initDatabase(store: Store, options: InitOptions = {}): Promise<InitResult> {
  const migrations = await migrateToLatest(store);
  if (!options.reset && (await store.db.selectFrom('states').select('iso3').limit(1).executeTakeFirst())) {
    return { migrations, seeded: false, counts: await countRows(store.db) };
  }
  const counts = await seedDatabase(store, readSeedData(options.dataDir), { reset: options.reset ?? false });
  return { migrations, seeded: counts !== null, counts: counts ?? (await countRows(store.db)) };
}
