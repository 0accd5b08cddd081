/**
 * Geometry checks on every write and import (issue 4, §2). Errors stop the write and name the
 * feature and what is wrong; repairs (ring orientation, antimeridian cut, dropped altitude) are
 * applied and reported; warnings that never stop a write live in geometry-warnings.ts.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import {
  crossesAntimeridian,
  exactClip,
  normaliseLongitude,
  splitAtAntimeridian,
  unwrapPolygon,
} from '../../core/geo/antimeridian.js';
import { boundingBox, geodesicAreaM2 } from './area.js';
import { type ShapeProblem, readShape, ringLabel } from './geometry-shape.js';
import type { AreaGeometry, BBox } from '../model.js';
import { orientPolygon } from './orientation.js';
import { type TopologyProblem, topologyProblem } from './topology.js';

export { overlapWarnings, releaseBeyondAreaWarning, outsideStateWarning } from './geometry-warnings.js';
export type { OverlapWarning, ReleaseBeyondAreaWarning, OutsideStateWarning } from './geometry-warnings.js';

export interface GeometryProblem {
  featureId: string;
  /** Where in the geometry ("polygon 2, ring 1 (exterior), position 4"); null for the whole. */
  where: string | null;
  expected: string;
  /** The sentence to show a user. */
  message: string;
}

export type GeometryCheck =
  | { ok: true; geometry: AreaGeometry; areaM2: number; bbox: BBox; problems: []; repairs: string[] }
  | { ok: false; geometry: null; areaM2: null; bbox: null; problems: GeometryProblem[]; repairs: string[] };

function problem(featureId: string, p: ShapeProblem): GeometryProblem {
  const where = p.where === null ? '' : `, ${p.where}`;
  return {
    featureId,
    where: p.where,
    expected: p.expected,
    message: `feature ${featureId}${where}: expected ${p.expected}, found ${p.found}`,
  };
}

function swappedMessage(featureId: string, p: ShapeProblem): GeometryProblem {
  // The wording users search for; the position follows so they can find it.
  const where = p.where === null ? '' : `, ${p.where} is ${p.found}`;
  return {
    featureId,
    where: p.where,
    expected: p.expected,
    message: `feature ${featureId}: coordinates look like [latitude, longitude]; GeoJSON wants [longitude, latitude]${where}`,
  };
}

function topologyShapeProblem(where: string | null, t: TopologyProblem): ShapeProblem {
  const at = t.at === null ? '' : ` at [${normaliseLongitude(t.at[0])}, ${t.at[1]}]`;
  return { where, expected: t.expected, found: `${t.found}${at}` };
}

const fail = (problems: GeometryProblem[], repairs: string[]): GeometryCheck => ({
  ok: false,
  geometry: null,
  areaM2: null,
  bbox: null,
  problems,
  repairs,
});

/**
 * Checks and normalises a hazard area or release geometry. Shape faults are all reported at once;
 * topology (jsts) runs only on a readable shape and reports its first fault with its location.
 */
export function checkGeometry(featureId: string, value: unknown): GeometryCheck {
  try {
    return checkReadable(featureId, value);
  } catch (error) {
    // jsts and the clipper throw on inputs no check above foresaw; a write must fail, not crash.
    const found = `a geometry the validity check could not process (${error instanceof Error ? error.message : String(error)})`;
    return fail([problem(featureId, { where: null, expected: 'a valid polygon', found })], []);
  }
}

function checkReadable(featureId: string, value: unknown): GeometryCheck {
  const read = readShape(value);
  if (read.shape === null) {
    return fail(
      read.problems.map((p) => (p.swapped ? swappedMessage(featureId, p) : problem(featureId, p))),
      [],
    );
  }
  const { type, polygons, droppedAltitude } = read.shape;
  const repairs: string[] = droppedAltitude ? ['altitudes dropped: areas are stored as [longitude, latitude]'] : [];
  const problems: GeometryProblem[] = [];
  const out: Position[][][] = [];
  let reoriented = false;

  for (const [index, rings] of polygons.entries()) {
    if (!crossesAntimeridian(rings)) {
      const oriented = orientPolygon(rings);
      reoriented ||= oriented.changed;
      out.push(oriented.rings);
      continue;
    }
    const unwrapped = unwrapPolygon(rings);
    if (unwrapped.rings === null) {
      const where = ringLabel(type, index, unwrapped.poleRing);
      problems.push(
        problem(featureId, {
          where,
          expected: 'a ring that does not go round a pole',
          found: 'a ring circling the pole (its longitudes run a full turn)',
        }),
      );
      continue;
    }
    const oriented = orientPolygon(unwrapped.rings);
    reoriented ||= oriented.changed;
    const fault = topologyProblem({ type: 'Polygon', coordinates: oriented.rings });
    if (fault) {
      problems.push(
        problem(featureId, topologyShapeProblem(type === 'MultiPolygon' ? `polygon ${index + 1}` : null, fault)),
      );
      continue;
    }
    const pieces = splitAtAntimeridian(oriented.rings, exactClip).map((piece) => orientPolygon(piece).rings);
    if (
      pieces.length === 0 ||
      pieces.some((piece) => piece.some((ring) => ring.some(([x = 0]) => Math.abs(x) > 180)))
    ) {
      // The clipper gives up on slivers too thin to cut (latitudes of 1e-300): refuse, do not store garbage.
      problems.push(
        problem(featureId, {
          where: ringLabel(type, index, 0),
          expected: 'a polygon across 180° wide enough to be cut there',
          found: 'a sliver the cut at 180° could not handle',
        }),
      );
      continue;
    }
    const label = type === 'MultiPolygon' ? `polygon ${index + 1}` : 'the polygon';
    repairs.push(
      `${label} crosses the antimeridian (180°): stored cut at 180° into ${pieces.length} part${pieces.length === 1 ? '' : 's'} (RFC 7946 §3.1.9)`,
    );
    out.push(...pieces);
  }
  if (problems.length > 0) return fail(problems, repairs);
  if (reoriented)
    repairs.push('ring orientation repaired: exterior rings counter-clockwise, holes clockwise (RFC 7946)');

  const geometry: Polygon | MultiPolygon =
    out.length === 1 && type === 'Polygon'
      ? { type: 'Polygon', coordinates: out[0] ?? [] }
      : { type: 'MultiPolygon', coordinates: out };
  const fault = topologyProblem(geometry);
  if (fault) return fail([problem(featureId, topologyShapeProblem(null, fault))], repairs);
  const areaM2 = geodesicAreaM2(geometry);
  if (!(areaM2 > 0))
    return fail(
      [
        problem(featureId, {
          where: null,
          expected: 'a polygon with an area',
          found: 'an area of 0 m² (its positions lie on a line)',
        }),
      ],
      repairs,
    );
  return { ok: true, geometry, areaM2, bbox: boundingBox(geometry), problems: [], repairs };
}
