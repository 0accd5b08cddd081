/**
 * Mapbox Vector Tiles of a State's hazard areas and land releases (issue 4 §7), in the layers
 * and properties of the clearance HTTP contract. Pure: records in, protobuf bytes out.
 *
 * Design: `fromRecords` only turns records into GeoJSON features with their bounding boxes
 * (linear, cheap). Each `tile()` call selects the features whose box meets the tile and its
 * buffer and slices just those with a fresh geojson-vt index, kept for nothing else: a tile
 * costs what is in it, not what the State holds, and nothing is cached here ("uncached" is
 * exactly this call). The HTTP layer caches the bytes per data version. A caller that does not
 * want every record in memory can read only the rows meeting `tileQueryBox(z, x, y)` (the
 * stored min_x/min_y/max_x/max_y columns) and build from those: the tile is the same.
 */
import type { Position } from 'geojson';
import { dateNumber } from '../calendar.js';
import { type PackedPolygon, forEachRing, packPolygon } from '../geometry/packed-polygon.js';
import type { AreaGeometry, BBox, ClearanceRecords } from '../model.js';
import { PointValues, pointLayerTile } from './mvt-points.js';
import { type PolygonFeature, type PolygonTileOptions, polygonTile } from './mvt-polygons.js';

export const HAZARD_AREAS_LAYER = 'hazard_areas';
export const LAND_RELEASES_LAYER = 'land_releases';
export const HAZARD_AREA_POINTS_LAYER = 'hazard_area_points';
/**
 * Below this zoom a hazard area is a point at its centre (layer hazard_area_points) and released
 * land is not drawn: a minefield of a few hectares is under a pixel there, and slicing tens of
 * thousands of sub-pixel polygons per tile costs seconds while showing nothing.
 */
export const POLYGON_MIN_ZOOM = 10;
/** The contract's maxzoom; deeper tiles would only repeat z14's geometry, magnified. */
export const TILE_MAX_ZOOM = 14;
export const TILE_EXTENT = 4096;
/** `closed` of an area still open: later than any date a slider can reach. */
export const STILL_OPEN = 99991231;

/**
 * tolerance 3 (of 4096): Douglas-Peucker at 3/8 of a pixel on a 512-px tile, below what can be
 * seen; polygons smaller than that square are dropped at that zoom (invisible there anyway) and
 * appear as the map zooms in. buffer 64 (1/64 of the tile): enough overlap that outlines drawn
 * across tile edges show no seams, small enough to add little to each tile.
 */
const POLYGON_OPTIONS: PolygonTileOptions = { maxZoom: TILE_MAX_ZOOM, tolerance: 3, extent: TILE_EXTENT, buffer: 64 };
const BUFFER_SHARE = 64 / TILE_EXTENT;

/** What a map filter or popup reads: strings and numbers only (MVT values). */
type TileProperties = Record<string, string | number>;

/** A polygon (packed: geometry/packed-polygon.ts) and what its layer shows of it. */
export type TileFeature<P> = PolygonFeature<P>;

export type HazardAreaTileProperties = {
  id: string;
  type: 'SHA' | 'CHA';
  status: 'open' | 'closed' | 'handed-over';
  recorded: number;
  closed: number;
  areaM2: number;
  synthetic: 0 | 1;
};
/** What the national view needs to colour and filter by date; no id or area, to keep 30,000 points small. */
export type HazardAreaPointProperties = Pick<
  HazardAreaTileProperties,
  'type' | 'status' | 'recorded' | 'closed' | 'synthetic'
>;
const POINT_KEYS = [
  'type',
  'status',
  'recorded',
  'closed',
  'synthetic',
] as const satisfies readonly (keyof HazardAreaPointProperties)[];
export type LandReleaseTileProperties = {
  id: string;
  hazardAreaId: string;
  kind: 'cancelled' | 'reduced' | 'cleared';
  released: number;
  areaM2: number;
  synthetic: 0 | 1;
};

/** Throws a RangeError naming z, x, y and the allowed range unless z/x/y is a tile of the contract's pyramid. */
export function checkTile(z: number, x: number, y: number): void {
  const whole = (n: number, max: number): boolean => Number.isInteger(n) && n >= 0 && n <= max;
  if (!whole(z, TILE_MAX_ZOOM)) {
    throw new RangeError(
      `tile z=${z}, x=${x}, y=${y} is out of range: expected z a whole number from 0 to ${TILE_MAX_ZOOM} (and x, y whole numbers from 0 to 2^z - 1)`,
    );
  }
  const max = 2 ** z - 1;
  if (!whole(x, max) || !whole(y, max)) {
    throw new RangeError(
      `tile z=${z}, x=${x}, y=${y} is out of range: expected x and y whole numbers from 0 to ${max} at zoom ${z}`,
    );
  }
}

const longitude = (x: number, z: number): number => (x / 2 ** z) * 360 - 180;
const latitude = (y: number, z: number): number => {
  const n = Math.PI * (1 - (2 * y) / 2 ** z);
  return (Math.atan(Math.sinh(n)) * 180) / Math.PI;
};

/**
 * The tile with its buffer in degrees [west, south, east, north]: every feature meeting it may
 * draw into the tile. West may fall below -180 and east pass 180 at the world's edges (the
 * buffer reaches across the antimeridian there).
 */
export function tileQueryBox(z: number, x: number, y: number): BBox {
  checkTile(z, x, y);
  // geojson-vt squeezes latitudes beyond Web Mercator's ±85.05° onto the edge rows: so do we.
  const top = y - BUFFER_SHARE <= 0 ? 90 : latitude(y - BUFFER_SHARE, z);
  const bottom = y + 1 + BUFFER_SHARE >= 2 ** z ? -90 : latitude(y + 1 + BUFFER_SHARE, z);
  return [longitude(x - BUFFER_SHARE, z), bottom, longitude(x + 1 + BUFFER_SHARE, z), top];
}

/** [west, south, east, north] of a ring; Infinity for an empty one. */
function ringBox(ring: readonly Position[]): BBox {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon = 0, lat = 0] of ring) {
    w = Math.min(w, lon);
    e = Math.max(e, lon);
    s = Math.min(s, lat);
    n = Math.max(n, lat);
  }
  return [w, s, e, n];
}

/**
 * The box whose centre stands for an area below POLYGON_MIN_ZOOM: its first part's outer ring
 * (a part cut at 180° must not put the point at 0°). For a Polygon, the area's own box.
 */
export function firstRingBox(geometry: AreaGeometry): BBox {
  return ringBox((geometry.type === 'Polygon' ? geometry.coordinates[0] : geometry.coordinates[0]?.[0]) ?? []);
}

/** [west, south, east, north] of each part's outer ring of a packed polygon. */
function partBoxes(polygon: PackedPolygon): BBox[] {
  const boxes: BBox[] = [];
  forEachRing(polygon, (_, ringInPart, start, count) => {
    if (ringInPart !== 0) return;
    let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = start; i < start + 2 * count; i += 2) {
      const [lon = 0, lat = 0] = [polygon[i], polygon[i + 1]];
      w = Math.min(w, lon);
      e = Math.max(e, lon);
      s = Math.min(s, lat);
      n = Math.max(n, lat);
    }
    boxes.push([w, s, e, n]);
  });
  return boxes;
}

/** Features with one box per polygon part: a part cut at 180° must not widen its twin's box to the whole world. */
class FeatureBoxes<P extends TileProperties> {
  private readonly boxes: number[] = [];
  private readonly owners: number[] = [];
  readonly features: PolygonFeature<P>[] = [];

  /** Adds the feature; returns its parts' boxes. */
  add(polygon: PackedPolygon, properties: P): BBox[] {
    const owner = this.features.length;
    this.features.push({ polygon, properties });
    const boxes = partBoxes(polygon);
    for (const box of boxes) {
      this.boxes.push(...box);
      this.owners.push(owner);
    }
    return boxes;
  }

  /** The features with a part meeting `box` (its longitudes may run past ±180: see tileQueryBox). */
  meeting([west, south, east, north]: BBox): PolygonFeature<P>[] {
    const spans: [number, number][] = [[west, east]];
    if (west < -180) spans.push([west + 360, 180]);
    if (east > 180) spans.push([-180, east - 360]);
    const picked = new Uint8Array(this.features.length);
    const out: PolygonFeature<P>[] = [];
    const b = this.boxes;
    for (let i = 0; i < this.owners.length; i++) {
      const o = i * 4;
      if ((b[o + 1] ?? 0) > north || (b[o + 3] ?? 0) < south) continue;
      const owner = this.owners[i] ?? 0;
      if (picked[owner] === 1 || !spans.some(([w, e]) => (b[o] ?? 0) <= e && (b[o + 2] ?? 0) >= w)) continue;
      picked[owner] = 1;
      out.push(this.features[owner] as PolygonFeature<P>);
    }
    return out;
  }
}

/** Web Mercator x and y of a position, each from 0 to 1 (y from the north). */
function mercator(lon: number, lat: number): [number, number] {
  const clamped = Math.max(-85.0511, Math.min(85.0511, lat));
  const sin = Math.sin((clamped * Math.PI) / 180);
  return [lon / 360 + 0.5, 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)];
}

const BUCKET_ZOOM = POLYGON_MIN_ZOOM - 1;
// One more than the bucket tiles per side, so a buffer's -1 and 2^BUCKET_ZOOM stay distinct keys.
const BUCKET_SIDE = 2 ** BUCKET_ZOOM + 2;
const bucketKey = (bx: number, by: number): number => (bx + 1) * BUCKET_SIDE + (by + 1);

/** Hazard areas as points at the centre of their (first part's) box, in Mercator units. */
class CentrePoints {
  private readonly xy: number[] = [];
  private readonly values = new PointValues(POINT_KEYS);
  /** Point indices by their tile at the deepest point zoom: a tile looks only at its own. */
  private buckets: Map<number, number[]> | null = null;

  /** A point at the centre of `box` (firstRingBox of the area). */
  addBox([w, s, e, n]: BBox, properties: HazardAreaPointProperties): void {
    if (w === Infinity) return;
    this.xy.push(...mercator((w + e) / 2, (s + n) / 2));
    this.values.add(POINT_KEYS.map((key) => properties[key]));
    this.buckets = null;
  }

  private get count(): number {
    return this.xy.length / 2;
  }

  private bucketed(): Map<number, number[]> {
    if (this.buckets !== null) return this.buckets;
    const buckets = new Map<number, number[]>();
    const side = 2 ** BUCKET_ZOOM;
    for (let i = 0; i < this.count; i++) {
      const key = bucketKey(Math.floor((this.xy[2 * i] ?? 0) * side), Math.floor((this.xy[2 * i + 1] ?? 0) * side));
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i);
      else buckets.set(key, [i]);
    }
    return (this.buckets = buckets);
  }

  /** The buckets the tile and its buffer reach. */
  private candidates(z: number, x: number, y: number): number[][] {
    const buckets = this.bucketed();
    const shift = BUCKET_ZOOM - z;
    const margin = Math.ceil(2 ** shift * BUFFER_SHARE);
    const [x0, x1, y0, y1] = [
      (x << shift) - margin,
      ((x + 1) << shift) - 1 + margin,
      (y << shift) - margin,
      ((y + 1) << shift) - 1 + margin,
    ];
    const out: number[][] = [];
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > buckets.size) {
      for (const [key, bucket] of buckets) {
        const [bx, by] = [Math.floor(key / BUCKET_SIDE) - 1, (key % BUCKET_SIDE) - 1];
        if (bx >= x0 && bx <= x1 && by >= y0 && by <= y1) out.push(bucket);
      }
      return out;
    }
    for (let bx = x0; bx <= x1; bx++) {
      for (let by = y0; by <= y1; by++) {
        const bucket = buckets.get(bucketKey(bx, by));
        if (bucket) out.push(bucket);
      }
    }
    return out;
  }

  /** The points in the tile and its buffer, encoded as the hazard_area_points layer; null when there are none. */
  tile(z: number, x: number, y: number): Uint8Array | null {
    const scale = 2 ** z;
    const buffer = BUFFER_SHARE * TILE_EXTENT;
    const [points, xs, ys]: [number[], number[], number[]] = [[], [], []];
    for (const bucket of this.candidates(z, x, y)) {
      for (const i of bucket) {
        const px = ((this.xy[2 * i] ?? 0) * scale - x) * TILE_EXTENT;
        const py = ((this.xy[2 * i + 1] ?? 0) * scale - y) * TILE_EXTENT;
        if (px < -buffer || px > TILE_EXTENT + buffer || py < -buffer || py > TILE_EXTENT + buffer) continue;
        points.push(i);
      }
    }
    // In record order, whatever the buckets' order: a tile built from only the rows meeting it is the same bytes.
    points.sort((a, b) => a - b);
    for (const i of points) {
      xs.push(((this.xy[2 * i] ?? 0) * scale - x) * TILE_EXTENT);
      ys.push(((this.xy[2 * i + 1] ?? 0) * scale - y) * TILE_EXTENT);
    }
    return points.length === 0
      ? null
      : pointLayerTile(HAZARD_AREA_POINTS_LAYER, TILE_EXTENT, this.values, points, xs, ys);
  }
}

export class ClearanceTiles {
  private constructor(
    private readonly areas: FeatureBoxes<HazardAreaTileProperties>,
    private readonly releases: FeatureBoxes<LandReleaseTileProperties>,
    private readonly centres: () => CentrePoints,
  ) {}

  private pointsBuilt: CentrePoints | null = null;
  /** Built on the first tile below POLYGON_MIN_ZOOM: a polygon tile from the index never needs them. */
  private get points(): CentrePoints {
    return (this.pointsBuilt ??= this.centres());
  }

  /**
   * A release is synthetic when its hazard area is. A State never mixes synthetic and real
   * records, so a release whose area is not among `records` (a partial read) takes the flag of
   * the areas that are; with no area at all it counts as real.
   */
  static fromRecords(records: ClearanceRecords): ClearanceTiles {
    const syntheticAreas = new Map<string, 0 | 1>();
    const areas: TileFeature<HazardAreaTileProperties>[] = records.areas.map((a) => {
      const synthetic = a.synthetic ? 1 : 0;
      syntheticAreas.set(a.id, synthetic);
      return {
        polygon: packPolygon(a.geometry),
        properties: {
          id: a.id,
          type: a.type,
          status: a.status,
          recorded: dateNumber(a.informationDate),
          closed: a.statusDate === null ? STILL_OPEN : dateNumber(a.statusDate),
          areaM2: a.areaM2,
          synthetic,
        },
      };
    });
    const otherwise = records.areas.some((a) => a.synthetic) ? 1 : 0;
    const releases = records.releases.map((r) => ({
      polygon: packPolygon(r.geometry),
      properties: {
        id: r.id,
        hazardAreaId: r.hazardAreaId,
        kind: r.kind,
        released: dateNumber(r.date),
        areaM2: r.areaM2,
        synthetic: syntheticAreas.get(r.hazardAreaId) ?? otherwise,
      },
    }));
    return ClearanceTiles.fromFeatures(areas, releases);
  }

  /**
   * From features already shaped for the layers, each list in id order (byte order): a tile
   * source that reads only the rows meeting a tile builds from those, and gets the same tile.
   */
  static fromFeatures(
    areaFeatures: readonly TileFeature<HazardAreaTileProperties>[],
    releaseFeatures: readonly TileFeature<LandReleaseTileProperties>[],
  ): ClearanceTiles {
    const areas = new FeatureBoxes<HazardAreaTileProperties>();
    const firstBoxes: BBox[] = [];
    for (const { polygon, properties } of areaFeatures) {
      const [first = [Infinity, Infinity, -Infinity, -Infinity]] = areas.add(polygon, properties);
      firstBoxes.push(first);
    }
    const releases = new FeatureBoxes<LandReleaseTileProperties>();
    for (const { polygon, properties } of releaseFeatures) releases.add(polygon, properties);
    return new ClearanceTiles(areas, releases, () => {
      const points = new CentrePoints();
      areaFeatures.forEach(({ properties: { type, status, recorded, closed, synthetic } }, i) =>
        points.addBox(firstBoxes[i] ?? [Infinity, 0, 0, 0], { type, status, recorded, closed, synthetic }),
      );
      return points;
    });
  }

  /**
   * Only the point layer (tiles below POLYGON_MIN_ZOOM), from each area's firstRingBox in id
   * order: a low-zoom tile reads no polygon it would only reduce to a point.
   */
  static fromCentres(centres: readonly { box: BBox; properties: HazardAreaPointProperties }[]): ClearanceTiles {
    const points = new CentrePoints();
    for (const { box, properties } of centres) points.addBox(box, properties);
    return new ClearanceTiles(new FeatureBoxes(), new FeatureBoxes(), () => points);
  }

  /** The tile as an uncompressed MVT v2 protobuf, or null when nothing is drawn in it. */
  tile(z: number, x: number, y: number): Uint8Array | null {
    const box = tileQueryBox(z, x, y);
    if (z < POLYGON_MIN_ZOOM) return this.points.tile(z, x, y);
    return polygonTile(
      [
        { name: HAZARD_AREAS_LAYER, features: this.areas.meeting(box) },
        { name: LAND_RELEASES_LAYER, features: this.releases.meeting(box) },
      ],
      z,
      x,
      y,
      POLYGON_OPTIONS,
    );
  }
}
