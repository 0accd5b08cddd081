/**
 * The hazard areas of GET /states/{iso3}/clearance/records as table rows: those recorded by the
 * date, with their state on it, sorted by a column. Plain data in, rows out (the table beside the
 * clearance map, its keyboard and screen-reader equivalent).
 */

/** [west, south, east, north] */
export type Box = [number, number, number, number];

export interface HazardAreaRow {
  id: string;
  reference: string;
  type: string;
  areaM2: number;
  /** open on the date, or closed / handed over on or before it */
  status: 'open' | 'closed' | 'handed-over';
  /** The day it was recorded (its information date). */
  recorded: string;
  /** The day it was closed or handed over, when on or before the date. */
  statusDate: string | null;
  box: Box | null;
  /** The record's properties as the map's tiles carry them, for the popup words. */
  properties: Record<string, unknown>;
}

export type HazardSortKey = 'reference' | 'type' | 'areaM2' | 'status' | 'recorded';

interface Feature {
  properties?: Record<string, unknown> | null;
  geometry?: { type: string; coordinates: unknown } | null;
  /** [west, south, east, north], as the records read with `geometry=bbox` give it instead of the shape. */
  bbox?: readonly number[] | null;
}

const boxOfFeature = (f: Feature): Box | null => {
  const [west, south, east, north] = f.bbox ?? [];
  if (west !== undefined && south !== undefined && east !== undefined && north !== undefined)
    return [west, south, east, north];
  return f.geometry ? boxOf(f.geometry.coordinates) : null;
};

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** The bounding box of any GeoJSON coordinates (nested arrays ending in [x, y]). */
export function boxOf(coordinates: unknown): Box | null {
  let box: Box | null = null;
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      const [x, y] = c as [number, number];
      box =
        box === null
          ? [x, y, x, y]
          : [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)];
      return;
    }
    for (const inner of c) visit(inner);
  };
  visit(coordinates);
  return box;
}

/** The hazard areas recorded on or before `asOf`, each with its state on that day. */
export function hazardAreaRows(features: readonly Feature[], asOf: string): HazardAreaRow[] {
  const rows: HazardAreaRow[] = [];
  for (const f of features) {
    const p = f.properties ?? {};
    if (p.record !== 'hazard-area') continue;
    const recorded = text(p.informationDate);
    if (recorded === '' || recorded > asOf) continue;
    const closed = text(p.statusDate);
    const closedBy = closed !== '' && closed <= asOf;
    const status = !closedBy ? 'open' : p.status === 'handed-over' ? 'handed-over' : 'closed';
    rows.push({
      id: text(p.id),
      reference: text(p.localRef) || text(p.id),
      type: text(p.type),
      areaM2: Number(p.areaM2) || 0,
      status,
      recorded,
      statusDate: closedBy ? closed : null,
      box: boxOfFeature(f),
      // The tiles' names for the dates (clearance-map.ts reads them as numbers yyyymmdd).
      properties: {
        ...p,
        recorded: Number(recorded.replaceAll('-', '')),
        closed: closed === '' ? 99_991_231 : Number(closed.replaceAll('-', '')),
      },
    });
  }
  return rows;
}

const STATUS_ORDER = { open: 0, closed: 1, 'handed-over': 2 } as const;

/** Rows sorted by one column (ties by reference), ascending or descending. */
export function sortHazardRows(
  rows: readonly HazardAreaRow[],
  key: HazardSortKey,
  ascending: boolean,
): HazardAreaRow[] {
  const value = (r: HazardAreaRow): string | number =>
    key === 'status' ? STATUS_ORDER[r.status] : key === 'areaM2' ? r.areaM2 : r[key];
  const sign = ascending ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const c =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : String(x).localeCompare(String(y), 'en', { numeric: true });
    return c !== 0 ? sign * c : a.reference.localeCompare(b.reference, 'en', { numeric: true });
  });
}
