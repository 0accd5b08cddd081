/**
 * Where a vector tile comes from (issue 15 §4): one interface, and sources that read only the
 * rows meeting the tile by spatial index — no process holds a State's polygons for tiles.
 * IndexedTiles slices those rows with geojson-vt exactly as ClearanceTiles.fromRecords does over
 * every record (same bytes); PostgisTiles asks PostGIS's ST_AsMVT for the same layers.
 */
import type { StateCode } from '../../core/states.js';
import type { Store } from '../../store/database.js';
import { hasPostgis, postgisTile, readTileCentres, readTileFeatures } from '../store-tiles.js';
import { ClearanceTiles, POLYGON_MIN_ZOOM, firstRingBox, tileQueryBox } from './tiles.js';
import type { AreaGeometry } from '../model.js';

export interface TileSource {
  /**
   * The State's tile z/x/y as an uncompressed MVT v2 protobuf, or null when nothing is drawn in
   * it. `version` is the State's clearance version the caller read (a cache keys by it).
   */
  tile(iso3: StateCode, z: number, x: number, y: number, version: number): Promise<Uint8Array | null>;
}

/** Tiles from the rows the R*Tree (SQLite) or the GiST box index (PostgreSQL) returns for the tile's query box. */
export class IndexedTiles implements TileSource {
  constructor(private readonly store: Store) {}

  async tile(iso3: StateCode, z: number, x: number, y: number): Promise<Uint8Array | null> {
    const box = tileQueryBox(z, x, y);
    if (z < POLYGON_MIN_ZOOM) {
      const centres = await readTileCentres(this.store, iso3, box);
      return ClearanceTiles.fromCentres(
        centres.map(({ properties, box: stored, multi }) => ({
          properties,
          box: multi === null ? stored : firstRingBox(JSON.parse(multi) as AreaGeometry),
        })),
      ).tile(z, x, y);
    }
    const { areas, releases } = await readTileFeatures(this.store, iso3, box);
    return ClearanceTiles.fromFeatures(areas, releases).tile(z, x, y);
  }
}

/** Tiles from PostGIS's ST_AsMVT over the same indexed rows (PostgreSQL with the extension only). */
export class PostgisTiles implements TileSource {
  constructor(private readonly store: Store) {}

  tile(iso3: StateCode, z: number, x: number, y: number): Promise<Uint8Array | null> {
    return postgisTile(this.store, iso3, z, x, y, tileQueryBox(z, x, y), z < POLYGON_MIN_ZOOM);
  }
}

/**
 * The spatial index, or ST_AsMVT when `MINEFREE_TILES=postgis` and PostGIS is on the connection's
 * search path. PostGIS is opt-in: measured here it is slower than the index (it parses each row's
 * GeoJSON per request) and the route tests run on the index.
 */
export async function databaseTiles(store: Store, env = process.env): Promise<TileSource> {
  if (env.MINEFREE_TILES === 'postgis' && (await hasPostgis(store))) return new PostgisTiles(store);
  return new IndexedTiles(store);
}
