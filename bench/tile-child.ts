/**
 * The tile server's side of the clearance bench, in its own process: it opens the bench database
 * and builds the tiles asked for with IndexedTiles, as `minefree serve` does, holding no
 * records. The bench process holds every record of the State for its other rows, and a heap that
 * size makes each garbage collection dearer: a tile timed there would be charged for it.
 * Each message { z, x, y } is answered with { ms, bytes }: the build's own time and size.
 */
import { performance } from 'node:perf_hooks';
import { IndexedTiles } from '../src/clearance/serving/tile-source.js';
import type { StateCode } from '../src/core/states.js';
import { openDatabase } from '../src/store/database.js';

interface Ask {
  iso3: StateCode;
  z: number;
  x: number;
  y: number;
}

const [file] = process.argv.slice(2);
if (file === undefined || process.send === undefined) throw new Error('usage: fork tile-child.ts <database file>');
const store = await openDatabase({ file });
const tiles = new IndexedTiles(store);
process.on('message', (ask: Ask) => {
  const start = performance.now();
  void tiles.tile(ask.iso3, ask.z, ask.x, ask.y).then((bytes) => {
    process.send?.({ ms: performance.now() - start, bytes: bytes?.length ?? 0 });
  });
});
process.on('disconnect', () => void store.close());
process.send({ ready: true });
