/**
 * Topological validity through jsts (JTS's IsValidOp). turf's booleanValid calls a bow-tie
 * valid; jsts finds it and says where, which is what a user needs to fix the polygon.
 */
import type { Position } from 'geojson';
import type Geometry from 'jsts/org/locationtech/jts/geom/Geometry.js';
import GeometryFactory from 'jsts/org/locationtech/jts/geom/GeometryFactory.js';
import GeoJSONReader from 'jsts/org/locationtech/jts/io/GeoJSONReader.js';
import IsValidOp from 'jsts/org/locationtech/jts/operation/valid/IsValidOp.js';
import TopologyValidationError from 'jsts/org/locationtech/jts/operation/valid/TopologyValidationError.js';
import { certainlySimpleRing } from './simple-ring.js';

const reader = new GeoJSONReader(new GeometryFactory());

export interface TopologyProblem {
  expected: string;
  found: string;
  /** Where jsts found the fault, [longitude, latitude]; null when it gives no place. */
  at: [number, number] | null;
}

/** What to tell a user for each jsts error type; jsts's own words are too terse ("Self-intersection"). */
function describe(type: number): { expected: string; found: string } {
  const T = TopologyValidationError;
  switch (type) {
    case T.SELF_INTERSECTION:
    case T.RING_SELF_INTERSECTION:
      return {
        expected: 'rings that do not cross themselves or each other',
        found: 'a self-intersection (for example a bow-tie)',
      };
    case T.HOLE_OUTSIDE_SHELL:
      return {
        expected: 'each hole inside the exterior ring of its polygon',
        found: 'a hole outside its exterior ring',
      };
    case T.NESTED_HOLES:
      return { expected: 'holes that do not lie inside other holes', found: 'a hole inside another hole' };
    case T.DISCONNECTED_INTERIOR:
      return {
        expected: 'a polygon whose holes do not cut it into pieces',
        found: 'holes that split the polygon apart',
      };
    case T.NESTED_SHELLS:
      return { expected: 'MultiPolygon parts that do not lie inside one another', found: 'one part inside another' };
    case T.DUPLICATE_RINGS:
      return { expected: 'each ring given once', found: 'a repeated ring' };
    case T.TOO_FEW_POINTS:
      return { expected: 'rings with at least 3 distinct positions', found: 'a ring with too few distinct positions' };
    case T.RING_NOT_CLOSED:
      return { expected: 'rings whose last position repeats the first', found: 'an unclosed ring' };
    default:
      return { expected: 'a valid polygon', found: 'an invalid polygon' };
  }
}

/**
 * The first topological fault of a polygonal geometry, or null when it is valid. Expects rings
 * already checked to be closed with at least 4 finite positions (jsts throws otherwise).
 */
export function topologyProblem(
  geometry: { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] },
): TopologyProblem | null {
  // One ring and certainly simple: valid, without building jsts's graph (simple-ring.ts).
  const only = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates[0];
  const singleRing = geometry.type === 'Polygon' || geometry.coordinates.length === 1;
  if (singleRing && only?.length === 1 && only[0] !== undefined && certainlySimpleRing(only[0])) return null;
  const jstsGeometry = reader.read(geometry) as Geometry;
  const op = new IsValidOp(jstsGeometry);
  if (op.isValid()) return null;
  const error = op.getValidationError();
  const coordinate = error.getCoordinate() as { x: number; y: number } | null;
  const at: [number, number] | null = coordinate ? [coordinate.x, coordinate.y] : null;
  return { ...describe(error.getErrorType() as number), at };
}
