/**
 * Bulk inserts for large imports, inside the caller's transaction, knowing no pillar:
 * - SQLite: one prepared statement run once per row on the raw better-sqlite3 handle. Kysely's
 *   SQLite driver has one connection, held by the transaction while its callback runs, so the
 *   raw handle's statements land in that transaction (checked: the handle must be in one). No
 *   journal or synchronous setting is touched.
 * - PostgreSQL: one `insert … select * from unnest($1::type[], …)` per chunk of 20,000 rows, one
 *   array per column cast to the column's own type, through the transaction itself.
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

/** Rows per statement on PostgreSQL: one array parameter per column, so no bound-parameter limit applies. */
const PG_CHUNK = 20_000;

export const postgresBulkInsert: BulkInsert = async (trx, table, columns, rows) => {
  if (!trx.isTransaction) throw new Error('a bulk insert runs inside a transaction (store.db.transaction())');
  // The table's own column types (looked up once a call), so each array is cast to its column's type.
  const found = await trx.executeQuery<{ name: string; type: string }>(
    CompiledQuery.raw(
      'select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute where attrelid = $1::regclass and attnum > 0 and not attisdropped',
      [quoted(table)],
    ),
  );
  const typeOf = new Map(found.rows.map((r) => [r.name, r.type]));
  const casts = columns.map((c, i) => {
    const type = typeOf.get(c);
    if (type === undefined) throw new Error(`no column "${c}" in table "${table}"`);
    return `$${i + 1}::${type}[]`;
  });
  const text = `insert into ${quoted(table)} (${columns.map(quoted).join(', ')}) select * from unnest(${casts.join(', ')})`;
  const width = columns.length;
  let count = 0;
  let arrays: unknown[][] = columns.map(() => []);
  let filled = 0;
  const flush = async (): Promise<void> => {
    if (filled === 0) return;
    const parameters = arrays;
    arrays = columns.map(() => []);
    filled = 0;
    await trx.executeQuery(CompiledQuery.raw(text, parameters));
  };
  for (const row of rows) {
    for (let c = 0; c < width; c++) arrays[c]?.push(row[c] ?? null);
    filled += 1;
    count += 1;
    if (filled >= PG_CHUNK) await flush();
  }
  await flush();
  return count;
};
