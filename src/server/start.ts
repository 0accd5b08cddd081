import type { AddressInfo } from 'node:net';
import { type Store, openDatabase } from '../store/database.js';
import { initDatabase } from '../setup/seed.js';
import { type LogOption, buildApp } from './app.js';
import { DEFAULT_HOST, DEFAULT_PORT } from './config.js';

export interface StartOptions {
  port?: number;
  host?: string;
  /** SQLite file (default ./minefree.db); ignored when databaseUrl is set. */
  dbFile?: string;
  /** PostgreSQL URL. */
  databaseUrl?: string;
  logger?: LogOption;
  /** Proxies in front to trust: a hop count (`true`: every hop, for tests only). */
  trustProxy?: boolean | number;
  /** A store already open (a test's PostgreSQL schema, say): used instead of dbFile/databaseUrl, and left open on close. */
  store?: Store;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Opens (creating, migrating and loading on first start) the database and serves minefree. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const store = options.store ?? (await openDatabase({ url: options.databaseUrl, file: options.dbFile }));
  const closeStore = async (): Promise<void> => {
    if (options.store === undefined) await store.close();
  };
  try {
    await initDatabase(store);
    const app = await buildApp({ store, logger: options.logger ?? false, trustProxy: options.trustProxy ?? false });
    await app.listen({ port: options.port ?? DEFAULT_PORT, host: options.host ?? DEFAULT_HOST });
    const { port } = app.server.address() as AddressInfo;
    return {
      url: `http://localhost:${port}/`,
      async close() {
        await app.close();
        await closeStore();
      },
    };
  } catch (error) {
    await closeStore();
    throw error;
  }
}
