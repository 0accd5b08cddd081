/**
 * Area and bounding box of a stored geometry: the one place they are computed, so the store,
 * the import and the rules agree to the square metre whatever database sits underneath.
 */
import { area } from '@turf/area';
import { bbox } from '@turf/bbox';
import type { AreaGeometry, BBox } from '../model.js';

/**
 * Geodesic area in m² (turf.area: a sphere of radius 6,371,008.8 m). Against WGS84 ellipsoidal
 * areas (what QGIS or PostGIS `geography` report) it reads about 0.45 % high at the equator and
 * 0.56 % low at 60° N; swap this function if figures must match a GIS to the square metre.
 */
export function geodesicAreaM2(geometry: AreaGeometry): number {
  return area(geometry);
}

/**
 * Plain min/max box. For a geometry split at the antimeridian this spans -180..180: wider than
 * RFC 7946's west > east form, but an index filter on it can never miss the area.
 */
export function boundingBox(geometry: AreaGeometry): BBox {
  const [west, south, east, north] = bbox(geometry);
  return [west, south, east, north] as BBox;
}

/** The box around `boxes`; null when there are none. */
export function boxUnion(boxes: Iterable<Readonly<BBox>>): BBox | null {
  const union: BBox = [180, 90, -180, -90];
  let any = false;
  for (const [west, south, east, north] of boxes) {
    any = true;
    union[0] = Math.min(union[0], west);
    union[1] = Math.min(union[1], south);
    union[2] = Math.max(union[2], east);
    union[3] = Math.max(union[3], north);
  }
  return any ? union : null;
}

export function boxesIntersect(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}
