import { type Store, openDatabase } from '../store/database.js';
import { initDatabase } from '../setup/seed.js';
import { configFromEnv } from '../server/config.js';
import { loadFacts } from '../treaty/store.js';
import { TreatyEngine } from '../treaty/status.js';

/**
 * Runs a command against the same database the server uses (DATABASE_URL, else MINEFREE_DB,
 * else ./minefree.db), created, migrated and loaded with data/ on first use.
 */
export async function withStore<T>(body: (store: Store) => Promise<T>): Promise<T> {
  const config = configFromEnv();
  const store = await openDatabase({ url: config.databaseUrl, file: config.dbFile });
  try {
    await initDatabase(store);
    return await body(store);
  } finally {
    await store.close();
  }
}

export function withEngine<T>(body: (engine: TreatyEngine, store: Store) => T | Promise<T>): Promise<T> {
  return withStore(async (store) => body(new TreatyEngine(await loadFacts(store)), store));
}
