import type { Store } from '../store/database.js';
import type { EngineCache } from './engine-cache.js';

/** What route modules need from the server: the store and the cached engine. */
export interface ApiContext {
  store: Store;
  engines: EngineCache;
}
