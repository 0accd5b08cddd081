/**
 * Versioned migrations through Kysely's Migrator. The runner knows no pillar: it is handed the
 * list (src/setup/migrations.ts composes every pillar's), static imports rather than a folder
 * scan, so it works the same under tsx, compiled code and tests.
 */
import {
  type DatabaseIntrospector,
  type Kysely,
  type Migration,
  type MigrationResultSet,
  Migrator,
  NO_MIGRATIONS,
  type TableMetadata,
  sql,
} from 'kysely';
import type { Database, DialectName, Store } from './database.js';

/** Every migration by name; names sort in the order they run. */
export type MigrationList = Record<string, Migration>;
export type MigrationsFor = (dialect: DialectName) => MigrationList;

export class MigrationError extends Error {
  constructor(
    readonly migration: string | null,
    cause: unknown,
  ) {
    super(`migration ${migration ?? '(setup)'} failed: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = 'MigrationError';
  }
}

/**
 * Kysely looks for its own tables in every schema PostgreSQL lists; with one schema per test
 * file it would find another file's. Pinning the current schema keeps each one apart.
 */
async function migrationSchema(store: Store): Promise<string | undefined> {
  if (store.dialect !== 'postgres') return undefined;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(store.db);
  return rows[0]?.schema;
}

/**
 * The tables of one schema, as Kysely's introspector lists them (names only: the Migrator asks
 * only whether its own two tables exist).
 */
async function tablesOf(db: Kysely<Database>, schema: string): Promise<TableMetadata[]> {
  const { rows } = await sql<{ name: string; is_view: boolean }>`select c.relname as name, c.relkind = 'v' as is_view
    from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${schema} and c.relkind in ('r', 'v', 'p', 'm', 'f')`.execute(db);
  return rows.map((r) => ({ name: r.name, isView: r.is_view, columns: [], schema }));
}

/**
 * The store's database for the Migrator, on PostgreSQL with an introspector that lists only the
 * migration schema's tables. Kysely's own lists every table of every schema and looks up each
 * column's sequence by the schema's name, so a schema another connection drops meanwhile fails it
 * ("schema … does not exist"): tests make and drop one schema per file, as other tenants of a
 * shared database may. Seen in CI; by hand, 46 of 72 migrations failed beside a loop that made
 * and dropped schemas, none with this.
 */
function migratorDb(store: Store, schema: string | undefined): Kysely<Database> {
  if (schema === undefined) return store.db;
  const db = store.db;
  const introspector: DatabaseIntrospector = {
    getSchemas: () => db.introspection.getSchemas(),
    getTables: () => tablesOf(db, schema),
    getMetadata: async () => ({ tables: await tablesOf(db, schema) }),
  };
  return new Proxy(db, {
    get(target, property) {
      if (property === 'introspection') return introspector;
      const value: unknown = Reflect.get(target, property, target);
      // Kysely's methods read private fields: called on the store's instance, not the proxy.
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

async function migrator(store: Store, migrations: MigrationsFor): Promise<Migrator> {
  const list = migrations(store.dialect);
  const schema = await migrationSchema(store);
  return new Migrator({
    db: migratorDb(store, schema),
    provider: { getMigrations: () => Promise.resolve(list) },
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
}

function check({ error, results }: MigrationResultSet): string[] {
  if (error !== undefined)
    throw new MigrationError(results?.find((r) => r.status === 'Error')?.migrationName ?? null, error);
  return (results ?? []).map((r) => r.migrationName);
}

/** Brings the schema to the latest version; returns the names of the migrations it ran. */
export async function migrateToLatest(store: Store, migrations: MigrationsFor): Promise<string[]> {
  return check(await (await migrator(store, migrations)).migrateToLatest());
}

/** Brings the schema up or down to the named migration (the migration tests start from an older schema). */
export async function migrateTo(store: Store, migrations: MigrationsFor, name: string): Promise<string[]> {
  return check(await (await migrator(store, migrations)).migrateTo(name));
}

/** Undoes every migration, newest first. */
export async function migrateDownToNothing(store: Store, migrations: MigrationsFor): Promise<string[]> {
  return check(await (await migrator(store, migrations)).migrateTo(NO_MIGRATIONS));
}

/**
 * Renames migrations already run (`old` → the names that replaced it, with the same effect), so
 * a database made before a migration was split or renamed migrates on as if made after.
 */
export async function renameRunMigrations(
  store: Store,
  renames: Readonly<Record<string, readonly string[]>>,
): Promise<void> {
  const exists =
    store.dialect === 'postgres'
      ? sql<{ found: string | null }>`select to_regclass('kysely_migration')::text as found`
      : sql<{ found: string | null }>`select name as found from sqlite_master where name = 'kysely_migration'`;
  if (((await exists.execute(store.db)).rows[0]?.found ?? null) === null) return;
  await store.db.transaction().execute(async (trx) => {
    for (const [old, names] of Object.entries(renames)) {
      const { rows } = await sql<{
        timestamp: string;
      }>`select timestamp from kysely_migration where name = ${old}`.execute(trx);
      const run = rows[0];
      if (run === undefined) continue;
      await sql`delete from kysely_migration where name = ${old}`.execute(trx);
      for (const name of names)
        await sql`insert into kysely_migration (name, timestamp) values (${name}, ${run.timestamp})`.execute(trx);
    }
  });
}
