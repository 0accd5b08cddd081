/**
 * The warnings an import shows but never stops on (issue 4, §2): an area reaching outside its
 * State's boundary, an area overlapping another open one, a release beyond its hazard area.
 * Each uses a cheap test first (points in the boundary, overlapping boxes) so only the few
 * features that may warn pay for the polygon operations.
 */
import type { MultiPolygon, Position } from 'geojson';
import { meetingPairs } from '../geometry/box-pairs.js';
import { overlapWarnings, outsideStateWarning, releaseBeyondAreaWarning } from '../geometry/geometry.js';
import type { AreaGeometry, BBox, HazardArea, LandRelease } from '../model.js';
import { OUTSIDE_TOLERANCE_M, shapeContains } from './state-shapes.js';

/** Whether every vertex of the geometry passes `test` (a loop: no list of the positions made). */
function everyVertex(geometry: AreaGeometry, test: (x: number, y: number) => boolean): boolean {
  const polygons: Position[][][] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const rings of polygons)
    for (const ring of rings) for (const p of ring) if (!test(p[0] ?? 0, p[1] ?? 0)) return false;
  return true;
}

export function outsideStateWarnings(areas: readonly HazardArea[], shape: MultiPolygon): string[] {
  const contains = shapeContains(shape);
  return areas.flatMap((area) => outsideStateWarningOf(area, shape, contains) ?? []);
}

/** One area's warning; `contains` is shapeContains(shape), made once (it indexes the boundary). */
export function outsideStateWarningOf(
  area: HazardArea,
  shape: MultiPolygon,
  contains: (x: number, y: number) => boolean,
): string | null {
  if (everyVertex(area.geometry, contains)) return null;
  return outsideStateWarning(area, shape, OUTSIDE_TOLERANCE_M)?.message ?? null;
}

/**
 * Overlaps between the new areas and with the State's stored open ones, the pairs of meeting
 * boxes found through a grid (geometry/box-pairs.ts). A pair of new areas is reported once, from
 * the later one; each area's others in the order west to east of their boxes.
 */
export function overlapWarningsOf(areas: readonly HazardArea[], stored: readonly HazardArea[]): string[] {
  const boxes = [...stored.map((a) => a.bbox), ...areas.map((a) => a.bbox)];
  const first = stored.length;
  const candidates = new Map<number, number[]>();
  meetingPairs(boxes, (i, j) => {
    if (j < first) return; // two stored areas
    const list = candidates.get(j - first);
    if (list === undefined) candidates.set(j - first, [i]);
    else list.push(i);
  });
  const west = (k: number): number => (boxes[k] as BBox)[0];
  const warnings: string[] = [];
  for (const [order, others] of [...candidates].sort(([x], [y]) => x - y)) {
    const self = areas[order];
    if (self === undefined) continue;
    others.sort((k, l) => west(k) - west(l) || k - l);
    const meeting = others.map((k) => (k < first ? stored[k] : areas[k - first]) as HazardArea);
    warnings.push(...overlapWarnings(self, meeting).map((w) => w.message));
  }
  return warnings;
}

/** Ids of the `stored` boxes meeting the box of one of `areas`: the stored areas they may overlap. */
export function storedMeeting(
  areas: readonly { bbox: BBox }[],
  stored: readonly { id: string; bbox: BBox }[],
): string[] {
  if (stored.length === 0 || areas.length === 0) return [];
  const first = stored.length;
  const found = new Set<number>();
  meetingPairs([...stored.map((s) => s.bbox), ...areas.map((a) => a.bbox)], (i, j) => {
    if (i < first && j >= first) found.add(i);
  });
  return [...found].sort((i, j) => i - j).map((i) => (stored[i] as { id: string }).id);
}

export function releaseWarnings(
  releases: readonly LandRelease[],
  areaOf: (id: string) => HazardArea | undefined,
): string[] {
  const warnings: string[] = [];
  for (const release of releases) {
    const area = areaOf(release.hazardAreaId);
    if (area === undefined) continue;
    const warning = releaseBeyondAreaWarning(release, area);
    if (warning) warnings.push(warning.message);
  }
  return warnings;
}
