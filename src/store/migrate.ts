/**
 * Versioned migrations through Kysely's Migrator. The runner knows no pillar: it is handed the
 * list (src/setup/migrations.ts composes every pillar's), static imports rather than a folder
 * scan, so it works the same under tsx, compiled code and tests.
 */
import { type Migration, type MigrationResultSet, Migrator, NO_MIGRATIONS, sql } from 'kysely';
import type { DialectName, Store } from './database.js';

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

async function migrator(store: Store, migrations: MigrationsFor): Promise<Migrator> {
  const list = migrations(store.dialect);
  const schema = await migrationSchema(store);
  return new Migrator({
    db: store.db,
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
