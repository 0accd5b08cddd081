/**
 * Polygon layers of a Mapbox Vector Tile, cut and encoded straight from GeoJSON polygons (MVT 2.1
 * spec). geojson-vt builds an index per request, drills from z0 to the tile clipping every
 * feature at each level, and vt-pbf wraps every point in objects: for a z10 tile of a few
 * thousand small polygons that was most of the time (issue 15 §4). Here each ring is projected
 * once into the tile's pixels, clipped to the tile and its buffer only when it crosses them,
 * simplified as geojson-vt does (Douglas-Peucker importance, rings under the tolerance dropped),
 * rounded and written. Values are written as vt-pbf writes them, so decoders see the same layers.
 */
import { PbfWriter } from 'pbf';
import { type PackedPolygon, forEachRing } from '../geometry/packed-polygon.js';

export interface PolygonTileOptions {
  extent: number;
  /** Pixels (of `extent`) drawn around the tile, so outlines across tile edges show no seams. */
  buffer: number;
  /** Douglas-Peucker tolerance in pixels; nothing is simplified or dropped at `maxZoom`. */
  tolerance: number;
  maxZoom: number;
}

export interface PolygonFeature<P> {
  polygon: PackedPolygon;
  properties: P;
}

type Value = string | number;

/** Importance of a point that is always kept: a ring's ends and the points clipping adds. */
const KEEP = Infinity;

/** Square distance from (px, py) to the segment (ax, ay)-(bx, by). */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  let x = ax;
  let y = ay;
  const dx = bx - ax;
  const dy = by - ay;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = bx;
      y = by;
    } else if (t > 0) {
      x = ax + dx * t;
      y = ay + dy * t;
    }
  }
  return (px - x) * (px - x) + (py - y) * (py - y);
}

/**
 * Douglas-Peucker importance of the points first..last (the distance at which each would be
 * dropped), as geojson-vt's simplify computes it: down to `stop`, ties broken towards the middle.
 */
function importance(xy: Float64Array, weight: Float64Array, first: number, last: number, stop: number): void {
  let max = stop * stop;
  const mid = first + ((last - first) >> 1);
  let toMid = last - first;
  let index = -1;
  const ax = xy[2 * first] ?? 0;
  const ay = xy[2 * first + 1] ?? 0;
  const bx = xy[2 * last] ?? 0;
  const by = xy[2 * last + 1] ?? 0;
  for (let i = first + 1; i < last; i++) {
    const d = segmentDistance(xy[2 * i] ?? 0, xy[2 * i + 1] ?? 0, ax, ay, bx, by);
    if (d > max) {
      index = i;
      max = d;
    } else if (d === max && Math.abs(i - mid) < toMid) {
      index = i;
      toMid = Math.abs(i - mid);
    }
  }
  if (index < 0 || max <= stop * stop) return;
  if (index - first > 1) importance(xy, weight, first, index, stop);
  weight[index] = Math.sqrt(max);
  if (last - index > 1) importance(xy, weight, index, last, stop);
}

/** A ring as pixel coordinates with each point's importance. */
interface Ring {
  xy: number[];
  weight: number[];
}

/** The part of `ring` with `axis` coordinate in [k1, k2] (Sutherland-Hodgman, both lines at once), closed. */
function clipRing({ xy, weight }: Ring, axis: 0 | 1, k1: number, k2: number): Ring {
  const out: Ring = { xy: [], weight: [] };
  const cross = (i: number, k: number): void => {
    const [ax, ay, bx, by] = [xy[2 * i] ?? 0, xy[2 * i + 1] ?? 0, xy[2 * i + 2] ?? 0, xy[2 * i + 3] ?? 0];
    const t = axis === 0 ? (k - ax) / (bx - ax) : (k - ay) / (by - ay);
    out.xy.push(axis === 0 ? k : ax + (bx - ax) * t, axis === 0 ? ay + (by - ay) * t : k);
    out.weight.push(KEEP);
  };
  for (let i = 0; i < weight.length - 1; i++) {
    const [a = 0, b = 0] = [xy[2 * i + axis], xy[2 * i + 2 + axis]];
    if (a >= k1 && a <= k2) {
      out.xy.push(xy[2 * i] ?? 0, xy[2 * i + 1] ?? 0);
      out.weight.push(weight[i] ?? 0);
    }
    // The lines the segment crosses, in the order it meets them.
    if (a < b) {
      if (a < k1 && b > k1) cross(i, k1);
      if (a < k2 && b > k2) cross(i, k2);
    } else {
      if (a > k2 && b < k2) cross(i, k2);
      if (a > k1 && b < k1) cross(i, k1);
    }
  }
  const m = out.xy.length;
  if (m > 0 && (out.xy[0] !== out.xy[m - 2] || out.xy[1] !== out.xy[m - 1])) {
    out.xy.push(out.xy[0] ?? 0, out.xy[1] ?? 0);
    out.weight.push(KEEP);
  }
  return out;
}

const MOVE_TO = 1;
const LINE_TO = 2;
const CLOSE_PATH = 7;
const POLYGON = 3;
const command = (id: number, count: number): number => (count << 3) | (id & 0x7);
const zigzag = (n: number): number => (n << 1) ^ (n >> 31);

/** Cuts one layer's features for tile z/x/y into geometry commands. */
class LayerCutter {
  private readonly scale: number;
  private readonly dx: number;
  private readonly dy: number;
  /** Simplification threshold at this zoom, and where importance stops being computed (geojson-vt's maxZoom tolerance). */
  private readonly threshold: number;
  private readonly stop: number;
  private readonly low: number;
  private readonly high: number;
  /** Pixel shifts a part is drawn at: 0, and a world either side for a part near ±180° (as geojson-vt wraps it). */
  private readonly shifts: number[];
  private readonly partShifts: number[] = [];
  // Scratch space reused from ring to ring.
  private xy = new Float64Array(64);
  private weight = new Float64Array(32);
  private points = new Int32Array(64);
  private readonly box = { minX: 0, minY: 0, maxX: 0, maxY: 0, area: 0 };
  private commands: number[] = [];
  private cx = 0;
  private cy = 0;

  constructor(z: number, x: number, y: number, options: PolygonTileOptions) {
    this.scale = 2 ** z * options.extent;
    this.dx = x * options.extent;
    this.dy = y * options.extent;
    this.threshold = z >= options.maxZoom ? 0 : options.tolerance;
    this.stop = options.tolerance * 2 ** (z - options.maxZoom);
    this.low = -options.buffer;
    this.high = options.extent + options.buffer;
    this.shifts = [0, -this.scale, this.scale];
  }

  /** The feature's geometry commands (MoveTo/LineTo/ClosePath per ring), or null when nothing of it is drawn. */
  cut(polygon: PackedPolygon): number[] | null {
    this.commands = [];
    this.cx = this.cy = 0;
    this.polygon = polygon;
    forEachRing(polygon, this.ring);
    return this.commands.length === 0 ? null : this.commands;
  }

  private polygon: PackedPolygon = new Float64Array(0);
  /** One ring of the polygon being cut (bound once: forEachRing calls it for every ring of every feature). */
  private readonly ring = (_: number, ringInPart: number, start: number, count: number): void => {
    this.project(this.polygon, start, count, ringInPart === 0);
    const { minX, maxX, minY, maxY } = this.box;
    if (ringInPart === 0) {
      this.partShifts.length = 0;
      if (maxY >= this.low && minY <= this.high)
        for (const shift of this.shifts)
          if (maxX + shift >= this.low && minX + shift <= this.high) this.partShifts.push(shift);
    }
    for (const shift of this.partShifts) this.addRing(count, shift);
  };

  /**
   * Pixel coordinates of a ring at this tile (into this.xy), its box and its area (this.box);
   * wound as MVT 2.1 wants (and geojson-vt winds, before simplifying): an outer ring with a
   * positive area in pixels (y down), a hole negative, whatever the input's winding.
   */
  private project(polygon: PackedPolygon, start: number, count: number, outer: boolean): void {
    if (this.xy.length < 2 * count) this.xy = new Float64Array(4 * count);
    const xy = this.xy;
    let [minX, minY, maxX, maxY, area] = [Infinity, Infinity, -Infinity, -Infinity, 0];
    for (let i = 0; i < count; i++) {
      const lon = polygon[start + 2 * i] ?? 0;
      const sin = Math.sin(((polygon[start + 2 * i + 1] ?? 0) * Math.PI) / 180);
      const my = 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
      const px = (lon / 360 + 0.5) * this.scale - this.dx;
      const py = (my < 0 ? 0 : my > 1 ? 1 : my) * this.scale - this.dy;
      xy[2 * i] = px;
      xy[2 * i + 1] = py;
      if (px < minX) minX = px;
      if (px > maxX) maxX = px;
      if (py < minY) minY = py;
      if (py > maxY) maxY = py;
      if (i > 0) area += (xy[2 * i - 2] ?? 0) * py - px * (xy[2 * i - 1] ?? 0);
    }
    if (outer ? area < 0 : area >= 0) {
      for (let i = 0, j = count - 1; i < j; i++, j--) {
        const [x, y] = [xy[2 * i] ?? 0, xy[2 * i + 1] ?? 0];
        xy[2 * i] = xy[2 * j] ?? 0;
        xy[2 * i + 1] = xy[2 * j + 1] ?? 0;
        xy[2 * j] = x;
        xy[2 * j + 1] = y;
      }
    }
    const box = this.box;
    box.minX = minX;
    box.minY = minY;
    box.maxX = maxX;
    box.maxY = maxY;
    box.area = Math.abs(area) / 2;
  }

  private addRing(n: number, shift: number): void {
    const { minX, minY, maxX, maxY, area } = this.box;
    // A ring smaller than the tolerance's square is under a pixel here: dropped, as geojson-vt does.
    if (n < 4 || (this.threshold > 0 && Math.sqrt(area) < this.threshold)) return;
    if (maxX + shift < this.low || minX + shift > this.high || maxY < this.low || minY > this.high) return;
    if (this.weight.length < n) this.weight = new Float64Array(2 * n);
    const weight = this.weight.fill(0, 0, n);
    if (this.threshold > 0) {
      weight[0] = weight[n - 1] = KEEP;
      importance(this.xy, weight, 0, n - 1, this.stop);
    }
    const inside = minX + shift >= this.low && maxX + shift <= this.high && minY >= this.low && maxY <= this.high;
    if (inside) {
      this.write(this.xy, weight, n, shift);
      return;
    }
    let cut: Ring = { xy: Array.from(this.xy.subarray(0, 2 * n)), weight: Array.from(weight.subarray(0, n)) };
    if (shift !== 0) for (let i = 0; i < cut.xy.length; i += 2) cut.xy[i] = (cut.xy[i] ?? 0) + shift;
    if (minX + shift < this.low || maxX + shift > this.high) cut = clipRing(cut, 0, this.low, this.high);
    if (minY < this.low || maxY > this.high) cut = clipRing(cut, 1, this.low, this.high);
    this.write(cut.xy, cut.weight, cut.weight.length, 0);
  }

  /** Writes the ring's kept points, rounded, without repeats; a ring left with under three corners is not drawn. */
  private write(xy: ArrayLike<number>, weight: ArrayLike<number>, n: number, shift: number): void {
    if (this.points.length < 2 * n) this.points = new Int32Array(4 * n);
    const points = this.points;
    let m = 0;
    // The closing point repeats the first: not kept (ClosePath draws it).
    for (let i = 0; i < n - 1; i++) {
      if (this.threshold > 0 && (weight[i] ?? 0) <= this.threshold) continue;
      const x = Math.round((xy[2 * i] ?? 0) + shift);
      const y = Math.round(xy[2 * i + 1] ?? 0);
      if (m > 0 && x === points[m - 2] && y === points[m - 1]) continue;
      points[m++] = x;
      points[m++] = y;
    }
    // Rounding may bring the last kept point onto the first.
    if (m > 2 && points[0] === points[m - 2] && points[1] === points[m - 1]) m -= 2;
    const corners = m / 2;
    // A ring without area (under three corners, or all on a line) draws nothing: left out, as PostGIS does.
    let area = 0;
    for (let i = 0; i < m; i += 2)
      area += (points[i] ?? 0) * (points[(i + 3) % m] ?? 0) - (points[(i + 2) % m] ?? 0) * (points[i + 1] ?? 0);
    if (corners < 3 || area === 0) return;
    const out = this.commands;
    let cx = this.cx;
    let cy = this.cy;
    for (let i = 0; i < corners; i++) {
      if (i === 0) out.push(command(MOVE_TO, 1));
      else if (i === 1) out.push(command(LINE_TO, corners - 1));
      const x = points[2 * i] ?? 0;
      const y = points[2 * i + 1] ?? 0;
      out.push(zigzag(x - cx), zigzag(y - cy));
      cx = x;
      cy = y;
    }
    out.push(command(CLOSE_PATH, 1));
    this.cx = cx;
    this.cy = cy;
  }
}

function writeValue(value: Value, pbf: PbfWriter): void {
  if (typeof value === 'string') pbf.writeStringField(1, value);
  else if (!Number.isInteger(value)) pbf.writeDoubleField(3, value);
  else if (value < 0) pbf.writeSVarintField(6, value);
  else pbf.writeVarintField(5, value);
}

/** A layer's keys and values, each written once, in the order features first use them. */
class Tags {
  readonly keys: string[] = [];
  readonly values: Value[] = [];
  private readonly keyIds = new Map<string, number>();
  // One map per type: V8 hashes a string by its cached hash, a number by its bits, and a map of
  // both kinds took a third of a dense tile's encoding.
  private readonly stringIds = new Map<string, number>();
  private readonly numberIds = new Map<number, number>();

  /** The feature's tags (key id, value id pairs), in an array reused by the next call. */
  private readonly tags: number[] = [];

  of(properties: Record<string, Value>): number[] {
    const tags = this.tags;
    tags.length = 0;
    let i = 0;
    for (const key in properties) {
      const value = properties[key] as Value;
      // A layer's features list the same keys in the same order: the i-th key is usually key i.
      let k = this.keys[i] === key ? i : this.keyIds.get(key);
      if (k === undefined) this.keyIds.set(key, (k = this.keys.push(key) - 1));
      let v: number | undefined;
      if (typeof value === 'string') {
        v = this.stringIds.get(value);
        if (v === undefined) this.stringIds.set(value, (v = this.values.push(value) - 1));
      } else {
        v = this.numberIds.get(value);
        if (v === undefined) this.numberIds.set(value, (v = this.values.push(value) - 1));
      }
      tags.push(k, v);
      i++;
    }
    return tags;
  }
}

interface LayerInput {
  name: string;
  features: readonly PolygonFeature<Record<string, Value>>[];
  options: PolygonTileOptions;
  z: number;
  x: number;
  y: number;
}

interface Written {
  tags: number[];
  commands: number[];
}

function writeFeature({ tags, commands }: Written, pbf: PbfWriter): void {
  pbf.writePackedVarint(2, tags);
  pbf.writeVarintField(3, POLYGON);
  pbf.writePackedVarint(4, commands);
}

/** Writes the layer; returns the number of features drawn (a layer of none is not kept). */
function writeLayer({ name, features, options, z, x, y }: LayerInput, pbf: PbfWriter): number {
  const cutter = new LayerCutter(z, x, y, options);
  const tags = new Tags();
  const feature: Written = { tags: [], commands: [] };
  let drawn = 0;
  pbf.writeVarintField(15, 2);
  pbf.writeStringField(1, name);
  pbf.writeVarintField(5, options.extent);
  for (const { polygon, properties } of features) {
    const commands = cutter.cut(polygon);
    if (commands === null) continue;
    drawn++;
    feature.tags = tags.of(properties);
    feature.commands = commands;
    pbf.writeMessage(2, writeFeature, feature);
  }
  for (const key of tags.keys) pbf.writeStringField(3, key);
  for (const value of tags.values) pbf.writeMessage(4, writeValue, value);
  return drawn;
}

/**
 * The tile z/x/y of these polygon layers (each feature list in the order to draw), uncompressed;
 * a layer with nothing drawn is left out, and null when no layer has anything.
 */
export function polygonTile(
  layers: readonly { name: string; features: readonly PolygonFeature<Record<string, Value>>[] }[],
  z: number,
  x: number,
  y: number,
  options: PolygonTileOptions,
): Uint8Array | null {
  const pbf = new PbfWriter();
  let any = false;
  for (const { name, features } of layers) {
    if (features.length === 0) continue;
    const start = pbf.pos;
    let drawn = 0;
    pbf.writeMessage(
      3,
      (input: LayerInput, out: PbfWriter) => {
        drawn = writeLayer(input, out);
      },
      { name, features, options, z, x, y },
    );
    // An empty layer is taken back out of the buffer.
    if (drawn === 0) pbf.pos = start;
    else any = true;
  }
  return any ? pbf.finish() : null;
}
