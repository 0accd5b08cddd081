/**
 * Checking one casualty record as an import or a form gives it (text fields), into the model:
 * every field by its rule, every problem named by field with what was expected. Written for a
 * million rows a run: plain string checks, no schema objects per row. No I/O here.
 */
import { type CalendarDate, daysInMonth } from '../core/date.js';
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

const AGE = /^\d{1,3}$/;

/**
 * A lookup table filled as rows are read: a file of a million rows holds a few dozen distinct
 * lists of services, so each is checked once. Bounded, so a file
 * of all-different values only costs the check it would have cost anyway.
 */
const LOOKUP_LIMIT = 50_000;
const serviceLists = new Map<string, readonly ServiceKind[] | null>();

/** YYYY-MM-DD and a day of the calendar (year from 0001), read digit by digit: no regex, no allocation. */
function isDay(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  let year = 0;
  let month = 0;
  let day = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return false;
    if (i < 4) year = year * 10 + digit;
    else if (i < 7) month = month * 10 + digit;
    else day = day * 10 + digit;
  }
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Kinds of service separated by ";", each once (a shared, frozen list), or null. */
function serviceList(text: string): readonly ServiceKind[] | null {
  let kinds = serviceLists.get(text);
  if (kinds === undefined) {
    const parts = text.split(';');
    const once = parts.every((k, i) => sets.service.has(k) && parts.indexOf(k) === i);
    kinds = once ? Object.freeze(parts as ServiceKind[]) : null;
    if (serviceLists.size >= LOOKUP_LIMIT) serviceLists.clear();
    serviceLists.set(text, kinds);
  }
  return kinds;
}

/** A problem added to a row's list, made on the first. */
function add(problems: RecordProblem[] | null, field: RecordColumn, expected: string, found: string): RecordProblem[] {
  const list = problems ?? [];
  list.push({ field, expected, found });
  return list;
}

const NO_SERVICES: readonly ServiceKind[] = Object.freeze([]);

const EXPECTED = {
  id: 'a pseudonymous id: letters, digits, ".", "_" or "-", at most 64 (no name)',
  historic: '"yes", "no" or empty',
  date: 'a calendar date YYYY-MM-DD',
  early: `a date on or after ${FIRST_INCIDENT}, or historic=yes for an earlier incident`,
  lat: 'a latitude from -90 to 90 in decimal degrees, with lon (or both empty)',
  lon: 'a longitude from -180 to 180 in decimal degrees, with lat (or both empty)',
  adminArea: 'an administrative area name of at most 200 characters, without NUL',
  device: `one of ${listOf(DEVICE_CATEGORIES)}`,
  outcome: `one of ${listOf(OUTCOMES)}`,
  sex: `one of ${listOf(SEXES)} (or empty: unknown)`,
  age: `a whole number of years from 0 to ${MAX_AGE}`,
  ageBand: `one of ${listOf(AGE_BANDS)} (or empty)`,
  status: `one of ${listOf(CASUALTY_STATUSES)} (or empty: unknown)`,
  child: '"yes", "no" or empty',
  activity: `one of ${listOf(ACTIVITIES)} (or empty: unknown)`,
  services: `kinds of service separated by ";", each once: ${listOf(SERVICE_KINDS)}`,
};

/**
 * Reads one record from its text fields. `state`: the State the import is for (a record of
 * another is refused); `today`: no incident after it. Returns the record, or the problems.
 * Called once a row of a file: no closure or list is made for a row that has no problem.
 */
export function readRecord(
  get: (field: RecordColumn) => string,
  state: StateCode,
  today: CalendarDate,
  synthetic = false,
): { record: CasualtyRecord | null; problems: RecordProblem[] } {
  let problems: RecordProblem[] | null = null;

  const id = get('id');
  if (!ID_PATTERN.test(id)) problems = add(problems, 'id', EXPECTED.id, id);

  const iso3 = get('iso3');
  if (iso3 !== state)
    problems = add(
      problems,
      'iso3',
      isStateCode(iso3) ? `${state}, the State of this import` : `${state} (an ISO 3166-1 alpha-3 code)`,
      iso3,
    );

  const historicText = get('historic');
  let historic = false;
  if (historicText === 'yes') historic = true;
  else if (historicText !== '' && historicText !== 'no')
    problems = add(problems, 'historic', EXPECTED.historic, historicText);

  const date = get('incident_date');
  if (!isDay(date)) problems = add(problems, 'incident_date', EXPECTED.date, date);
  else if (date > today) problems = add(problems, 'incident_date', `a date on or before today (${today})`, date);
  else if (date < FIRST_INCIDENT && !historic) problems = add(problems, 'incident_date', EXPECTED.early, date);

  const latText = get('lat');
  const lonText = get('lon');
  let point: CasualtyRecord['place']['point'] = null;
  if (latText !== '' || lonText !== '') {
    const lat = Number(latText);
    const lon = Number(lonText);
    const okLat = latText !== '' && Number.isFinite(lat) && lat >= -90 && lat <= 90;
    const okLon = lonText !== '' && Number.isFinite(lon) && lon >= -180 && lon <= 180;
    if (!okLat) problems = add(problems, 'lat', EXPECTED.lat, latText);
    if (!okLon) problems = add(problems, 'lon', EXPECTED.lon, lonText);
    if (okLat && okLon) point = { lat, lon };
  }
  const adminText = get('admin_area');
  if (adminText.length > 200 || adminText.includes('\u0000'))
    problems = add(problems, 'admin_area', EXPECTED.adminArea, adminText);
  const adminArea = adminText === '' ? null : adminText;

  const device = get('device');
  if (!sets.device.has(device)) problems = add(problems, 'device', EXPECTED.device, device);
  const outcome = get('outcome');
  if (!sets.outcome.has(outcome)) problems = add(problems, 'outcome', EXPECTED.outcome, outcome);
  const sexText = get('sex');
  const sex = sexText === '' ? 'unknown' : sexText;
  if (!sets.sex.has(sex)) problems = add(problems, 'sex', EXPECTED.sex, sexText);

  const ageText = get('age');
  let age: number | null = null;
  if (ageText !== '') {
    const n = Number(ageText);
    if (!AGE.test(ageText) || n > MAX_AGE) problems = add(problems, 'age', EXPECTED.age, ageText);
    else age = n;
  }
  const bandText = get('age_band');
  let ageBand: AgeBand = 'unknown';
  if (bandText !== '' && !sets.ageBand.has(bandText)) problems = add(problems, 'age_band', EXPECTED.ageBand, bandText);
  else if (age !== null) {
    ageBand = bandOf(age);
    if (bandText !== '' && bandText !== ageBand)
      problems = add(problems, 'age_band', `${ageBand}, the band of age ${age} (or empty)`, bandText);
  } else if (bandText !== '') ageBand = bandText as AgeBand;

  const statusText = get('status');
  const status = statusText === '' ? 'unknown' : statusText;
  if (!sets.status.has(status)) problems = add(problems, 'status', EXPECTED.status, statusText);

  const derivedChild = ageBand === 'unknown' ? null : ageBand === '0-17';
  const childText = get('child');
  let child = derivedChild;
  if (childText !== '') {
    if (childText !== 'yes' && childText !== 'no') problems = add(problems, 'child', EXPECTED.child, childText);
    else {
      const given = childText === 'yes';
      if (derivedChild !== null && given !== derivedChild)
        problems = add(problems, 'child', `${derivedChild ? 'yes' : 'no'}, as the age says (or empty)`, childText);
      child = given;
    }
  }

  const activityText = get('activity');
  const activity = activityText === '' ? 'unknown' : activityText;
  if (!sets.activity.has(activity)) problems = add(problems, 'activity', EXPECTED.activity, activityText);

  const needsText = get('needs');
  const needs = needsText === '' ? NO_SERVICES : serviceList(needsText);
  if (needs === null) problems = add(problems, 'needs', EXPECTED.services, needsText);
  const referralsText = get('referrals');
  const referrals = referralsText === '' ? NO_SERVICES : serviceList(referralsText);
  if (referrals === null) problems = add(problems, 'referrals', EXPECTED.services, referralsText);

  if (problems !== null || needs === null || referrals === null) return { record: null, problems: problems ?? [] };
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
      // Shared lists of the lookup table: frozen, never changed by a reader.
      needs: needs as ServiceKind[],
      referrals: referrals as ServiceKind[],
      synthetic,
    },
    problems: [],
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
