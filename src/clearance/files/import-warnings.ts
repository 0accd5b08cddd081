/**
 * The warnings an import shows but never stops on (issue 4, §2): an area reaching outside its
 * State's boundary, an area overlapping another open one, a release beyond its hazard area.
 * Each uses a cheap test first (points in the boundary, overlapping boxes) so only the few
 * features that may warn pay for the polygon operations.
 */
import type { MultiPolygon, Position } from 'geojson';
import { boxesIntersect } from '../geometry/area.js';
import { overlapWarnings, outsideStateWarning, releaseBeyondAreaWarning } from '../geometry/geometry.js';
import type { AreaGeometry, BBox, HazardArea, LandRelease } from '../model.js';
import { OUTSIDE_TOLERANCE_M, shapeContains } from './state-shapes.js';

function positions(geometry: AreaGeometry): Position[] {
  return geometry.type === 'Polygon' ? geometry.coordinates.flat() : geometry.coordinates.flat(2);
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
  if (positions(area.geometry).every(([x = 0, y = 0]) => contains(x, y))) return null;
  return outsideStateWarning(area, shape, OUTSIDE_TOLERANCE_M)?.message ?? null;
}

/**
 * Overlaps between the new areas and with the State's stored open ones, by a sweep over boxes
 * sorted west to east. A pair of new areas is reported once, from the later one.
 */
export function overlapWarningsOf(areas: readonly HazardArea[], stored: readonly HazardArea[]): string[] {
  const all = [...stored.map((area) => ({ area, order: -1 })), ...areas.map((area, order) => ({ area, order }))];
  all.sort((a, b) => a.area.bbox[0] - b.area.bbox[0]);
  const candidates = new Map<number, HazardArea[]>();
  for (let i = 0; i < all.length; i++) {
    const a = all[i];
    if (a === undefined) continue;
    for (let j = i + 1; j < all.length; j++) {
      const b = all[j];
      if (b === undefined || b.area.bbox[0] > a.area.bbox[2]) break;
      if (Math.max(a.order, b.order) < 0 || !boxesIntersect(a.area.bbox, b.area.bbox)) continue;
      const [self, other] = a.order > b.order ? [a, b] : [b, a];
      const list = candidates.get(self.order) ?? [];
      list.push(other.area);
      candidates.set(self.order, list);
    }
  }
  const warnings: string[] = [];
  for (const [order, others] of [...candidates].sort(([x], [y]) => x - y)) {
    const self = areas[order];
    if (self !== undefined) warnings.push(...overlapWarnings(self, others).map((w) => w.message));
  }
  return warnings;
}

/** Ids of the `stored` boxes meeting the box of one of `areas` (a sweep west to east): the stored areas they may overlap. */
export function storedMeeting(
  areas: readonly { bbox: BBox }[],
  stored: readonly { id: string; bbox: BBox }[],
): string[] {
  const all: { bbox: BBox; id: string | null }[] = [
    ...stored.map((s) => ({ bbox: s.bbox, id: s.id })),
    ...areas.map((a) => ({ bbox: a.bbox, id: null })),
  ];
  all.sort((a, b) => a.bbox[0] - b.bbox[0]);
  const found = new Set<string>();
  for (let i = 0; i < all.length; i++) {
    const a = all[i];
    if (a === undefined) continue;
    for (let j = i + 1; j < all.length; j++) {
      const b = all[j];
      if (b === undefined || b.bbox[0] > a.bbox[2]) break;
      if ((a.id === null) === (b.id === null) || !boxesIntersect(a.bbox, b.bbox)) continue;
      const id = a.id ?? b.id;
      if (id !== null) found.add(id);
    }
  }
  return [...found];
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
