/** The real minefree server on a free port and a fresh SQLite file, for the browser tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../src/server/start.js';

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'minefree-browser-'));
  const server = await startServer({ port: 0, dbFile: join(dir, 'minefree.db') });
  return {
    url: server.url.replace(/\/$/, ''),
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
