/**
 * Tiles kept between requests, per State and clearance version, dropped per changed range: a
 * write records the box it touched (store-tiles.ts recordTileChange, in its transaction), and
 * when the State's version moves only the cached tiles whose query box meets one of the boxes
 * written since are dropped; the rest stay valid. Works across processes: the changes are rows.
 */
import type { StateCode } from '../../core/states.js';
import type { Store } from '../../store/database.js';
import type { BBox } from '../model.js';
import { boxSpans, latestTileChange, tileChangesAfter } from '../store-tiles.js';
import type { TileSource } from './tile-source.js';
import { tileQueryBox } from './tiles.js';

/** Tiles kept per State: a map session touches a few hundred; the oldest go first beyond this. */
const TILES_PER_STATE = 4096;

interface Cached {
  box: BBox;
  bytes: Promise<Uint8Array | null>;
}

interface StateTiles {
  iso3: StateCode;
  version: number;
  /** The latest tile change already applied. */
  change: number;
  tiles: Map<string, Cached>;
  /** A version check under way: requests wait for it rather than each reading the changes. */
  refreshing: Promise<void> | null;
}

/** Do two boxes meet (either may reach past ±180: compared span by span)? */
export function boxesMeet(a: BBox, b: BBox): boolean {
  return boxSpans(a).some(([w1, s1, e1, n1]) =>
    boxSpans(b).some(([w2, s2, e2, n2]) => w1 <= e2 && e1 >= w2 && s1 <= n2 && n1 >= s2),
  );
}

export class TileCache implements TileSource {
  private readonly states = new Map<StateCode, StateTiles>();
  /** Tiles built (not served from the cache): for tests and the bench. */
  built = 0;

  constructor(
    private readonly source: TileSource,
    private readonly store: Store,
  ) {}

  async tile(iso3: StateCode, z: number, x: number, y: number, version: number): Promise<Uint8Array | null> {
    const state = await this.current(iso3, version);
    const key = `${z}/${x}/${y}`;
    const known = state.tiles.get(key);
    if (known !== undefined) return known.bytes;
    this.built++;
    const cached: Cached = { box: tileQueryBox(z, x, y), bytes: this.source.tile(iso3, z, x, y, version) };
    state.tiles.set(key, cached);
    if (state.tiles.size > TILES_PER_STATE) state.tiles.delete(state.tiles.keys().next().value ?? key);
    // A failed build is not kept: the next request tries again.
    cached.bytes.catch(() => {
      if (state.tiles.get(key) === cached) state.tiles.delete(key);
    });
    return cached.bytes;
  }

  private async current(iso3: StateCode, version: number): Promise<StateTiles> {
    let state = this.states.get(iso3);
    if (state === undefined) {
      const change = await latestTileChange(this.store, iso3);
      state = this.states.get(iso3) ?? { iso3, version, change, tiles: new Map(), refreshing: null };
      this.states.set(iso3, state);
    }
    // A caller that read an older version than the cache's is served the newer tiles.
    while (state.version < version) {
      const refreshing = (state.refreshing ??= this.refresh(state, version));
      try {
        await refreshing;
      } finally {
        if (state.refreshing === refreshing) state.refreshing = null;
      }
    }
    return state;
  }

  /** Drops the tiles meeting a box written since the last check; all of them when the changes since were not all kept. */
  private async refresh(state: StateTiles, version: number): Promise<void> {
    const { changes, complete } = await tileChangesAfter(this.store, state.iso3, state.change);
    if (!complete) state.tiles.clear();
    for (const [key, cached] of state.tiles)
      if (changes.some((c) => boxesMeet(c.box, cached.box))) state.tiles.delete(key);
    state.change = changes.at(-1)?.id ?? state.change;
    state.version = Math.max(state.version, version);
  }
}
