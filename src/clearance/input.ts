/**
 * Validation of clearance records as they arrive (API bodies, import rows) into the model.
 * Every problem names its field and what was expected, in words a national operator uses; all
 * problems are reported at once. Schemas are plain zod (no transforms) so they also describe
 * the API in OpenAPI; the `read*` functions turn a valid body into a record.
 */
import type { FieldProblem } from '../core/problem.js';
import { z } from 'zod';
import { type CalendarDate, dateProblem, parseDate } from '../core/date.js';
import { STATE_CODES } from '../core/states.js';
import { checkGeometry } from './geometry/geometry.js';
import {
  ACTIVITY_KINDS,
  DEVICE_CATEGORIES,
  DEVICE_CERTAINTIES,
  HAZARD_STATUSES,
  HAZARD_TYPES,
  RELEASE_KINDS,
  type Activity,
  type DevicesDestroyed,
  type HazardArea,
  type LandRelease,
} from './model.js';

const listed = (values: readonly string[]): string => values.map((v) => `"${v}"`).join(', ');

const text = (what: string) =>
  z
    .string({ error: `${what}, as text` })
    .regex(/\S/, { error: `${what} (not blank)` })
    .max(500, { error: `${what}, at most 500 characters` });

const id = (what: string) =>
  z
    .string({ error: `${what}: letters, digits and . _ : - (for example "KHM-0042")` })
    .regex(/^[A-Za-z0-9._:-]{1,64}$/, {
      error: `${what}: 1 to 64 letters, digits and . _ : - (for example "KHM-0042")`,
    });

const date = (what: string) =>
  z.string({ error: `${what}: a date written YYYY-MM-DD` }).superRefine((value, ctx) => {
    const problem = dateProblem(value);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: `${what}: ${problem}` });
  });

const iso3 = z.enum(STATE_CODES, { error: 'the ISO 3166-1 alpha-3 code of one of the 197 States (for example KHM)' });

/** Only the outline here; checkGeometry gives the precise, located faults. */
export const geometrySchema = z
  .looseObject(
    {
      type: z.enum(['Polygon', 'MultiPolygon'], { error: 'a GeoJSON geometry of type "Polygon" or "MultiPolygon"' }),
      coordinates: z.array(z.unknown(), {
        error: 'GeoJSON coordinates: an array of rings of [longitude, latitude] positions',
      }),
    },
    { error: 'a GeoJSON Polygon or MultiPolygon geometry' },
  )
  .describe('GeoJSON Polygon or MultiPolygon, positions [longitude, latitude] in WGS84 (RFC 7946)');

export const deviceSchema = z.strictObject({
  category: z.enum(DEVICE_CATEGORIES, { error: `a device category: ${listed(DEVICE_CATEGORIES)}` }),
  certainty: z.enum(DEVICE_CERTAINTIES, { error: `"suspected" or "confirmed"` }),
});

export const hazardAreaSchema = z
  .strictObject({
    id: id('the hazard area id').optional(),
    iso3,
    localRef: text('the national reference of the area'),
    name: text('the name of the area'),
    type: z.enum(HAZARD_TYPES, { error: '"SHA" (suspected hazardous area) or "CHA" (confirmed hazardous area)' }),
    devices: z.array(deviceSchema, { error: 'a list of devices, each {"category", "certainty"}' }).default([]),
    status: z.enum(HAZARD_STATUSES, { error: `a status: ${listed(HAZARD_STATUSES)}` }).default('open'),
    statusDate: date('the date the area was closed or handed over').nullable().default(null),
    geometry: geometrySchema,
    informationDate: date('the date of the information'),
    organisation: text('the organisation that recorded the area'),
    sourceId: text('the source id').nullable().default(null),
    synthetic: z.boolean({ error: 'true or false' }).default(false),
    previouslyUnknown: z.boolean({ error: 'true or false (found after a declaration of completion)' }).default(false),
  })
  .superRefine((a, ctx) => {
    if (a.status === 'open' && a.statusDate !== null)
      ctx.addIssue({
        code: 'custom',
        path: ['statusDate'],
        message: 'no status date while the area is open (leave it out or null)',
      });
    if (a.status !== 'open' && a.statusDate === null)
      ctx.addIssue({
        code: 'custom',
        path: ['statusDate'],
        message: `the date the area was ${a.status === 'closed' ? 'closed' : 'handed over'} (YYYY-MM-DD)`,
      });
    if (a.statusDate !== null && a.statusDate < a.informationDate)
      ctx.addIssue({
        code: 'custom',
        path: ['statusDate'],
        message: `a date on or after the date of the information (${a.informationDate})`,
      });
  });

export const activitySchema = z
  .strictObject({
    id: id('the activity id').optional(),
    hazardAreaId: id('the id of the hazard area worked on'),
    kind: z.enum(ACTIVITY_KINDS, { error: `an activity: ${listed(ACTIVITY_KINDS)}` }),
    organisation: text('the organisation that did the work'),
    start: date('the start date'),
    end: date('the end date').nullable().default(null),
  })
  .superRefine((a, ctx) => {
    if (a.end !== null && a.end < a.start)
      ctx.addIssue({ code: 'custom', path: ['end'], message: `an end date on or after the start (${a.start})` });
  });

export const releaseSchema = z.strictObject({
  id: id('the release id').optional(),
  hazardAreaId: id('the id of the hazard area released'),
  activityId: id('the id of the activity that released it'),
  kind: z.enum(RELEASE_KINDS, { error: `how the land was released: ${listed(RELEASE_KINDS)}` }),
  geometry: geometrySchema,
  date: date('the release date'),
});

export const devicesSchema = z.strictObject({
  activityId: id('the id of the activity that found them'),
  category: z.enum(DEVICE_CATEGORIES, { error: `a device category: ${listed(DEVICE_CATEGORIES)}` }),
  model: text('the device model (for example "PMN-2")').nullable().default(null),
  count: z
    .number({ error: 'the number destroyed, a whole number' })
    .int({ error: 'the number destroyed, a whole number' })
    .min(1, { error: 'the number destroyed, at least 1' }),
  date: date('the date destroyed'),
});

/** A field problem (`field`: the path in the body, "devices[0].category" or "geometry") with the sentence to show. */
export interface InputProblem extends FieldProblem {
  message: string;
}

export type InputResult<T> = { ok: true; value: T; repairs: string[] } | { ok: false; problems: InputProblem[] };

/** Fields minefree computes itself: a body that sends them is told so, not just "unknown field". */
const COMPUTED = new Set(['areaM2', 'bbox']);

function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (name, key) => (typeof key === 'number' ? `${name}[${key}]` : name === '' ? String(key) : `${name}.${String(key)}`),
    '',
  );
}

const problemOf = (field: string, expected: string): InputProblem => ({
  field,
  expected,
  message: `${field === '' ? 'body' : field}: expected ${expected}`,
});

export function inputProblems(error: z.ZodError): InputProblem[] {
  return error.issues.flatMap((issue) => {
    if (issue.code !== 'unrecognized_keys') return [problemOf(fieldName(issue.path), issue.message)];
    return issue.keys.map((key) =>
      problemOf(
        fieldName([...issue.path, key]),
        COMPUTED.has(key)
          ? 'no such field: minefree computes it from the geometry'
          : 'no such field (check its spelling)',
      ),
    );
  });
}

const nullableDate = (value: string | null): CalendarDate | null => (value === null ? null : parseDate(value));

function parsed<S extends z.ZodType>(
  schema: S,
  body: unknown,
): { ok: true; data: z.output<S> } | { ok: false; problems: InputProblem[] } {
  const result = schema.safeParse(body);
  return result.success ? { ok: true, data: result.data } : { ok: false, problems: inputProblems(result.error) };
}

function geometryOf(featureId: string, geometry: unknown) {
  const check = checkGeometry(featureId, geometry);
  if (check.ok) return check;
  return {
    ...check,
    problems: check.problems.map((p): InputProblem => ({
      field: 'geometry',
      expected: p.expected,
      message: p.message,
    })),
  };
}

/** A hazard area from a body; `newId` when the body names none. Area and bbox are computed here. */
export function readHazardArea(body: unknown, newId: string): InputResult<HazardArea> {
  const input = parsed(hazardAreaSchema, body);
  if (!input.ok) return input;
  const a = input.data;
  const areaId = a.id ?? newId;
  const geometry = geometryOf(areaId, a.geometry);
  if (!geometry.ok) return { ok: false, problems: geometry.problems };
  return {
    ok: true,
    repairs: geometry.repairs,
    value: {
      id: areaId,
      iso3: a.iso3,
      localRef: a.localRef,
      name: a.name,
      type: a.type,
      devices: a.devices,
      status: a.status,
      statusDate: nullableDate(a.statusDate),
      geometry: geometry.geometry,
      areaM2: geometry.areaM2,
      bbox: geometry.bbox,
      informationDate: parseDate(a.informationDate),
      organisation: a.organisation,
      sourceId: a.sourceId,
      synthetic: a.synthetic,
      previouslyUnknown: a.previouslyUnknown,
    },
  };
}

export function readRelease(body: unknown, newId: string): InputResult<LandRelease> {
  const input = parsed(releaseSchema, body);
  if (!input.ok) return input;
  const r = input.data;
  const releaseId = r.id ?? newId;
  const geometry = geometryOf(releaseId, r.geometry);
  if (!geometry.ok) return { ok: false, problems: geometry.problems };
  return {
    ok: true,
    repairs: geometry.repairs,
    value: {
      id: releaseId,
      hazardAreaId: r.hazardAreaId,
      activityId: r.activityId,
      kind: r.kind,
      geometry: geometry.geometry,
      areaM2: geometry.areaM2,
      date: parseDate(r.date),
    },
  };
}

export function readActivity(body: unknown, newId: string): InputResult<Activity> {
  const input = parsed(activitySchema, body);
  if (!input.ok) return input;
  const a = input.data;
  return {
    ok: true,
    repairs: [],
    value: {
      id: a.id ?? newId,
      hazardAreaId: a.hazardAreaId,
      kind: a.kind,
      organisation: a.organisation,
      start: parseDate(a.start),
      end: nullableDate(a.end),
    },
  };
}

export function readDevices(body: unknown): InputResult<DevicesDestroyed> {
  const input = parsed(devicesSchema, body);
  if (!input.ok) return input;
  const d = input.data;
  return {
    ok: true,
    repairs: [],
    value: { activityId: d.activityId, category: d.category, model: d.model, count: d.count, date: parseDate(d.date) },
  };
}
