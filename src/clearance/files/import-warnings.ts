/**
 * The warnings an import shows but never stops on (issue 4, §2): an area reaching outside its
 * State's boundary, an area overlapping another open one, a release beyond its hazard area.
 * Each uses a cheap test first (points in the boundary, overlapping boxes) so only the few
 * features that may warn pay for the polygon operations.
 */
import type { MultiPolygon, Position } from 'geojson';
import { boxesIntersect } from '../geometry/area.js';
import { overlapWarnings, outsideStateWarning, releaseBeyondAreaWarning } from '../geometry/geometry.js';
import type { AreaGeometry, HazardArea, LandRelease } from '../model.js';
import { OUTSIDE_TOLERANCE_M, shapeContains } from './state-shapes.js';

function positions(geometry: AreaGeometry): Position[] {
  return geometry.type === 'Polygon' ? geometry.coordinates.flat() : geometry.coordinates.flat(2);
}

export function outsideStateWarnings(areas: readonly HazardArea[], shape: MultiPolygon): string[] {
  const contains = shapeContains(shape);
  const warnings: string[] = [];
  for (const area of areas) {
    if (positions(area.geometry).every(([x = 0, y = 0]) => contains(x, y))) continue;
    const warning = outsideStateWarning(area, shape, OUTSIDE_TOLERANCE_M);
    if (warning) warnings.push(warning.message);
  }
  return warnings;
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
