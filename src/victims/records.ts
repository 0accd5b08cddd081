/**
 * Checking one casualty record as an import or a form gives it (text fields), into the model:
 * every field by its rule, every problem named by field with what was expected. Written for a
 * million rows a run: plain string checks, no schema objects per row. No I/O here.
 */
import { type CalendarDate, dateProblem } from '../core/date.js';
import { type StateCode, isStateCode } from '../core/states.js';
import {
  ACTIVITIES,
  AGE_BANDS,
  type Activity,
  type AgeBand,
  CASUALTY_STATUSES,
  type CasualtyRecord,
  type CasualtyStatus,
  DEVICE_CATEGORIES,
  type DeviceCategory,
  OUTCOMES,
  type Outcome,
  SERVICE_KINDS,
  SEXES,
  type ServiceKind,
  type Sex,
} from './model.js';

/** The columns of a casualty file (CSV header or the first row of the XLSX sheet), in this order. */
export const RECORD_COLUMNS = [
  'id',
  'iso3',
  'incident_date',
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
] as const;
export type RecordColumn = (typeof RECORD_COLUMNS)[number];

/** The earliest incident recorded without the `historic` flag. */
export const FIRST_INCIDENT = '1990-01-01';
export const MAX_AGE = 120;
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export interface RecordProblem {
  field: RecordColumn;
  expected: string;
  found: string;
}

const sets = {
  device: new Set<string>(DEVICE_CATEGORIES),
  outcome: new Set<string>(OUTCOMES),
  sex: new Set<string>(SEXES),
  ageBand: new Set<string>(AGE_BANDS),
  status: new Set<string>(CASUALTY_STATUSES),
  activity: new Set<string>(ACTIVITIES),
  service: new Set<string>(SERVICE_KINDS),
};
const listOf = (values: readonly string[]): string => values.join(', ');

/** The age band of an age in whole years. */
export function bandOf(age: number): AgeBand {
  if (age < 18) return '0-17';
  if (age < 30) return '18-29';
  if (age < 45) return '30-44';
  if (age < 60) return '45-59';
  return '60+';
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads one record from its text fields. `state`: the State the import is for (a record of
 * another is refused); `today`: no incident after it. Returns the record, or the problems.
 */
export function readRecord(
  get: (field: RecordColumn) => string,
  state: StateCode,
  today: CalendarDate,
  synthetic = false,
): { record: CasualtyRecord | null; problems: RecordProblem[] } {
  const problems: RecordProblem[] = [];
  const fail = (field: RecordColumn, expected: string): void => {
    problems.push({ field, expected, found: get(field) });
  };

  const id = get('id');
  if (!ID_PATTERN.test(id)) fail('id', 'a pseudonymous id: letters, digits, ".", "_" or "-", at most 64 (no name)');

  const iso3 = get('iso3');
  if (iso3 !== state)
    fail('iso3', isStateCode(iso3) ? `${state}, the State of this import` : `${state} (an ISO 3166-1 alpha-3 code)`);

  const historicText = get('historic');
  let historic = false;
  if (historicText === 'yes') historic = true;
  else if (historicText !== '' && historicText !== 'no') fail('historic', '"yes", "no" or empty');

  const date = get('incident_date');
  if (!DAY.test(date) || dateProblem(date) !== null) fail('incident_date', 'a calendar date YYYY-MM-DD');
  else if (date > today) fail('incident_date', `a date on or before today (${today})`);
  else if (date < FIRST_INCIDENT && !historic)
    fail('incident_date', `a date on or after ${FIRST_INCIDENT}, or historic=yes for an earlier incident`);

  const latText = get('lat');
  const lonText = get('lon');
  let point: CasualtyRecord['place']['point'] = null;
  if (latText !== '' || lonText !== '') {
    const lat = Number(latText);
    const lon = Number(lonText);
    const okLat = latText !== '' && Number.isFinite(lat) && lat >= -90 && lat <= 90;
    const okLon = lonText !== '' && Number.isFinite(lon) && lon >= -180 && lon <= 180;
    if (!okLat) fail('lat', 'a latitude from -90 to 90 in decimal degrees, with lon (or both empty)');
    if (!okLon) fail('lon', 'a longitude from -180 to 180 in decimal degrees, with lat (or both empty)');
    if (okLat && okLon) point = { lat, lon };
  }
  const adminText = get('admin_area');
  if (adminText.length > 200 || adminText.includes('\u0000'))
    fail('admin_area', 'an administrative area name of at most 200 characters, without NUL');
  const adminArea = adminText === '' ? null : adminText;

  const device = get('device');
  if (!sets.device.has(device)) fail('device', `one of ${listOf(DEVICE_CATEGORIES)}`);
  const outcome = get('outcome');
  if (!sets.outcome.has(outcome)) fail('outcome', `one of ${listOf(OUTCOMES)}`);
  const sexText = get('sex');
  const sex = sexText === '' ? 'unknown' : sexText;
  if (!sets.sex.has(sex)) fail('sex', `one of ${listOf(SEXES)} (or empty: unknown)`);

  const ageText = get('age');
  let age: number | null = null;
  if (ageText !== '') {
    const n = Number(ageText);
    if (!/^\d{1,3}$/.test(ageText) || n > MAX_AGE) fail('age', `a whole number of years from 0 to ${MAX_AGE}`);
    else age = n;
  }
  const bandText = get('age_band');
  let ageBand: AgeBand = 'unknown';
  if (bandText !== '' && !sets.ageBand.has(bandText)) fail('age_band', `one of ${listOf(AGE_BANDS)} (or empty)`);
  else if (age !== null) {
    ageBand = bandOf(age);
    if (bandText !== '' && bandText !== ageBand) fail('age_band', `${ageBand}, the band of age ${age} (or empty)`);
  } else if (bandText !== '') ageBand = bandText as AgeBand;

  const statusText = get('status');
  const status = statusText === '' ? 'unknown' : statusText;
  if (!sets.status.has(status)) fail('status', `one of ${listOf(CASUALTY_STATUSES)} (or empty: unknown)`);

  const derivedChild = ageBand === 'unknown' ? null : ageBand === '0-17';
  const childText = get('child');
  let child = derivedChild;
  if (childText !== '') {
    if (childText !== 'yes' && childText !== 'no') fail('child', '"yes", "no" or empty');
    else {
      const given = childText === 'yes';
      if (derivedChild !== null && given !== derivedChild)
        fail('child', `${derivedChild ? 'yes' : 'no'}, as the age says (or empty)`);
      child = given;
    }
  }

  const activityText = get('activity');
  const activity = activityText === '' ? 'unknown' : activityText;
  if (!sets.activity.has(activity)) fail('activity', `one of ${listOf(ACTIVITIES)} (or empty: unknown)`);

  const services = (field: 'needs' | 'referrals'): ServiceKind[] => {
    const text = get(field);
    if (text === '') return [];
    const kinds = text.split(';');
    if (kinds.some((k) => !sets.service.has(k)) || new Set(kinds).size !== kinds.length) {
      fail(field, `kinds of service separated by ";", each once: ${listOf(SERVICE_KINDS)}`);
      return [];
    }
    return kinds as ServiceKind[];
  };
  const needs = services('needs');
  const referrals = services('referrals');

  if (problems.length > 0) return { record: null, problems };
  return {
    record: {
      id,
      state,
      incidentDate: date as CalendarDate,
      historic,
      place: { point, adminArea },
      device: device as DeviceCategory,
      outcome: outcome as Outcome,
      sex: sex as Sex,
      age,
      ageBand,
      status: status as CasualtyStatus,
      child,
      activity: activity as Activity,
      needs,
      referrals,
      synthetic,
    },
    problems,
  };
}

/** The text fields of a record (the inverse of `readRecord`, for exports and demo files). */
export function recordFields(r: CasualtyRecord): Record<RecordColumn, string> {
  return {
    id: r.id,
    iso3: r.state,
    incident_date: r.incidentDate,
    historic: r.historic ? 'yes' : '',
    lat: r.place.point === null ? '' : String(r.place.point.lat),
    lon: r.place.point === null ? '' : String(r.place.point.lon),
    admin_area: r.place.adminArea ?? '',
    device: r.device,
    outcome: r.outcome,
    sex: r.sex,
    age: r.age === null ? '' : String(r.age),
    age_band: r.age === null && r.ageBand !== 'unknown' ? r.ageBand : '',
    status: r.status,
    child: r.child === null || r.ageBand !== 'unknown' ? '' : r.child ? 'yes' : 'no',
    activity: r.activity,
    needs: r.needs.join(';'),
    referrals: r.referrals.join(';'),
  };
}
