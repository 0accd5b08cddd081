/**
 * Warnings that never stop a write (issue 4, §2): the user may know better (a State boundary
 * from Natural Earth is coarse; two operators may have mapped the same field), so these are
 * shown with their size and left to a person to judge.
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { area } from '@turf/area';
import { difference } from '@turf/difference';
import { feature, featureCollection, lineString } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { pointToLineDistance } from '@turf/point-to-line-distance';
import { boundingBox, boxesIntersect } from './area.js';
import { m2Text as m2 } from '../calendar.js';
import type { AreaGeometry, BBox, HazardStatus } from '../model.js';

export interface OverlapWarning {
  featureId: string;
  otherId: string;
  sharedM2: number;
  /** Share of this area (0-1) the other one also covers. */
  share: number;
  message: string;
}

export interface ReleaseBeyondAreaWarning {
  featureId: string;
  hazardAreaId: string;
  outsideM2: number;
  /** Share of the release (0-1) outside its hazard area. */
  share: number;
  message: string;
}

export interface OutsideStateWarning {
  featureId: string;
  outsideM2: number;
  share: number;
  /** Distance from the State boundary of the farthest outside vertex, in metres. */
  farthestM: number;
  message: string;
}

interface Located {
  id: string;
  geometry: AreaGeometry;
  areaM2: number;
  bbox?: BBox;
}

const asFeature = (geometry: AreaGeometry): Feature<Polygon | MultiPolygon> => feature(geometry);
const percent = (share: number): string => `${(share * 100).toFixed(1)} %`;
/** Below this, a shared or outside area is digitising noise (two polygons sharing an edge). */
export const NOISE_M2 = 1;

/**
 * Overlap with every other OPEN hazard area. Closed areas are left out: a new area over land
 * already released is what re-survey and previously unknown areas look like.
 */
export function overlapWarnings(
  self: Located,
  others: readonly { id: string; status: HazardStatus; geometry: AreaGeometry; bbox?: BBox }[],
  minSharedM2 = NOISE_M2,
): OverlapWarning[] {
  const box = self.bbox ?? boundingBox(self.geometry);
  const warnings: OverlapWarning[] = [];
  for (const other of others) {
    if (other.id === self.id || other.status !== 'open') continue;
    if (!boxesIntersect(box, other.bbox ?? boundingBox(other.geometry))) continue;
    const shared = intersect(featureCollection([asFeature(self.geometry), asFeature(other.geometry)]));
    const sharedM2 = shared === null ? 0 : area(shared);
    if (sharedM2 < minSharedM2) continue;
    const share = self.areaM2 > 0 ? Math.min(1, sharedM2 / self.areaM2) : 0;
    warnings.push({
      featureId: self.id,
      otherId: other.id,
      sharedM2,
      share,
      message: `feature ${self.id} overlaps open hazard area ${other.id}: ${m2(sharedM2)}, ${percent(share)} of its area`,
    });
  }
  return warnings;
}

/** The part of a release outside the hazard area it releases, or null when it stays inside. */
export function releaseBeyondAreaWarning(
  release: Located,
  hazardArea: { id: string; geometry: AreaGeometry },
  minOutsideM2 = NOISE_M2,
): ReleaseBeyondAreaWarning | null {
  const outside = difference(featureCollection([asFeature(release.geometry), asFeature(hazardArea.geometry)]));
  const outsideM2 = outside === null ? 0 : area(outside);
  if (outsideM2 < minOutsideM2) return null;
  const share = release.areaM2 > 0 ? Math.min(1, outsideM2 / release.areaM2) : 0;
  return {
    featureId: release.id,
    hazardAreaId: hazardArea.id,
    outsideM2,
    share,
    message: `release ${release.id} extends beyond hazard area ${hazardArea.id}: ${m2(outsideM2)}, ${percent(share)} of the release`,
  };
}

function rings(geometry: AreaGeometry): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

/**
 * Part of an area outside its State's boundary, when some of it lies farther than `toleranceM`
 * from that boundary (Natural Earth shapes are off by kilometres at small scales). The distance
 * is measured at the vertices of the outside part: exact for the small areas mine action maps.
 * The boundary is an input: rules never read files.
 */
export function outsideStateWarning(
  self: Located,
  stateShape: AreaGeometry,
  toleranceM: number,
): OutsideStateWarning | null {
  const outside = difference(featureCollection([asFeature(self.geometry), asFeature(stateShape)]));
  if (outside === null) return null;
  const outsideM2 = area(outside);
  const boundary = rings(stateShape).map((ring) => lineString(ring));
  let farthestM = 0;
  for (const ring of rings(outside.geometry)) {
    for (const vertex of ring) {
      const nearest = Math.min(...boundary.map((line) => pointToLineDistance(vertex, line, { units: 'meters' })));
      farthestM = Math.max(farthestM, nearest);
    }
  }
  if (farthestM <= toleranceM) return null;
  const share = self.areaM2 > 0 ? Math.min(1, outsideM2 / self.areaM2) : 0;
  return {
    featureId: self.id,
    outsideM2,
    share,
    farthestM,
    message: `feature ${self.id} lies partly outside the State's boundary: ${m2(outsideM2)} (${percent(share)}), up to ${Math.round(farthestM).toLocaleString('en')} m beyond it (tolerance ${toleranceM.toLocaleString('en')} m)`,
  };
}
