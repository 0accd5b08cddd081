/**
 * One Mapbox Vector Tile layer of points, encoded straight to protobuf with pbf (MVT 2.1 spec).
 * The national view's tile holds tens of thousands of points: vt-pbf, made for geojson-vt's
 * general tiles, spends most of a z8 tile's time wrapping each point in objects and looking up
 * its tags. Here every value of the State has an id once (PointValues), a tile only renumbers the
 * ids it uses, and a feature is written without allocating. Values are written as vt-pbf writes
 * them (strings, unsigned integers), so decoders see the same tile.
 */
import { PbfWriter } from 'pbf';

type Value = string | number;

/** Each point's values, one per key, as ids into one table shared by all points. */
export class PointValues {
  readonly values: Value[] = [];
  /** ids[point * keys.length + k] is the id of the point's value for keys[k]. */
  readonly ids: number[] = [];
  private readonly index = new Map<Value, number>();

  constructor(readonly keys: readonly string[]) {}

  /** Adds a point's values (in the order of `keys`); returns its number. */
  add(values: readonly Value[]): number {
    for (const value of values) {
      let id = this.index.get(value);
      if (id === undefined) this.index.set(value, (id = this.values.push(value) - 1));
      this.ids.push(id);
    }
    return this.ids.length / this.keys.length - 1;
  }
}

const POINT = 1;
const MOVE_TO_ONE = (1 & 0x7) | (1 << 3);
const zigzag = (n: number): number => (n << 1) ^ (n >> 31);

function writeValue(value: Value, pbf: PbfWriter): void {
  if (typeof value === 'string') pbf.writeStringField(1, value);
  else if (Number.isInteger(value) && value >= 0) pbf.writeVarintField(5, value);
  else if (Number.isInteger(value)) pbf.writeSVarintField(6, value);
  else pbf.writeDoubleField(3, value);
}

interface Layer {
  name: string;
  extent: number;
  all: PointValues;
  points: readonly number[];
  xs: readonly number[];
  ys: readonly number[];
}

function writeLayer({ name, extent, all, points, xs, ys }: Layer, pbf: PbfWriter): void {
  const width = all.keys.length;
  const local = new Int32Array(all.values.length).fill(-1);
  const used: Value[] = [];
  const tags = new Array<number>(2 * width).fill(0);
  const geometry = [MOVE_TO_ONE, 0, 0];
  const writeFeature = (_: null, out: PbfWriter): void => {
    out.writePackedVarint(2, tags);
    out.writeVarintField(3, POINT);
    out.writePackedVarint(4, geometry);
  };
  pbf.writeVarintField(15, 2);
  pbf.writeStringField(1, name);
  points.forEach((point, j) => {
    for (let k = 0; k < width; k++) {
      const id = all.ids[point * width + k] ?? 0;
      let mine = local[id] ?? -1;
      if (mine < 0) local[id] = mine = used.push(all.values[id] ?? '') - 1;
      tags[2 * k] = k;
      tags[2 * k + 1] = mine;
    }
    geometry[1] = zigzag(Math.round(xs[j] ?? 0));
    geometry[2] = zigzag(Math.round(ys[j] ?? 0));
    pbf.writeMessage(2, writeFeature, null);
  });
  for (const key of all.keys) pbf.writeStringField(3, key);
  for (const value of used) pbf.writeMessage(4, writeValue, value);
  pbf.writeVarintField(5, extent);
}

/**
 * The tile of one point layer: `points` are point numbers from `all`, at tile coordinates
 * `xs[j]`, `ys[j]` (0 to extent; a buffer may take them a little outside).
 */
export function pointLayerTile(
  name: string,
  extent: number,
  all: PointValues,
  points: readonly number[],
  xs: readonly number[],
  ys: readonly number[],
): Uint8Array {
  const pbf = new PbfWriter();
  pbf.writeMessage(3, writeLayer, { name, extent, all, points, xs, ys });
  return pbf.finish();
}
