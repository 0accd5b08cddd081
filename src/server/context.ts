import type { ClearanceCache } from '../clearance/cache.js';
import type { Store } from '../store/database.js';
import type { EngineCache } from './engine-cache.js';

/** What route modules need from the server: the store, the cached engine and clearance read models. */
export interface ApiContext {
  store: Store;
  engines: EngineCache;
  clearance: ClearanceCache;
}
