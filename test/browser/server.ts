/** The real minefree server on a free port and a fresh SQLite file, for the browser tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../src/server/start.js';

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** `prepare` may write to the database file before the server opens it (seed records, say). */
export async function startTestServer(prepare?: (dbFile: string) => Promise<void>): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'minefree-browser-'));
  const dbFile = join(dir, 'minefree.db');
  await prepare?.(dbFile);
  const server = await startServer({ port: 0, dbFile });
  return {
    url: server.url.replace(/\/$/, ''),
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
