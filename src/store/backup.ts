/**
 * `minefree backup FILE` / `minefree restore FILE`, for either engine, knowing no pillar.
 *
 * - SQLite: SQLite's online backup API (better-sqlite3 `backup()`), page by page, while the server
 *   runs; restoring copies the backup's pages back over the live file the same way.
 * - PostgreSQL: `pg_dump --format=custom` of the current schema and `pg_restore --clean` when
 *   pg_dump is installed; otherwise a logical export: every table of the schema, its columns and
 *   rows, as one JSON document, restored in one transaction (tables emptied children first,
 *   filled parents first, identity sequences moved past the largest id).
 *
 * The kind of a backup file is read from its first bytes, so restore needs no option.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readSync, readFileSync, writeFileSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { Store } from './database.js';

export type BackupKind = 'sqlite' | 'pg_dump' | 'logical';

export interface BackupOptions {
  /** PostgreSQL connection URL (pg_dump and pg_restore connect with it). */
  url?: string | undefined;
  /** The pg_dump program; pg_restore is looked for beside it. `null`: always the logical export. */
  pgDump?: string | null;
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

const LOGICAL_FORMAT = 'minefree-logical-backup';

/** The file of the main SQLite database behind the store. */
async function sqliteFile(store: Store): Promise<string> {
  const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(store.db);
  const file = rows.find((r) => r.name === 'main')?.file ?? '';
  if (file === '') throw new BackupError('the SQLite database is in memory: there is no file to back up or restore');
  return file;
}

const currentSchema = async (store: Store): Promise<string> =>
  (await sql<{ schema: string }>`select current_schema() as schema`.execute(store.db)).rows[0]?.schema ?? 'public';

/** pg_dump's path when it runs here (and its pg_restore beside it), else null. */
function pgTools(options: BackupOptions): { dump: string; restore: string } | null {
  if (options.pgDump === null || options.url === undefined || options.url === '') return null;
  const dump = options.pgDump ?? 'pg_dump';
  const restore = dump.replace(/pg_dump$/, 'pg_restore');
  for (const program of [dump, restore])
    if (spawnSync(program, ['--version'], { encoding: 'utf8' }).status !== 0) return null;
  return { dump, restore };
}

function run(program: string, args: string[]): void {
  const result = spawnSync(program, args, { encoding: 'utf8' });
  if (result.error !== undefined) throw new BackupError(`${program}: ${result.error.message}`);
  if (result.status !== 0) throw new BackupError(`${program} failed: ${result.stderr.trim()}`);
}

/** Writes a backup of the whole database to `file`; returns how it was made. */
export async function backupDatabase(store: Store, file: string, options: BackupOptions = {}): Promise<BackupKind> {
  if (store.dialect === 'sqlite') {
    const source = new SQLite(await sqliteFile(store), { readonly: true, fileMustExist: true });
    try {
      await source.backup(file);
    } finally {
      source.close();
    }
    return 'sqlite';
  }
  const schema = await currentSchema(store);
  const tools = pgTools(options);
  if (tools !== null) {
    run(tools.dump, [
      '--format=custom',
      `--schema=${schema}`,
      '--no-owner',
      `--file=${file}`,
      `--dbname=${options.url}`,
    ]);
    return 'pg_dump';
  }
  writeFileSync(file, JSON.stringify(await logicalExport(store, schema)));
  return 'logical';
}

function kindOf(file: string): BackupKind {
  const head = Buffer.alloc(64);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const text = head.toString('latin1');
  if (text.startsWith('SQLite format 3\u0000')) return 'sqlite';
  if (text.startsWith('PGDMP')) return 'pg_dump';
  if (text.startsWith(`{"format":"${LOGICAL_FORMAT}"`)) return 'logical';
  throw new BackupError(
    `${file}: not a minefree backup (expected an SQLite file, a pg_dump archive or a logical export)`,
  );
}

/**
 * Replaces the whole database with the backup in `file`. Stop the server first: it keeps read
 * models of the data in memory. Returns the kind of backup restored.
 */
export async function restoreDatabase(store: Store, file: string, options: BackupOptions = {}): Promise<BackupKind> {
  const kind = kindOf(file);
  if (store.dialect === 'sqlite') {
    if (kind !== 'sqlite') throw new BackupError(`${file}: a PostgreSQL backup (${kind}); this database is SQLite`);
    const source = new SQLite(file, { readonly: true, fileMustExist: true });
    try {
      await source.backup(await sqliteFile(store));
    } finally {
      source.close();
    }
    return kind;
  }
  if (kind === 'sqlite') throw new BackupError(`${file}: an SQLite backup; this database is PostgreSQL`);
  if (kind === 'pg_dump') {
    const tools = pgTools(options);
    if (tools === null) throw new BackupError(`${file}: a pg_dump archive, and pg_restore is not available here`);
    run(tools.restore, [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--single-transaction',
      `--dbname=${options.url}`,
      file,
    ]);
    return kind;
  }
  await logicalImport(store, await currentSchema(store), JSON.parse(readFileSync(file, 'utf8')) as LogicalBackup);
  return kind;
}

// ---- The logical export (PostgreSQL without pg_dump) ----

interface LogicalTable {
  name: string;
  columns: string[];
  rows: unknown[][];
}

interface LogicalBackup {
  format: typeof LOGICAL_FORMAT;
  version: 1;
  tables: LogicalTable[];
}

/** Every base table of the schema, parents before children (by their foreign keys). */
async function tablesInOrder(store: Store, schema: string): Promise<string[]> {
  const tables = (
    await sql<{ name: string }>`select table_name as name from information_schema.tables
      where table_schema = ${schema} and table_type = 'BASE TABLE' order by table_name`.execute(store.db)
  ).rows.map((r) => r.name);
  const edges = (
    await sql<{ child: string; parent: string }>`select c.relname as child, p.relname as parent
      from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
      join pg_namespace n on n.oid = c.relnamespace
      where k.contype = 'f' and n.nspname = ${schema}`.execute(store.db)
  ).rows;
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>): void => {
    if (ordered.includes(table) || path.has(table)) return;
    path.add(table);
    for (const e of edges) if (e.child === table && e.parent !== table) visit(e.parent, path);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

async function columnsOf(store: Store, schema: string, table: string): Promise<string[]> {
  return (
    await sql<{ name: string }>`select column_name as name from information_schema.columns
      where table_schema = ${schema} and table_name = ${table} order by ordinal_position`.execute(store.db)
  ).rows.map((r) => r.name);
}

async function logicalExport(store: Store, schema: string): Promise<LogicalBackup> {
  // One snapshot of every table.
  return store.db.transaction().execute(async (trx) => {
    await sql`set transaction isolation level repeatable read`.execute(trx);
    const tables: LogicalTable[] = [];
    for (const name of await tablesInOrder(store, schema)) {
      const columns = await columnsOf(store, schema, name);
      const { rows } = await sql<Record<string, unknown>>`select * from ${sql.id(name)} order by 1`.execute(trx);
      tables.push({ name, columns, rows: rows.map((row) => columns.map((c) => row[c] ?? null)) });
    }
    return { format: LOGICAL_FORMAT, version: 1, tables };
  });
}

async function logicalImport(store: Store, schema: string, backup: LogicalBackup): Promise<void> {
  if (backup.format !== LOGICAL_FORMAT || backup.version !== 1)
    throw new BackupError('not a minefree logical backup of version 1');
  const order = await tablesInOrder(store, schema);
  for (const table of backup.tables) {
    if (!order.includes(table.name))
      throw new BackupError(
        `table ${table.name} of the backup is not in this database: migrate it to the same version first`,
      );
    const here = await columnsOf(store, schema, table.name);
    if (here.join(',') !== table.columns.join(','))
      throw new BackupError(
        `table ${table.name}: the backup's columns (${table.columns.join(', ')}) differ from this database's (${here.join(', ')})`,
      );
  }
  const byName = new Map(backup.tables.map((t) => [t.name, t]));
  await store.db.transaction().execute(async (trx) => {
    for (const name of [...order].reverse()) await sql`delete from ${sql.id(name)}`.execute(trx);
    for (const name of order) {
      const table = byName.get(name);
      if (table === undefined) continue;
      const columns = sql.join(table.columns.map((c) => sql.id(c)));
      // Rows in batches, each well under PostgreSQL's 65,535 parameters.
      const batch = Math.max(1, Math.floor(30_000 / Math.max(1, table.columns.length)));
      for (let i = 0; i < table.rows.length; i += batch) {
        const values = table.rows.slice(i, i + batch).map((row) => sql`(${sql.join(row.map((v) => sql`${v}`))})`);
        await sql`insert into ${sql.id(name)} (${columns}) overriding system value values ${sql.join(values)}`.execute(
          trx,
        );
      }
      // Identity columns go on after the largest restored id.
      const identities = (
        await sql<{ name: string }>`select column_name as name from information_schema.columns
          where table_schema = ${schema} and table_name = ${name} and is_identity = 'YES'`.execute(trx)
      ).rows;
      for (const { name: column } of identities)
        await sql`select setval(pg_get_serial_sequence(${`${schema}.${name}`}, ${column}),
          coalesce((select max(${sql.id(column)}) from ${sql.id(name)}), 0) + 1, false)`.execute(trx);
    }
  });
}
