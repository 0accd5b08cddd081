/**
 * A quick proof that a polygon's only ring is simple, so jsts's IsValidOp (most of an import's
 * time: it builds a full topology graph per polygon) runs only where it has something to find.
 * The answer is "certainly simple" or "not known": a ring this test cannot clear goes to jsts,
 * which finds the fault and names it. Orientation signs are trusted only beyond a floating-point
 * error bound (Shewchuk's filter, widened); anything near zero counts as not known.
 */
import type { Position } from 'geojson';

/** Past this many positions the pairwise test costs more than jsts's monotone chains. */
const MAX_POSITIONS = 256;
/** Shewchuk's ccwerrboundA is 3.33e-16; a hundred times wider costs nothing and leaves a margin. */
const ERROR_BOUND = 3.5e-14;

/** Sign of the turn a→b→c (1 left, -1 right), or 0 when too close to call. */
function turn(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const left = (ax - cx) * (by - cy);
  const right = (ay - cy) * (bx - cx);
  const det = left - right;
  const bound = ERROR_BOUND * (Math.abs(left) + Math.abs(right));
  return det > bound ? 1 : det < -bound ? -1 : 0;
}

/** Whether segments ab and cd certainly share no point (bounding boxes apart, or one wholly on one side of the other's line). */
function certainlyApart(xs: Float64Array, ys: Float64Array, a: number, b: number, c: number, d: number): boolean {
  const [ax, ay, bx, by, cx, cy, dx, dy] = [xs[a]!, ys[a]!, xs[b]!, ys[b]!, xs[c]!, ys[c]!, xs[d]!, ys[d]!];
  if (Math.max(ax, bx) < Math.min(cx, dx) || Math.max(cx, dx) < Math.min(ax, bx)) return true;
  if (Math.max(ay, by) < Math.min(cy, dy) || Math.max(cy, dy) < Math.min(ay, by)) return true;
  const c1 = turn(ax, ay, bx, by, cx, cy);
  if (c1 !== 0 && c1 === turn(ax, ay, bx, by, dx, dy)) return true;
  const a1 = turn(cx, cy, dx, dy, ax, ay);
  return a1 !== 0 && a1 === turn(cx, cy, dx, dy, bx, by);
}

/**
 * True when the closed ring certainly neither touches nor crosses itself: consecutive positions
 * differ, each corner turns (no spike, no straight run), and no two edges but neighbours meet.
 * Such a ring, alone in its polygon, is what jsts calls valid. False means "not known".
 */
export function certainlySimpleRing(ring: readonly Position[]): boolean {
  const n = ring.length - 1; // edges; the last position repeats the first
  if (n < 3 || n > MAX_POSITIONS) return false;
  const xs = new Float64Array(n + 1);
  const ys = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) {
    const p = ring[i];
    const x = p?.[0];
    const y = p?.[1];
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return false;
    xs[i] = x;
    ys[i] = y;
  }
  if (xs[0] !== xs[n] || ys[0] !== ys[n]) return false;
  for (let i = 0; i < n; i++) {
    const [j, k] = [i + 1, i + 2 > n ? 1 : i + 2];
    if (xs[i] === xs[j] && ys[i] === ys[j]) return false;
    // Neighbouring edges meet only at their corner when the corner turns.
    if (turn(xs[i]!, ys[i]!, xs[j]!, ys[j]!, xs[k]!, ys[k]!) === 0) return false;
  }
  for (let i = 0; i < n; i++)
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue; // the first and last edges are neighbours
      if (!certainlyApart(xs, ys, i, i + 1, j, j + 1)) return false;
    }
  return true;
}
