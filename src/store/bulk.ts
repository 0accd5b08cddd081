/**
 * Bulk inserts for large imports, inside the caller's transaction, knowing no pillar. Rows come
 * as an iterable of rows, or an async iterable of chunks of rows (a file read while it is
 * written, so a million rows never sit in memory at once).
 * - SQLite: one prepared multi-row INSERT of ROWS_PER_STATEMENT rows, run on the raw
 *   better-sqlite3 handle. Kysely's SQLite driver has one connection, held by the transaction
 *   while its callback runs, so the raw handle's statements land in that transaction (checked:
 *   the handle must be in one). No journal or synchronous setting is touched.
 * - PostgreSQL: `COPY … FROM STDIN` (text format) on the transaction's own connection, streamed
 *   while the rows are made, so the server parses and indexes them on the other core.
 * All or nothing is the transaction's: a refused row throws, and the caller's transaction rolls back.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type SQLite from 'better-sqlite3';
import { CompiledQuery, type Kysely } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from './database.js';

/** A row's values in the order of the columns given; null for a missing value. */
export type BulkRow = readonly unknown[];
/**
 * Rows made ready elsewhere (a worker thread), so the writing thread only writes: `values`, rows
 * that write their values straight into the insert's parameters (SQLite: no array of the chunk's
 * values in between); `copy`, the rows as lines of COPY text (PostgreSQL).
 */
export type BulkChunk = ValuesChunk | { readonly copy: string; readonly rows: number };

export interface ValuesChunk {
  readonly rows: number;
  /** Values a row: the insert's columns. */
  readonly width: number;
  /** Writes row `row`'s values, bindable as they are (no undefined, no boolean), into `into` from `at`. */
  readonly writeRow: (row: number, into: unknown[], at: number) => void;
  /**
   * Columns of few values written as an index into their list of labels (by column position;
   * null for a column written as it is): the statement turns the index back into the label.
   * Binding a small integer costs a fraction of binding a string (two copies and two allocations
   * in better-sqlite3): about 10 % of a casualty import's writing thread. Chunks of one insert
   * share one list (the statement is prepared for it).
   */
  readonly labels?: readonly (readonly string[] | null)[];
}
/** The ready shape the store's engine takes (`Store.bulkChunk`). */
export type BulkChunkKind = 'values' | 'copy';
/** Rows one by one, or chunks of rows as they are made (arrays of rows, or ready chunks of the engine's kind). */
export type BulkRows = Iterable<BulkRow> | AsyncIterable<readonly BulkRow[] | BulkChunk>;

/**
 * Columns that hold one value in every row of a bulk insert (the State of an import, its day):
 * named once, not carried in each row. In ready COPY text they follow the row's columns, in this order.
 */
export interface BulkFixed<C extends string = string> {
  readonly columns: readonly C[];
  readonly values: readonly unknown[];
}

export type BulkInsert = <T extends keyof Database>(
  trx: Kysely<Database>,
  table: T,
  columns: readonly (keyof Database[T] & string)[],
  rows: BulkRows,
  fixed?: BulkFixed<keyof Database[T] & string>,
) => Promise<number>;

const NO_FIXED: BulkFixed<never> = { columns: [], values: [] };

/** better-sqlite3 binds numbers, text, bigints, buffers and null; booleans become 0/1 and undefined NULL. */
const bindable = (v: unknown): unknown => (v === undefined ? null : typeof v === 'boolean' ? (v ? 1 : 0) : v);

const quoted = (name: string): string => `"${name.replaceAll('"', '""')}"`;

const isReady = (chunk: readonly BulkRow[] | BulkChunk): chunk is BulkChunk => !Array.isArray(chunk);

/** Chunks of rows from either shape. */
async function* chunksOf(rows: BulkRows, size: number): AsyncGenerator<readonly BulkRow[] | BulkChunk> {
  if (Symbol.asyncIterator in rows) {
    yield* rows;
    return;
  }
  let chunk: BulkRow[] = [];
  for (const row of rows) {
    chunk.push(row);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

const NO_LABELS: readonly (readonly string[] | null)[] = [];

/** A column's parameter: the value itself, or an index into `labels` turned back into its label (null stays null). */
function placeholder(labels: readonly string[] | null): string {
  if (labels === null) return '?';
  return `(case ? ${labels.map((label, i) => `when ${i} then '${label.replaceAll("'", "''")}'`).join(' ')} end)`;
}

/** SQLite's page cache during a bulk insert, in KiB as `cache_size` takes it (negative). */
const BULK_CACHE_KIB = -65_536;
/** Rows per SQLite statement: one bind and one VM run for this many rows (2,000 parameters of 20 columns). */
const ROWS_PER_STATEMENT = 100;

/** The raw handle's inserts; `onWrite` tells the store's change tracking (they bypass Kysely's driver). */
export function sqliteBulkInsert(database: SQLite.Database, onWrite: () => void): BulkInsert {
  const statements = new Map<string, SQLite.Statement>();
  // Fixed columns are named parameters (@f0, @f1 …): bound once a statement, not once a row.
  const prepared = (
    table: string,
    columns: readonly string[],
    fixed: readonly string[],
    rows: number,
    labels: ValuesChunk['labels'] = NO_LABELS,
  ): SQLite.Statement => {
    const one = `(${[...columns.map((_, c) => placeholder(labels[c] ?? null)), ...fixed.map((_, i) => `@f${i}`)].join(', ')})`;
    const text = `insert into ${quoted(table)} (${[...columns, ...fixed].map(quoted).join(', ')}) values ${Array.from({ length: rows }, () => one).join(', ')}`;
    let statement = statements.get(text);
    if (statement === undefined) statements.set(text, (statement = database.prepare(text)));
    return statement;
  };
  return async (trx, table, columns, rows, fixed = NO_FIXED) => {
    if (!trx.isTransaction || !database.inTransaction)
      throw new Error('a bulk insert runs inside a transaction (store.db.transaction())');
    if (fixed.columns.length !== fixed.values.length) throw new Error('a fixed value for each fixed column');
    const width = columns.length;
    const named: [Record<string, unknown>] | [] =
      fixed.columns.length === 0 ? [] : [Object.fromEntries(fixed.values.map((v, i) => [`f${i}`, bindable(v)]))];
    // The labels of the rows in `values` (those of the ready chunks they came from): one statement for each list.
    let labels: ValuesChunk['labels'] = NO_LABELS;
    let full = prepared(table, columns, fixed.columns, ROWS_PER_STATEMENT);
    const values: unknown[] = new Array<unknown>(width * ROWS_PER_STATEMENT);
    let filled = 0;
    let count = 0;
    const flush = (): void => {
      if (filled === 0) return;
      // Values spread as arguments, not one array: better-sqlite3 then reads each from the call's
      // arguments instead of asking the array for it (measured: 10-40 % less time a row).
      if (filled === ROWS_PER_STATEMENT) full.run(...values, ...named);
      else prepared(table, columns, fixed.columns, filled, labels).run(...values.slice(0, filled * width), ...named);
      count += filled;
      filled = 0;
    };
    const labelled = (next: ValuesChunk['labels'] = NO_LABELS): void => {
      if (next === labels) return;
      flush();
      labels = next;
      full = prepared(table, columns, fixed.columns, ROWS_PER_STATEMENT, labels);
    };
    // A page cache large enough for the table's indexes while they grow (SQLite's default is
    // 2 MB): about 40 % off a 100,000-row import. Per connection, restored below; the journal
    // and synchronous settings stay as they are.
    const cacheSize = database.pragma('cache_size', { simple: true }) as number;
    database.pragma(`cache_size = ${BULK_CACHE_KIB}`);
    try {
      for await (const chunk of chunksOf(rows, ROWS_PER_STATEMENT)) {
        if (!database.inTransaction) throw new Error('the transaction of a bulk insert ended while it ran');
        if (isReady(chunk)) {
          if (!('writeRow' in chunk)) throw new Error('SQLite takes ready chunks of values, not COPY text');
          if (chunk.width !== width) throw new Error(`a chunk of rows of ${chunk.width} values for ${width} columns`);
          labelled(chunk.labels);
          for (let r = 0; r < chunk.rows; r++) {
            chunk.writeRow(r, values, filled * width);
            filled += 1;
            if (filled === ROWS_PER_STATEMENT) flush();
          }
          continue;
        }
        labelled(NO_LABELS);
        for (const row of chunk) {
          // better-sqlite3 refuses undefined and booleans: bind NULL and 0/1.
          const base = filled * width;
          for (let c = 0; c < width; c++) values[base + c] = bindable(row[c]);
          filled += 1;
          if (filled === ROWS_PER_STATEMENT) flush();
        }
      }
      flush();
    } finally {
      database.pragma(`cache_size = ${cacheSize}`);
    }
    if (count > 0) onWrite();
    return count;
  };
}

/** Whether a text holds a backslash, tab, newline or carriage return (a loop: no regex run per value). */
function mayNeedEscape(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 92 || code === 9 || code === 10 || code === 13) return true;
  }
  return false;
}

/** A value in COPY's text format: `\N` for null, bytes as `\\x` and hex, and backslash, tab, newline and carriage return escaped. */
export function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`a bulk insert takes finite numbers, not ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'bigint') return value.toString();
  // Bytes (a Buffer, or the Uint8Array a worker's Buffer arrives as) in bytea's hex form, its backslash escaped for COPY.
  if (value instanceof Uint8Array)
    return '\\\\x' + Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex');
  if (typeof value !== 'string')
    throw new Error(`a bulk insert takes text, numbers, booleans and bytes, not ${typeof value}`);
  return mayNeedEscape(value)
    ? value.replace(/[\\\t\n\r]/g, (ch) => (ch === '\\' ? '\\\\' : ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : '\\r'))
    : value;
}

/** The pool's clients by backend process id: how a bulk insert finds the connection its transaction holds. */
export type PostgresClients = ReadonlyMap<number, pg.PoolClient>;

/**
 * COPY on the transaction's connection. Kysely does not hand out its connection's pg client, so
 * the client is found by the backend's process id (`pg_backend_pid()` asked through the
 * transaction): the transaction holds that connection alone until its callback returns.
 */
export function postgresBulkInsert(clients: PostgresClients, onWrite: () => void): BulkInsert {
  return async (trx, table, columns, rows, fixed = NO_FIXED) => {
    if (!trx.isTransaction) throw new Error('a bulk insert runs inside a transaction (store.db.transaction())');
    if (fixed.columns.length !== fixed.values.length) throw new Error('a fixed value for each fixed column');
    // The fixed values end every line made here; ready COPY text carries them already.
    const suffix = fixed.values.map((v) => '\t' + copyText(v)).join('');
    const found = await trx.executeQuery<{ pid: number }>(CompiledQuery.raw('select pg_backend_pid() as pid'));
    const pid = Number(found.rows[0]?.pid);
    const client = clients.get(pid);
    if (client === undefined) throw new Error(`no pooled client for the transaction's backend ${pid}`);
    const width = columns.length;
    let count = 0;
    // Text of about 1,000 rows a write: few writes, and the server starts on the first while the next is made.
    async function* text(): AsyncGenerator<string> {
      let out = '';
      let rowsIn = 0;
      for await (const chunk of chunksOf(rows, 1000)) {
        if (isReady(chunk)) {
          if (!('copy' in chunk)) throw new Error('PostgreSQL takes ready chunks of COPY text, not values');
          if (rowsIn > 0) {
            yield out;
            count += rowsIn;
            out = '';
            rowsIn = 0;
          }
          yield chunk.copy;
          count += chunk.rows;
          continue;
        }
        for (const row of chunk) {
          let line = copyText(row[0]);
          for (let c = 1; c < width; c++) line += '\t' + copyText(row[c]);
          out += line + suffix + '\n';
          rowsIn += 1;
          if (rowsIn >= 1000) {
            yield out;
            count += rowsIn;
            out = '';
            rowsIn = 0;
          }
        }
      }
      if (rowsIn > 0) {
        yield out;
        count += rowsIn;
      }
    }
    const all = [...columns, ...fixed.columns];
    const copy = client.query(copyFrom(`copy ${quoted(table)} (${all.map(quoted).join(', ')}) from stdin`));
    await pipeline(Readable.from(text(), { objectMode: false }), copy);
    if (count > 0) onWrite();
    return count;
  };
}
