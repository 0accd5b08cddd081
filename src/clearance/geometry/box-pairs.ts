/**
 * Every pair of boxes that meet, found through a grid instead of a sweep: the overlap warnings
 * of an import look at each pair once. Hazard areas are small next to their State, so a sweep
 * west to east compared each area with every other in its strip of longitude (27 million pairs
 * for 200,000 synthetic Cambodian areas, none of them meeting: half a second); boxes sharing a
 * grid cell are few.
 */
import type { BBox } from '../model.js';
import { boxesIntersect } from './area.js';

/** A box spanning more cells than this is compared with every box instead of being put in each cell. */
const MAX_CELLS = 64;
/** Cells a side at most, so a cell's key (column × KEY + row) stays an exact integer. */
const MAX_SIDE = 2 ** 20;
const KEY = MAX_SIDE + 1;
/** More large boxes than this: a sweep west to east costs less than comparing each with every box. */
const MAX_LARGE = 256;

/** The pairs of `boxes` that meet (edges touching count), each once, as indices i < j, in no set order. */
export function meetingPairs(boxes: readonly BBox[], each: (i: number, j: number) => void): void {
  const n = boxes.length;
  if (n < 2) return;
  const extent: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  const sizes = new Float64Array(n);
  boxes.forEach(([w, s, e, north], i) => {
    extent[0] = Math.min(extent[0], w);
    extent[1] = Math.min(extent[1], s);
    extent[2] = Math.max(extent[2], e);
    extent[3] = Math.max(extent[3], north);
    sizes[i] = Math.max(e - w, north - s);
  });
  sizes.sort();
  // Cells twice a typical box: most boxes fall in one to four of them.
  const span = Math.max(extent[2] - extent[0], extent[3] - extent[1]);
  const cell = Math.max(2 * (sizes[n >> 1] ?? 0), span / MAX_SIDE, Number.MIN_VALUE);
  const column = (x: number): number => Math.floor((x - extent[0]) / cell);
  const row = (y: number): number => Math.floor((y - extent[1]) / cell);

  const cells = new Map<number, number[]>();
  const large: number[] = [];
  boxes.forEach(([w, s, e, north], i) => {
    const [c0, c1, r0, r1] = [column(w), column(e), row(s), row(north)];
    if ((c1 - c0 + 1) * (r1 - r0 + 1) > MAX_CELLS) {
      large.push(i);
      return;
    }
    for (let c = c0; c <= c1; c++)
      for (let r = r0; r <= r1; r++) {
        const key = c * KEY + r;
        const list = cells.get(key);
        if (list === undefined) cells.set(key, [i]);
        else list.push(i);
      }
  });

  if (large.length > MAX_LARGE) {
    sweepPairs(boxes, each);
    return;
  }
  for (const [key, list] of cells)
    for (let x = 0; x < list.length; x++) {
      const i = list[x] as number;
      const a = boxes[i] as BBox;
      for (let y = x + 1; y < list.length; y++) {
        const j = list[y] as number;
        const b = boxes[j] as BBox;
        if (!boxesIntersect(a, b)) continue;
        // Once, in the cell holding the south-west corner of where the two meet: both are in it.
        if (column(Math.max(a[0], b[0])) * KEY + row(Math.max(a[1], b[1])) === key) each(i, j);
      }
    }

  // The large boxes against every box (a large pair once, from the first of the two).
  const isLarge = new Uint8Array(n);
  for (const i of large) isLarge[i] = 1;
  for (const i of large) {
    const a = boxes[i] as BBox;
    for (let j = 0; j < n; j++) {
      if (j === i || (isLarge[j] === 1 && j < i)) continue;
      if (boxesIntersect(a, boxes[j] as BBox)) each(Math.min(i, j), Math.max(i, j));
    }
  }
}

/** The same pairs by a sweep over the boxes sorted west to east (boxes of every size alike). */
export function sweepPairs(boxes: readonly BBox[], each: (i: number, j: number) => void): void {
  const order = boxes.map((_, i) => i).sort((i, j) => (boxes[i] as BBox)[0] - (boxes[j] as BBox)[0]);
  for (let x = 0; x < order.length; x++) {
    const i = order[x] as number;
    const a = boxes[i] as BBox;
    for (let y = x + 1; y < order.length; y++) {
      const j = order[y] as number;
      const b = boxes[j] as BBox;
      if (b[0] > a[2]) break;
      if (boxesIntersect(a, b)) each(Math.min(i, j), Math.max(i, j));
    }
  }
}
