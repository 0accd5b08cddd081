/**
 * What every pillar's Fastify plugin receives: the open store. A pillar that needs another's read
 * model (the treaty engine, say) declares it in its own options type, and the server passes it.
 */
import type { Store } from '../store/database.js';

export interface PillarOptions {
  store: Store;
}
