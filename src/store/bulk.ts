/**
 * Bulk inserts for large imports, inside the caller's transaction, knowing no pillar:
 * - SQLite: one prepared statement run once per row on the raw better-sqlite3 handle. Kysely's
 *   SQLite driver has one connection, held by the transaction while its callback runs, so the
 *   raw handle's statements land in that transaction (checked: the handle must be in one). No
 *   journal or synchronous setting is touched.
 * - PostgreSQL: one `insert … select … from json_populate_recordset(null::table, $1)` per large
 *   chunk, through the transaction itself, so the table's own column types convert the values.
 * All or nothing is the transaction's: a refused row throws, and the caller's transaction rolls back.
 */
import type SQLite from 'better-sqlite3';
import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from './database.js';

/** A row's values in the order of the columns given; null for a missing value. */
export type BulkRow = readonly unknown[];

export type BulkInsert = <T extends keyof Database>(
  trx: Kysely<Database>,
  table: T,
  columns: readonly (keyof Database[T] & string)[],
  rows: Iterable<BulkRow>,
) => Promise<number>;

const quoted = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** SQLite's page cache during a bulk insert, in KiB as `cache_size` takes it (negative). */
const BULK_CACHE_KIB = -65_536;

/** The raw handle's inserts; `onWrite` tells the store's change tracking (they bypass Kysely's driver). */
export function sqliteBulkInsert(database: SQLite.Database, onWrite: () => void): BulkInsert {
  const statements = new Map<string, SQLite.Statement>();
  const insert = (
    trx: Kysely<Database>,
    table: string,
    columns: readonly string[],
    rows: Iterable<BulkRow>,
  ): number => {
    if (!trx.isTransaction || !database.inTransaction)
      throw new Error('a bulk insert runs inside a transaction (store.db.transaction())');
    const text = `insert into ${quoted(table)} (${columns.map(quoted).join(', ')}) values (${columns.map(() => '?').join(', ')})`;
    let statement = statements.get(text);
    if (statement === undefined) statements.set(text, (statement = database.prepare(text)));
    const width = columns.length;
    const values: unknown[] = new Array<unknown>(width);
    let count = 0;
    // A page cache large enough for the table's indexes while they grow (SQLite's default is
    // 2 MB): about 40 % off a 100,000-row import. Per connection, restored below; the journal
    // and synchronous settings stay as they are.
    const cacheSize = database.pragma('cache_size', { simple: true }) as number;
    database.pragma(`cache_size = ${BULK_CACHE_KIB}`);
    try {
      for (const row of rows) {
        // better-sqlite3 refuses undefined and booleans: bind NULL and 0/1.
        for (let c = 0; c < width; c++) {
          const v = row[c];
          values[c] = v === undefined ? null : typeof v === 'boolean' ? (v ? 1 : 0) : v;
        }
        statement.run(values);
        count += 1;
      }
    } finally {
      database.pragma(`cache_size = ${cacheSize}`);
    }
    if (count > 0) onWrite();
    return count;
  };
  return (trx, table, columns, rows) => {
    try {
      return Promise.resolve(insert(trx, table, columns, rows));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
}

/** Rows per statement on PostgreSQL: one JSON parameter, so no bound-parameter limit applies. */
const PG_CHUNK = 20_000;

export const postgresBulkInsert: BulkInsert = async (trx, table, columns, rows) => {
  if (!trx.isTransaction) throw new Error('a bulk insert runs inside a transaction (store.db.transaction())');
  const list = columns.map(quoted).join(', ');
  const text = `insert into ${quoted(table)} (${list}) select ${list} from json_populate_recordset(null::${quoted(table)}, $1::json)`;
  const keys = columns.map((c) => JSON.stringify(c));
  let count = 0;
  let parts: string[] = [];
  const flush = async (): Promise<void> => {
    if (parts.length === 0) return;
    const json = `[${parts.join(',')}]`;
    parts = [];
    await trx.executeQuery(CompiledQuery.raw(text, [json]));
  };
  for (const row of rows) {
    let object = '{';
    for (let c = 0; c < keys.length; c++) {
      const v = row[c];
      object += `${c === 0 ? '' : ','}${keys[c]}:${v === undefined ? 'null' : JSON.stringify(v)}`;
    }
    parts.push(`${object}}`);
    count += 1;
    if (parts.length >= PG_CHUNK) await flush();
  }
  await flush();
  return count;
};
