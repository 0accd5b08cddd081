/**
 * Opening the store (DESIGN.md §5): PostgreSQL when a URL is given, else an SQLite file.
 * Everything above this file talks to Kysely only.
 *
 * `Database` knows only the plumbing's own table: each pillar adds its tables in its
 * `tables.ts` (`declare module '../store/database.js' { interface Database { ... } }`), so
 * this folder imports no pillar and every query is still typed against every table.
 */
import SQLite from 'better-sqlite3';
import { type Generated, Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { type BulkChunkKind, type BulkInsert, postgresBulkInsert, sqliteBulkInsert } from './bulk.js';
import { Changes, postgresListener, sqliteDataVersion } from './changes.js';
import { watchWrites } from './write-watch.js';

/** JSON text of a `string[]` of source ids. */
export type SourceIdsJson = string;
/** 0 or 1: better-sqlite3 cannot bind booleans, so both engines store integers. */
export type Flag = 0 | 1;

/** Every mutation's row (audit.ts): who, when, what, before and after. */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  action: string;
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
}

// An interface, not a type: the pillars' tables.ts files merge their tables into it.
export interface Database {
  audit_log: AuditLogTable;
}

export type DialectName = 'sqlite' | 'postgres';

export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  /** Whether anything may have been written since last asked, without a query (changes.ts). */
  readonly changes: Changes;
  /** Large imports: rows inserted in the caller's transaction by the engine's fast path (bulk.ts). */
  readonly bulkInsert: BulkInsert;
  /** The ready chunks `bulkInsert` takes from a reader in another thread. */
  readonly bulkChunk: BulkChunkKind;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL connection URL (callers pass process.env.DATABASE_URL). */
  url?: string | undefined;
  /** SQLite file (callers pass process.env.MINEFREE_DB); default `./minefree.db`. */
  file?: string | undefined;
  /** PostgreSQL schema to work in (its search_path); tests use one per file. */
  schema?: string | undefined;
}

export const DEFAULT_SQLITE_FILE = './minefree.db';
/** How long an SQLite writer waits for another process's lock before failing. */
const BUSY_TIMEOUT_MS = 5000;

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

/**
 * pg returns int8 (count(*), sums) and numeric as strings and DATE as a JS Date; SQLite
 * returns numbers and text. Parse them the SQLite way, per pool, without touching pg's globals.
 * Counts above 2^53 would lose precision: none of ours come near.
 */
function parserFor(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
  if (oid === INT8 || oid === NUMERIC) return Number;
  if (oid === DATE) return (text) => text;
  return (format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text')) as (
    value: string,
  ) => unknown;
}
const pgTypes: pg.CustomTypesConfig = { getTypeParser: parserFor };

function openPostgres(url: string, schema: string | undefined): Store {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema))
    throw new Error(`"${schema}" is not a plain schema name`);
  const pool = new pg.Pool({
    connectionString: url,
    types: pgTypes,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // Each pooled client by its backend's process id, for the bulk insert's COPY (bulk.ts).
  const clients = new Map<number, pg.PoolClient>();
  pool.on('connect', (client) => {
    const pid = (client as { processID?: unknown }).processID;
    if (typeof pid === 'number') clients.set(pid, client);
  });
  pool.on('remove', (client) => {
    const pid = (client as { processID?: unknown }).processID;
    if (typeof pid === 'number') clients.delete(pid);
  });
  const changes = new Changes();
  const bump = (): void => changes.bump();
  changes.watch(postgresListener({ url, schema, onChange: bump }));
  const db = new Kysely<Database>({ dialect: watchWrites(new PostgresDialect({ pool }), bump) });
  return {
    db,
    dialect: 'postgres',
    changes,
    bulkInsert: postgresBulkInsert(clients, bump),
    bulkChunk: 'copy',
    close: async () => {
      await changes.close();
      await db.destroy();
    },
  };
}

function openSqlite(file: string): Store {
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // WAL's default (NORMAL) can lose the last commits on power loss; an import must survive it.
  database.pragma('synchronous = FULL');
  const dataVersion = database.prepare('pragma data_version').pluck();
  const changes = new Changes(sqliteDataVersion(() => Number(dataVersion.get())));
  const db = new Kysely<Database>({
    dialect: watchWrites(new SqliteDialect({ database }), () => changes.bump()),
  });
  return {
    db,
    dialect: 'sqlite',
    changes,
    bulkInsert: sqliteBulkInsert(database, () => changes.bump()),
    bulkChunk: 'values',
    close: () => db.destroy(),
  };
}

/** Opens the store and runs one query, so a wrong URL or file fails here rather than on first use. */
export async function openDatabase(options: OpenOptions = {}): Promise<Store> {
  const store = options.url
    ? openPostgres(options.url, options.schema)
    : openSqlite(options.file ?? DEFAULT_SQLITE_FILE);
  try {
    await sql`select 1`.execute(store.db);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
