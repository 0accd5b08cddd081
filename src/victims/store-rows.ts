/** Rows of the victim assistance tables to the model and back. */
import type { Insertable, Selectable } from 'kysely';
import type { StateCode } from '../core/states.js';
import type { CalendarDate } from '../core/date.js';
import type { PartialDate } from '../core/partial-date.js';
import type { BulkFixed } from '../store/bulk.js';
import { parseSourceIds, sourceIdsJson } from '../store/json.js';
import {
  ACTIVITIES,
  AGE_BANDS,
  CASUALTY_STATUSES,
  DEVICE_CATEGORIES,
  OUTCOMES,
  SEXES,
  type Activity,
  type AgeBand,
  type CasualtyRecord,
  type CasualtyStatus,
  type Consent,
  type DeviceCategory,
  type FrameworkReport,
  type MechanismType,
  NO_MECHANISM,
  NO_PLAN,
  NONE,
  type Outcome,
  type PersonalDetails,
  type ServiceKind,
  type Sex,
} from './model.js';
import type { CasualtyPersonalTable, CasualtyRecordsTable, VaFrameworksTable } from './tables.js';

const flag = (b: boolean): 0 | 1 => (b ? 1 : 0);
const kinds = (text: string): ServiceKind[] => (text === '' ? [] : (text.split(';') as ServiceKind[]));

/** The columns of `recordValues`, in its order: what differs from one record of a write to the next. */
export const RECORD_ROW_COLUMNS = [
  'id',
  'incident_date',
  'incident_year',
  'historic',
  'lat',
  'lon',
  'admin_area',
  'device',
  'outcome',
  'sex',
  'age',
  'age_band',
  'status',
  'child',
  'activity',
  'needs',
  'referrals',
] as const satisfies readonly (keyof CasualtyRecordsTable)[];

/**
 * The row's columns of few values, with their lists: a worker's chunk gives them as an index into
 * the list (store/bulk.ts, ValuesChunk.labels), turned back into the label by the insert.
 */
export const RECORD_LABELS: Partial<Record<(typeof RECORD_ROW_COLUMNS)[number], readonly string[]>> = {
  device: DEVICE_CATEGORIES,
  outcome: OUTCOMES,
  sex: SEXES,
  age_band: AGE_BANDS,
  status: CASUALTY_STATUSES,
  activity: ACTIVITIES,
};

/** What every record of one write shares (one State, all demo or all real, one day): bound once, not per row. */
export const recordFixed = (
  iso3: StateCode,
  synthetic: boolean,
  recorded: CalendarDate,
): BulkFixed<keyof CasualtyRecordsTable> => ({
  columns: ['iso3', 'synthetic', 'recorded'],
  values: [iso3, flag(synthetic), recorded],
});

/**
 * A record as values in the order of RECORD_ROW_COLUMNS (with `recordFixed`, its whole row): the
 * bulk insert's shape, made for a million rows (one array, no intermediate object). The only
 * mapping of a record to its row.
 */
export function recordValues(r: CasualtyRecord): unknown[] {
  const values = new Array<unknown>(RECORD_ROW_COLUMNS.length);
  recordValuesInto(values, 0, r);
  return values;
}

/** The same values written into `out` from `at` (a flat array of many rows: one array a chunk, not a row). */
export function recordValuesInto(out: unknown[], at: number, r: CasualtyRecord): void {
  const point = r.place.point;
  out[at] = r.id;
  out[at + 1] = r.incidentDate;
  out[at + 2] = Number(r.incidentDate.slice(0, 4));
  out[at + 3] = flag(r.historic);
  out[at + 4] = point === null ? null : point.lat;
  out[at + 5] = point === null ? null : point.lon;
  out[at + 6] = r.place.adminArea;
  out[at + 7] = r.device;
  out[at + 8] = r.outcome;
  out[at + 9] = r.sex;
  out[at + 10] = r.age;
  out[at + 11] = r.ageBand;
  out[at + 12] = r.status;
  out[at + 13] = r.child === null ? null : flag(r.child);
  out[at + 14] = r.activity;
  out[at + 15] = r.needs.length === 0 ? '' : r.needs.join(';');
  out[at + 16] = r.referrals.length === 0 ? '' : r.referrals.join(';');
}

export function recordFromRow(row: Selectable<CasualtyRecordsTable>): CasualtyRecord {
  return {
    id: row.id,
    state: row.iso3,
    incidentDate: row.incident_date as CalendarDate,
    historic: row.historic === 1,
    place: {
      point: row.lat === null || row.lon === null ? null : { lat: row.lat, lon: row.lon },
      adminArea: row.admin_area,
    },
    device: row.device as DeviceCategory,
    outcome: row.outcome as Outcome,
    sex: row.sex as Sex,
    age: row.age,
    ageBand: row.age_band as AgeBand,
    status: row.status as CasualtyStatus,
    child: row.child === null ? null : row.child === 1,
    activity: row.activity as Activity,
    needs: kinds(row.needs),
    referrals: kinds(row.referrals),
    synthetic: row.synthetic === 1,
  };
}

export const personalRow = (iso3: StateCode, p: PersonalDetails): CasualtyPersonalTable => ({
  iso3,
  record_id: p.recordId,
  name: p.name,
  contact: p.contact,
  consent: p.consent,
  consent_date: p.consentDate,
});

export const personalFromRow = (row: Selectable<CasualtyPersonalTable>): PersonalDetails => ({
  recordId: row.record_id,
  name: row.name,
  contact: row.contact,
  consent: row.consent as Consent,
  consentDate: row.consent_date as CalendarDate | null,
});

const yesNo = (b: boolean | null): 0 | 1 | null => (b === null ? null : flag(b));

export function frameworkRow(f: FrameworkReport): Insertable<VaFrameworksTable> {
  return {
    iso3: f.iso3,
    reported: f.reported,
    significant: yesNo(f.significantNumberOfVictims),
    mechanism_type: f.mechanism?.type ?? null,
    mechanism_since: f.mechanism?.since ?? null,
    plan_title: f.plan?.title ?? null,
    plan_from: f.plan?.from ?? null,
    plan_to: f.plan?.to ?? null,
    plan_none: f.plan !== null && f.plan.title === null ? 1 : 0,
    survivor_participation: yesNo(f.survivorParticipation),
    services: JSON.stringify(f.services),
    sources: sourceIdsJson(f.sources),
    notes: f.notes,
  };
}

export function frameworkFromRow(row: Selectable<VaFrameworksTable>): FrameworkReport {
  const bool = (v: 0 | 1 | null): boolean | null => (v === null ? null : v === 1);
  return {
    iso3: row.iso3,
    reported: row.reported as CalendarDate,
    significantNumberOfVictims: bool(row.significant),
    mechanism:
      row.mechanism_type === null
        ? null
        : row.mechanism_type === NONE
          ? NO_MECHANISM
          : { type: row.mechanism_type as MechanismType, since: row.mechanism_since as PartialDate | null },
    plan:
      row.plan_none === 1
        ? NO_PLAN
        : row.plan_title === null
          ? null
          : { title: row.plan_title, from: row.plan_from as PartialDate | null, to: row.plan_to as PartialDate | null },
    survivorParticipation: bool(row.survivor_participation),
    services: JSON.parse(row.services) as FrameworkReport['services'],
    sources: parseSourceIds(row.sources),
    notes: row.notes,
  };
}
