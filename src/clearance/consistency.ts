/**
 * Links between records that a foreign key cannot check: a release comes from the activity
 * whose kind produces it (IMAS 07.11: non-technical survey cancels, technical survey reduces,
 * clearance clears), on that activity's hazard area, while the activity ran. And a batch checked
 * against itself and against what is stored (batchProblems): ids used once, every link pointing
 * at a record of the same State, sources that exist, synthetic data never mixed with real data.
 * The import names the file's features from these; the store refuses with them.
 */
import type { FieldProblem } from '../core/problem.js';
import type { StateCode } from '../core/states.js';
import type {
  Activity,
  ActivityKind,
  ClearanceRecords,
  DevicesDestroyed,
  HazardArea,
  LandRelease,
  RecordKind,
  ReleaseKind,
} from './model.js';

export const RELEASE_BY: Record<ReleaseKind, ActivityKind> = {
  cancelled: 'non-technical-survey',
  reduced: 'technical-survey',
  cleared: 'clearance',
};

function duringActivity(date: string, activity: Activity): FieldProblem[] {
  if (date < activity.start)
    return [{ field: 'date', expected: `a date on or after activity ${activity.id} started (${activity.start})` }];
  if (activity.end !== null && date > activity.end)
    return [{ field: 'date', expected: `a date on or before activity ${activity.id} ended (${activity.end})` }];
  return [];
}

export function releaseLinkProblems(
  release: Pick<LandRelease, 'hazardAreaId' | 'kind' | 'date'>,
  activity: Activity,
  area: HazardArea,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (activity.hazardAreaId !== release.hazardAreaId)
    problems.push({
      field: 'activityId',
      expected: `an activity on hazard area ${release.hazardAreaId} (activity ${activity.id} is on ${activity.hazardAreaId})`,
    });
  if (RELEASE_BY[release.kind] !== activity.kind)
    problems.push({
      field: 'kind',
      expected: `land ${release.kind} by a ${RELEASE_BY[release.kind]} activity (activity ${activity.id} is a ${activity.kind})`,
    });
  if (release.date < area.informationDate)
    problems.push({
      field: 'date',
      expected: `a date on or after hazard area ${area.id} was recorded (${area.informationDate})`,
    });
  problems.push(...duringActivity(release.date, activity));
  return problems;
}

export function devicesLinkProblems(devices: Pick<DevicesDestroyed, 'date'>, activity: Activity): FieldProblem[] {
  return duringActivity(devices.date, activity);
}

export interface BatchProblem {
  /** The record at fault; null for the batch as a whole. */
  at: { kind: RecordKind; index: number } | null;
  field: string | null;
  expected: string;
  /** How the store refuses it (a RejectedWriteError's reason): `conflict` when what is stored is in the way. */
  reason: 'invalid' | 'conflict';
}

/** How the caller names a record in messages ("feature 17", "hazard area 3"). */
export type RecordLabel = (kind: RecordKind, index: number) => string;

/** What is stored that the batch touches (store-checks.ts reads it). */
export interface StoredContext {
  /** Ids of the batch already taken, per table (ids are unique across States). */
  taken: Record<'hazard-area' | 'activity' | 'land-release', ReadonlySet<string>>;
  /** Stored hazard areas and activities the batch links to (of any State: the check says which). */
  areas: ReadonlyMap<string, HazardArea>;
  activities: ReadonlyMap<string, Activity & { iso3: StateCode }>;
  /** Source ids the batch cites that exist. */
  sources: ReadonlySet<string>;
  /** Stored hazard areas of the State, synthetic and real. */
  stored: { synthetic: number; real: number };
}

function syntheticProblems(
  iso3: StateCode,
  areas: readonly HazardArea[],
  stored: StoredContext['stored'],
  label: RecordLabel,
): BatchProblem[] {
  const synthetic = areas.filter((a) => a.synthetic).length;
  const real = areas.length - synthetic;
  if (synthetic > 0 && real > 0) {
    const first = areas.findIndex((a) => a.synthetic !== synthetic > real);
    return [
      {
        at: null,
        field: 'synthetic',
        reason: 'invalid',
        expected: `hazard areas that are all real or all synthetic; found ${real} real and ${synthetic} synthetic (the first of the fewer is ${label('hazard-area', first)})`,
      },
    ];
  }
  const remove = `remove them first with \`minefree demo clearance --state ${iso3} --delete\``;
  if (real > 0 && stored.synthetic > 0) {
    return [
      {
        at: null,
        field: 'synthetic',
        reason: 'conflict',
        expected: `no real records for ${iso3} while it holds ${stored.synthetic} synthetic hazard areas (demo data never mixes with real data): ${remove}`,
      },
    ];
  }
  if (synthetic > 0 && stored.real > 0) {
    return [
      {
        at: null,
        field: 'synthetic',
        reason: 'conflict',
        expected: `no synthetic records for ${iso3}: it holds ${stored.real} real hazard areas, and demo data never mixes with real data`,
      },
    ];
  }
  return [];
}

/** Every problem of the batch; empty when it can be written as it is. */
export function batchProblems(
  iso3: StateCode,
  records: ClearanceRecords,
  context: StoredContext,
  label: RecordLabel,
): BatchProblem[] {
  const problems: BatchProblem[] = [];
  const add = (
    kind: RecordKind,
    index: number,
    field: string,
    expected: string,
    reason: BatchProblem['reason'] = 'invalid',
  ): void => {
    problems.push({ at: { kind, index }, field, expected, reason });
  };
  const unique = <T extends { id: string }>(
    kind: 'hazard-area' | 'activity' | 'land-release',
    list: readonly T[],
  ): Map<string, T> => {
    const seen = new Map<string, number>();
    for (const [index, record] of list.entries()) {
      const first = seen.get(record.id);
      if (first !== undefined) add(kind, index, 'id', `an id used once (${label(kind, first)} has "${record.id}" too)`);
      else seen.set(record.id, index);
      if (context.taken[kind].has(record.id))
        add(kind, index, 'id', `an id not stored yet ("${record.id}" is; ids are unique across States)`, 'conflict');
    }
    return new Map(list.map((r) => [r.id, r]));
  };

  const areas = unique('hazard-area', records.areas);
  for (const [index, area] of records.areas.entries()) {
    if (area.iso3 !== iso3) add('hazard-area', index, 'iso3', `${iso3}, the State being written (found ${area.iso3})`);
    if (area.sourceId !== null && !context.sources.has(area.sourceId))
      add('hazard-area', index, 'sourceId', `the id of a stored source ("${area.sourceId}" is not one)`);
  }
  problems.push(...syntheticProblems(iso3, records.areas, context.stored, label));

  const areaOf = (kind: RecordKind, index: number, id: string): HazardArea | null => {
    const area = areas.get(id) ?? context.areas.get(id);
    if (area === undefined)
      add(kind, index, 'hazardAreaId', `the id of a hazard area in the file or stored ("${id}" is neither)`);
    else if (area.iso3 !== iso3)
      add(kind, index, 'hazardAreaId', `a hazard area of ${iso3} ("${id}" is in ${area.iso3})`);
    else return area;
    return null;
  };
  const activities = unique('activity', records.activities);
  for (const [index, activity] of records.activities.entries()) areaOf('activity', index, activity.hazardAreaId);
  const activityOf = (kind: RecordKind, index: number, id: string): Activity | null => {
    const stored = context.activities.get(id);
    const activity = activities.get(id) ?? stored;
    if (activity === undefined)
      add(kind, index, 'activityId', `the id of an activity in the file or stored ("${id}" is neither)`);
    else if (stored !== undefined && !activities.has(id) && stored.iso3 !== iso3)
      add(kind, index, 'activityId', `an activity of ${iso3} ("${id}" is in ${stored.iso3})`);
    else return activity;
    return null;
  };

  unique('land-release', records.releases);
  for (const [index, release] of records.releases.entries()) {
    const area = areaOf('land-release', index, release.hazardAreaId);
    const activity = activityOf('land-release', index, release.activityId);
    if (area === null || activity === null) continue;
    for (const p of releaseLinkProblems(release, activity, area)) add('land-release', index, p.field, p.expected);
  }
  for (const [index, devices] of records.devices.entries()) {
    const activity = activityOf('devices-destroyed', index, devices.activityId);
    if (activity === null) continue;
    for (const p of devicesLinkProblems(devices, activity)) add('devices-destroyed', index, p.field, p.expected);
  }
  return problems;
}
