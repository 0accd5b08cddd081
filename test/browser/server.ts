/** The real minefree server on a free port, on a fresh database, for the browser tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../src/server/start.js';
import { type Store, openDatabase } from '../../src/store/database.js';
import { initDatabase } from '../../src/setup/seed.js';
import type { TestDatabase } from '../../src/store/test-databases.js';

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** The engine (from forEachDatabase); default a fresh SQLite file. */
  database?: TestDatabase;
  /** Writes to the loaded database before the server starts (seed records, say). */
  prepare?: (store: Store) => Promise<void>;
}

export async function startTestServer({ database, prepare }: TestServerOptions = {}): Promise<TestServer> {
  const dir = database === undefined ? mkdtempSync(join(tmpdir(), 'minefree-browser-')) : null;
  const store =
    database === undefined ? await openDatabase({ file: join(dir ?? '', 'minefree.db') }) : await database.open();
  await initDatabase(store);
  await prepare?.(store);
  const server = await startServer({ port: 0, store });
  return {
    url: server.url.replace(/\/$/, ''),
    async close() {
      await server.close();
      // A forEachDatabase store is closed by its suite.
      if (dir !== null) {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
