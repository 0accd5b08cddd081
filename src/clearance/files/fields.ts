/**
 * The property names of clearance files, the same in GeoJSON, GeoPackage and CSV (documented
 * in src/clearance/README.md): the model's field names, plus `record` saying which kind of
 * record a feature is. Text formats carry every value as text or a plain number; `coerce` turns
 * the unambiguous ones into what the input schemas expect and leaves the rest for them to refuse.
 */
import {
  type Activity,
  type DeviceRecord,
  type DevicesDestroyed,
  type HazardArea,
  type LandRelease,
  RECORD_KINDS,
  type RecordKind,
} from '../model.js';

export { RECORD_KINDS, type RecordKind };

/** The property naming the kind of record; a feature without it is a hazard area. */
export const RECORD_FIELD = 'record';

/** Written on export for people and GIS, ignored on import: minefree computes it from the geometry. */
export const COMPUTED_FIELDS: readonly string[] = ['areaM2'];

export const FIELDS: Record<RecordKind, readonly string[]> = {
  'hazard-area': [
    'id',
    'iso3',
    'localRef',
    'name',
    'type',
    'devices',
    'status',
    'statusDate',
    'informationDate',
    'organisation',
    'sourceId',
    'synthetic',
    'previouslyUnknown',
  ],
  activity: ['id', 'hazardAreaId', 'kind', 'organisation', 'start', 'end'],
  'land-release': ['id', 'hazardAreaId', 'activityId', 'kind', 'date'],
  'devices-destroyed': ['activityId', 'category', 'model', 'count', 'date'],
};

/** Kinds whose features carry a polygon. */
export const HAS_GEOMETRY: Record<RecordKind, boolean> = {
  'hazard-area': true,
  activity: false,
  'land-release': true,
  'devices-destroyed': false,
};

const BOOLEANS = new Set(['synthetic', 'previouslyUnknown']);
const TRUE = new Set(['true', '1', 'yes']);
const FALSE = new Set(['false', '0', 'no']);

/** Devices in one cell: `ap-mine:confirmed;erw:suspected`. */
export function devicesText(devices: readonly DeviceRecord[]): string {
  return devices.map((d) => `${d.category}:${d.certainty}`).join(';');
}

function devicesFromText(text: string): unknown[] {
  return text
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => {
      const [category, certainty, ...rest] = item.split(':').map((part) => part.trim());
      // Anything but "category:certainty" goes through as it is, for the schema to name.
      return rest.length > 0 || certainty === undefined ? { category: item } : { category, certainty };
    });
}

function coerceValue(field: string, value: unknown): unknown {
  if (BOOLEANS.has(field)) {
    const text = String(value).trim().toLowerCase();
    return TRUE.has(text) ? true : FALSE.has(text) ? false : value;
  }
  if (field === 'count' && typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  if (field === 'devices' && typeof value === 'string') return devicesFromText(value);
  // A GIS may type a reference column as a number (local ref 42): the schema wants text.
  if (typeof value === 'number' && !BOOLEANS.has(field) && field !== 'count') return String(value);
  return value;
}

/**
 * The body the input schemas read: empty cells and nulls left out (so defaults apply), the
 * record kind and computed fields dropped, values coerced.
 */
export function bodyOf(properties: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(properties)) {
    if (
      value === null ||
      value === undefined ||
      value === '' ||
      field === RECORD_FIELD ||
      COMPUTED_FIELDS.includes(field)
    )
      continue;
    body[field] = coerceValue(field, value);
  }
  return body;
}

/** The kind a feature says it is, or null when its `record` value is none of them. */
export function recordKindOf(properties: Readonly<Record<string, unknown>>): RecordKind | null {
  const value = properties[RECORD_FIELD];
  if (value === undefined || value === null || value === '') return 'hazard-area';
  return (RECORD_KINDS as readonly unknown[]).includes(value) ? (value as RecordKind) : null;
}

/** Flat properties of a record, in field order, for writing; devices as text for text formats. */
export type FlatValue = string | number | boolean | null | readonly DeviceRecord[];

export function areaProperties(a: HazardArea, devicesAs: 'list' | 'text'): Record<string, FlatValue> {
  return {
    [RECORD_FIELD]: 'hazard-area',
    id: a.id,
    iso3: a.iso3,
    localRef: a.localRef,
    name: a.name,
    type: a.type,
    devices: devicesAs === 'list' ? a.devices : devicesText(a.devices),
    status: a.status,
    statusDate: a.statusDate,
    informationDate: a.informationDate,
    organisation: a.organisation,
    sourceId: a.sourceId,
    synthetic: a.synthetic,
    previouslyUnknown: a.previouslyUnknown,
    areaM2: a.areaM2,
  };
}

export function activityProperties(a: Activity): Record<string, FlatValue> {
  return {
    [RECORD_FIELD]: 'activity',
    id: a.id,
    hazardAreaId: a.hazardAreaId,
    kind: a.kind,
    organisation: a.organisation,
    start: a.start,
    end: a.end,
  };
}

export function releaseProperties(r: LandRelease): Record<string, FlatValue> {
  return {
    [RECORD_FIELD]: 'land-release',
    id: r.id,
    hazardAreaId: r.hazardAreaId,
    activityId: r.activityId,
    kind: r.kind,
    date: r.date,
    areaM2: r.areaM2,
  };
}

export function devicesProperties(d: DevicesDestroyed): Record<string, FlatValue> {
  return {
    [RECORD_FIELD]: 'devices-destroyed',
    activityId: d.activityId,
    category: d.category,
    model: d.model,
    count: d.count,
    date: d.date,
  };
}
