/**
 * The shape a stored area must have before any topology can be computed: a Polygon or
 * MultiPolygon, non-empty, closed rings of at least four [longitude, latitude] positions within
 * range. Every fault is named with where it is, so a user can find it in their GIS.
 */
import type { Position } from 'geojson';

export interface ShapeProblem {
  /** For people: "polygon 2, ring 1 (exterior), position 4"; null for the whole geometry. */
  where: string | null;
  expected: string;
  found: string;
  /** Set when the positions look like [latitude, longitude]: the message then says so first. */
  swapped?: true;
}

export interface Shape {
  type: 'Polygon' | 'MultiPolygon';
  polygons: Position[][][];
  /** Whether a third value (altitude) was dropped from any position. */
  droppedAltitude: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const show = (value: unknown): string => JSON.stringify(value) ?? String(value);

export function ringLabel(type: Shape['type'], polygon: number, ring: number): string {
  const part = ring === 0 ? 'ring 1 (exterior)' : `ring ${ring + 1} (hole ${ring})`;
  return type === 'MultiPolygon' ? `polygon ${polygon + 1}, ${part}` : part;
}

function typeProblem(value: unknown): ShapeProblem | null {
  if (!isRecord(value))
    return {
      where: null,
      expected: 'a GeoJSON Polygon or MultiPolygon geometry',
      found: value == null ? 'no geometry' : show(value).slice(0, 40),
    };
  if (value.type === 'Polygon' || value.type === 'MultiPolygon') return null;
  const found = value.type === 'Feature' ? 'a Feature (give its "geometry" member)' : `type ${show(value.type)}`;
  return { where: null, expected: 'a GeoJSON geometry of type "Polygon" or "MultiPolygon"', found };
}

/** Reads one ring: every position an array of two or three finite numbers. */
function readRing(
  raw: unknown,
  label: string,
  problems: ShapeProblem[],
): { ring: Position[]; droppedAltitude: boolean } | null {
  if (!Array.isArray(raw)) {
    problems.push({
      where: label,
      expected: 'a ring: an array of [longitude, latitude] positions',
      found: show(raw).slice(0, 40),
    });
    return null;
  }
  const ring: Position[] = [];
  let droppedAltitude = false;
  for (const [index, p] of raw.entries()) {
    if (!Array.isArray(p) || p.length < 2 || p.length > 3 || !p.every(isNumber)) {
      problems.push({
        where: `${label}, position ${index + 1}`,
        expected: 'a position [longitude, latitude] of two finite numbers',
        found: show(p).slice(0, 40),
      });
      return null;
    }
    if (p.length === 3) droppedAltitude = true;
    ring.push([p[0] as number, p[1] as number]);
  }
  return { ring, droppedAltitude };
}

function ringProblems(ring: Position[], label: string): ShapeProblem[] {
  if (ring.length === 0) return [{ where: label, expected: 'a ring of at least 4 positions', found: 'an empty ring' }];
  if (ring.length < 4)
    return [
      {
        where: label,
        expected: 'a ring of at least 4 positions (3 corners and the first repeated at the end)',
        found: `${ring.length} positions`,
      },
    ];
  const first = ring[0] ?? [];
  const last = ring[ring.length - 1] ?? [];
  if (first[0] !== last[0] || first[1] !== last[1]) {
    return [
      {
        where: label,
        expected: `a closed ring: its last position must repeat its first (${show(first)})`,
        found: `an unclosed ring ending at ${show(last)}`,
      },
    ];
  }
  return [];
}

/**
 * Coordinates out of range, or in the wrong order. A latitude beyond ±90 whose longitude is
 * within ±90 is almost surely a [latitude, longitude] pair: say so, since that is the fix.
 */
function rangeProblems(type: Shape['type'], polygons: Position[][][]): ShapeProblem[] {
  const problems: ShapeProblem[] = [];
  const badLatitudes: { where: string; p: Position }[] = [];
  for (const [pi, rings] of polygons.entries()) {
    for (const [ri, ring] of rings.entries()) {
      const label = ringLabel(type, pi, ri);
      for (const [index, p] of ring.entries()) {
        const [x = 0, y = 0] = p;
        if (Math.abs(y) > 90) badLatitudes.push({ where: `${label}, position ${index + 1}`, p });
        else if (Math.abs(x) > 180) {
          problems.push({
            where: `${label}, position ${index + 1}`,
            expected: 'a longitude between -180 and 180',
            found: show(p),
          });
          break; // one per ring is enough to find the fault
        }
      }
    }
  }
  const first = badLatitudes[0];
  if (first === undefined) return problems;
  if (badLatitudes.every(({ p }) => Math.abs(p[0] ?? 0) <= 90)) {
    problems.push({
      where: first.where,
      expected: 'GeoJSON order [longitude, latitude]',
      found: `${show(first.p)}`,
      swapped: true,
    });
  } else {
    problems.push({ where: first.where, expected: 'a latitude between -90 and 90', found: show(first.p) });
  }
  return problems;
}

/** The polygons of a geometry, or every problem that stops them being read. */
export function readShape(value: unknown): { shape: Shape; problems: [] } | { shape: null; problems: ShapeProblem[] } {
  const wrongType = typeProblem(value);
  if (wrongType) return { shape: null, problems: [wrongType] };
  const { type, coordinates } = value as { type: Shape['type']; coordinates: unknown };
  const problems: ShapeProblem[] = [];
  if (!Array.isArray(coordinates) || coordinates.length === 0) {
    const expected =
      type === 'Polygon' ? 'a polygon with at least an exterior ring' : 'a MultiPolygon with at least one polygon';
    return { shape: null, problems: [{ where: null, expected, found: 'an empty geometry' }] };
  }
  const rawPolygons: unknown[] = type === 'Polygon' ? [coordinates] : coordinates;
  const polygons: Position[][][] = [];
  let droppedAltitude = false;
  for (const [pi, rawRings] of rawPolygons.entries()) {
    if (!Array.isArray(rawRings) || rawRings.length === 0) {
      problems.push({
        where: `polygon ${pi + 1}`,
        expected: 'a polygon with at least an exterior ring',
        found: 'an empty polygon',
      });
      continue;
    }
    const rings: Position[][] = [];
    for (const [ri, rawRing] of rawRings.entries()) {
      const label = ringLabel(type, pi, ri);
      const read = readRing(rawRing, label, problems);
      if (read === null) continue;
      droppedAltitude ||= read.droppedAltitude;
      problems.push(...ringProblems(read.ring, label));
      rings.push(read.ring);
    }
    polygons.push(rings);
  }
  problems.push(...rangeProblems(type, polygons));
  return problems.length > 0 ? { shape: null, problems } : { shape: { type, polygons, droppedAltitude }, problems: [] };
}
