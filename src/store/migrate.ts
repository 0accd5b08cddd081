/**
 * Versioned migrations through Kysely's Migrator. The list is static (imported modules, not a
 * folder scan) so it works the same under tsx, bundlers and tests.
 */
import { type Migration, type MigrationResultSet, Migrator, NO_MIGRATIONS, sql } from 'kysely';
import type { DialectName, Store } from './database.js';
import { initialMigration } from './migrations/0001-initial.js';
import { clearanceMigration } from './migrations/0002-clearance.js';
import { article5WorkflowMigration } from './migrations/0003-article5-workflow.js';

/** Names sort in the order they run: add `0004-...` below the last one. */
export function migrations(dialect: DialectName): Record<string, Migration> {
  return {
    '0001-initial': initialMigration(dialect),
    '0002-clearance': clearanceMigration(dialect),
    '0003-article5-workflow': article5WorkflowMigration(dialect),
  };
}

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

async function migrator(store: Store): Promise<Migrator> {
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
export async function migrateToLatest(store: Store): Promise<string[]> {
  return check(await (await migrator(store)).migrateToLatest());
}

/** Undoes every migration, newest first. */
export async function migrateDownToNothing(store: Store): Promise<string[]> {
  return check(await (await migrator(store)).migrateTo(NO_MIGRATIONS));
}
