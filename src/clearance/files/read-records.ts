/**
 * Features of a file to clearance records: each goes through the zod input schema and
 * checkGeometry (input.ts), and every problem is kept with the feature it belongs to.
 */
import { createHash } from 'node:crypto';
import type { StateCode } from '../../core/states.js';
import {
  type InputProblem,
  type InputResult,
  readActivity,
  readDevices,
  readHazardArea,
  readRelease,
} from '../input.js';
import type { Activity, DevicesDestroyed, HazardArea, LandRelease } from '../model.js';
import { HAS_GEOMETRY, RECORD_FIELD, RECORD_KINDS, type RecordKind, bodyOf, recordKindOf } from './fields.js';
import type { ImportProblem, RawFeature } from './problems.js';

/** How messages name a feature: its place in the file, and its properties or the reference they give. */
export type FeatureName = Pick<RawFeature, 'where'> &
  ({ properties: RawFeature['properties'] } | { ref: string | null });

export const featureNameRef = (name: FeatureName): string | null =>
  'ref' in name ? name.ref : featureRef(name.properties);

export interface ReadRecords {
  areas: HazardArea[];
  activities: Activity[];
  releases: LandRelease[];
  devices: DevicesDestroyed[];
  /** The feature behind each record, per kind and in the same order, to name it in messages. */
  features: Record<RecordKind, FeatureName[]>;
  problems: ImportProblem[];
  /** What was repaired on the way in (ring orientation, say), one line per feature. */
  repairs: string[];
}

const ID = /^[A-Za-z0-9._:-]{1,64}$/;
const SHORT: Record<RecordKind, string> = {
  'hazard-area': 'HA',
  activity: 'ACT',
  'land-release': 'REL',
  'devices-destroyed': 'DEV',
};

/** How a file names a feature besides its place: its id and local reference as written. */
export function featureRef(properties: Readonly<Record<string, unknown>>): string | null {
  const parts: string[] = [];
  const show = (value: unknown): string =>
    typeof value === 'string' || typeof value === 'number' ? String(value).slice(0, 64) : '';
  if (show(properties.id)) parts.push(`id ${show(properties.id)}`);
  if (show(properties.localRef)) parts.push(`local ref ${show(properties.localRef)}`);
  if (parts.length === 0 && show(properties.activityId)) parts.push(`activity ${show(properties.activityId)}`);
  return parts.length > 0 ? parts.join(', ') : null;
}

/**
 * The id of a record the file gives none: a hazard area takes its local reference (prefixed by
 * the State when it is not already), others a digest of their content. The same file imported
 * twice gets the same ids, so the second import is refused as a duplicate rather than doubling
 * the records.
 */
function newId(kind: RecordKind, iso3: StateCode, body: Readonly<Record<string, unknown>>, geometry: unknown): string {
  const localRef = body.localRef;
  if (kind === 'hazard-area' && typeof localRef === 'string') {
    const id = localRef.startsWith(`${iso3}-`) ? localRef : `${iso3}-${localRef}`;
    if (ID.test(id)) return id;
  }
  const digest = createHash('sha256')
    .update(JSON.stringify([kind, body, geometry ?? null]))
    .digest('hex')
    .slice(0, 16);
  return `${iso3}-${SHORT[kind]}-${digest}`;
}

/** input.ts words geometry faults as "feature <id>, ring 1 ...": the file's own label replaces the id. */
function message(p: InputProblem, featureId: string): string {
  const prefix = `feature ${featureId}`;
  return p.field === 'geometry' && p.message.startsWith(prefix)
    ? `geometry${p.message.slice(prefix.length)}`
    : p.message;
}

type Reader = (body: unknown, id: string) => InputResult<HazardArea | Activity | LandRelease | DevicesDestroyed>;
const READERS: Record<RecordKind, Reader> = {
  'hazard-area': readHazardArea,
  activity: readActivity,
  'land-release': readRelease,
  'devices-destroyed': (body) => readDevices(body),
};

/** One feature read: its record when the checks could read one, and its problems (a record with problems is refused all the same). */
export interface FeatureRead {
  kind: RecordKind | null;
  value: HazardArea | Activity | LandRelease | DevicesDestroyed | null;
  repairs: string[];
  problems: ImportProblem[];
}

/** A feature through the input schema and checkGeometry (the same for every format, in any thread). */
export function readFeature(file: string, iso3: StateCode, feature: RawFeature): FeatureRead {
  const ref = featureRef(feature.properties);
  const problems: ImportProblem[] = [];
  const problem = (text: string): void => void problems.push({ file, where: feature.where, ref, message: text });
  const refused = (kind: RecordKind | null): FeatureRead => ({ kind, value: null, repairs: [], problems });
  const kind = feature.kind ?? recordKindOf(feature.properties);
  if (kind === null) {
    problem(
      `${RECORD_FIELD}: expected one of ${RECORD_KINDS.map((k) => `"${k}"`).join(', ')} (left out: a hazard area)`,
    );
    return refused(null);
  }
  const body = bodyOf(feature.properties);
  if (kind === 'hazard-area') body.iso3 ??= iso3;
  else if ('iso3' in body) {
    // Only hazard areas carry the State; the others follow their area.
    if (body.iso3 !== iso3) problem(`iso3: expected ${iso3}, the State imported into (found ${String(body.iso3)})`);
    delete body.iso3;
  }
  if (HAS_GEOMETRY[kind]) {
    if (feature.geometryProblem) {
      problem(`${feature.geometryProblem.field}: expected ${feature.geometryProblem.expected}`);
      return refused(kind);
    }
    body.geometry = feature.geometry;
  } else if (feature.geometry !== undefined && feature.geometry !== null) {
    problem(
      `geometry: expected none (${kind === 'activity' ? 'an activity' : 'a count of devices'} has no polygon; its hazard area has)`,
    );
    return refused(kind);
  }
  const id = typeof body.id === 'string' ? body.id : newId(kind, iso3, body, feature.geometry);
  const result = READERS[kind](body, id);
  if (!result.ok) {
    for (const p of result.problems) problem(message(p, id));
    return refused(kind);
  }
  const repairs = result.repairs.map(
    (repair) => `${file}, ${feature.where}${ref === null ? '' : ` (${ref})`}: ${repair}`,
  );
  return { kind, value: result.value, repairs, problems };
}

/** A read with nothing in it yet, which features are added to (addFeatureRead). */
export const emptyRead = (): ReadRecords => ({
  areas: [],
  activities: [],
  releases: [],
  devices: [],
  problems: [],
  repairs: [],
  features: { 'hazard-area': [], activity: [], 'land-release': [], 'devices-destroyed': [] },
});

export function readRecords(
  file: string,
  iso3: StateCode,
  features: readonly RawFeature[],
  onProgress?: (done: number) => void,
): ReadRecords {
  const out = emptyRead();
  for (const [index, feature] of features.entries()) {
    if (onProgress && (index + 1) % 500 === 0) onProgress(index + 1);
    addFeatureRead(out, readFeature(file, iso3, feature), feature);
  }
  onProgress?.(features.length);
  return out;
}

/** A feature's outcome into the lists, in file order. */
export function addFeatureRead(out: ReadRecords, read: FeatureRead, name: FeatureName): void {
  out.problems.push(...read.problems);
  if (read.value === null || read.kind === null) return;
  out.repairs.push(...read.repairs);
  const lists: Record<RecordKind, unknown[]> = {
    'hazard-area': out.areas,
    activity: out.activities,
    'land-release': out.releases,
    'devices-destroyed': out.devices,
  };
  lists[read.kind].push(read.value);
  out.features[read.kind].push(name);
}
