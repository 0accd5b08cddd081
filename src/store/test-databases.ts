/**
 * Every storage test runs on both engines, Kysely-style (DESIGN.md §5): `forEachDatabase`
 * repeats a suite for SQLite (a fresh temp file, so WAL is exercised) and PostgreSQL (a fresh
 * schema, so parallel test files never meet). PostgreSQL is never skipped: if it cannot be
 * reached, opening throws and the tests fail.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, it } from 'vitest';
import { type DialectName, type Store, openDatabase } from './database.js';

export const TEST_PG_URL = process.env.MINEFREE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Opened {
  store: Store;
  dispose(): Promise<void>;
}

async function openSqlite(): Promise<Opened> {
  const dir = mkdtempSync(join(tmpdir(), 'minefree-test-'));
  const store = await openDatabase({ file: join(dir, 'test.db') });
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs one statement on the PostgreSQL test database outside any store (creating or dropping a schema). */
export async function onAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function openPostgres(): Promise<Opened> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await onAdmin(`create schema ${schema}`);
  const store = await openDatabase({ url: TEST_PG_URL, schema });
  return {
    store,
    dispose: async () => {
      await store.close();
      await onAdmin(`drop schema ${schema} cascade`);
    },
  };
}

export interface TestDatabase {
  name: DialectName;
  /** A new, empty database, closed and removed after the suite. */
  open(): Promise<Store>;
}

const OPENERS: Record<DialectName, () => Promise<Opened>> = { sqlite: openSqlite, postgres: openPostgres };
export const DIALECTS: readonly DialectName[] = ['sqlite', 'postgres'];

/** Declares `body` once per engine, inside `describe('sqlite')` and `describe('postgres')`. */
export function forEachDatabase(body: (database: TestDatabase) => void): void {
  describe.each(DIALECTS)('%s', (name) => {
    const opened: Opened[] = [];
    afterAll(async () => {
      for (const o of opened.splice(0)) await o.dispose();
    });
    // A failing hook only marks the suite's tests skipped: this names the failure as a test.
    it(`opens a ${name} database`, async () => {
      await (await OPENERS[name]()).dispose();
    });
    body({
      name,
      open: async () => {
        const o = await OPENERS[name]();
        opened.push(o);
        return o.store;
      },
    });
  });
}

/** A second store on the same database, as another process would open it. */
export async function openAgain(store: Store): Promise<Store> {
  if (store.dialect === 'postgres') {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(store.db);
    return openDatabase({ url: TEST_PG_URL, schema: rows[0]?.schema });
  }
  const { rows } = await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(
    store.db,
  );
  return openDatabase({ file: rows[0]?.file });
}
