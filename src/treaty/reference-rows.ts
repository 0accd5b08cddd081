/**
 * Validation of reference-data rows (data/*.csv) into the treaty model. Pure: rows in, records
 * and problems out. Every problem names file, line, column and field; nothing stops at the first.
 */
import type { CsvRow } from '../core/csv.js';
import type { CalendarDate } from '../core/date.js';
import type { DataProblem } from '../core/errors.js';
import { type PartialDate, partialDateProblem } from '../core/partial-date.js';
import type { SourceId } from '../core/source.js';
import { FieldReader, type Validated, readRows } from '../core/field-reader.js';
import { STATE_CODES, type StateCode, isStateCode } from '../core/states.js';
import { article5OriginalDeadline, extensionChainProblems } from './article5.js';
import {
  OPENED_FOR_SIGNATURE,
  SIGNATURE_CLOSED_AFTER,
  consentEntryIntoForce,
  conventionEntryIntoForce,
} from './entry-into-force.js';
import {
  type Article5Record,
  CONSENT_KINDS,
  type ConsentKind,
  NOTICE_KINDS,
  type NoticeKind,
  type TreatyNotice,
  type ExtensionDecision,
  type StateRecord,
} from './model.js';

export const STATES_COLUMNS = [
  'iso3',
  'name',
  'signed',
  'ratified_or_acceded',
  'entry_into_force',
  'withdrawal_notified',
  'withdrawal_effective',
  'notes',
  'instrument',
  'sources',
  'withdrawal_condition',
  'withdrawal_announced',
] as const;
export const ARTICLE5_COLUMNS = [
  'iso3',
  'original_deadline',
  'extensions',
  'current_deadline',
  'current_deadline_as_of',
  'completed_year',
  'notes',
  'sources',
] as const;

/** Art. 15: open for signature until the Convention entered into force (Art. 17.1: 1 March 1999). */
export const ARMED_CONFLICT = 'armed-conflict';

// ---- states.csv -------------------------------------------------------------------------------

/** The kind of instrument, checked against ratified_or_acceded as written (even when that date is invalid). */
function consentKind(reader: FieldReader): ConsentKind | null {
  const instrument = reader.text('instrument');
  if (reader.text('ratified_or_acceded') === '') {
    if (instrument !== '')
      reader.report('instrument', 'empty (no instrument of consent was deposited: ratified_or_acceded is empty)');
    return null;
  }
  if ((CONSENT_KINDS as readonly string[]).includes(instrument)) return instrument as ConsentKind;
  reader.report('instrument', `one of ${CONSENT_KINDS.join(', ')} (ratified_or_acceded is set)`);
  return null;
}

function notBefore(
  reader: FieldReader,
  field: string,
  date: CalendarDate | null,
  limit: CalendarDate,
  what: string,
): void {
  if (date !== null && date < limit) reader.report(field, `a date on or after ${limit} (${what})`);
}

function stateFromRow(reader: FieldReader, known: ReadonlySet<SourceId> | null): StateRecord | null {
  const iso3 = reader.state();
  const name = reader.required('name', 'the name of the State');
  const signed = reader.date('signed');
  const deposited = reader.date('ratified_or_acceded');
  const entryIntoForceStated = reader.date('entry_into_force');
  const notified = reader.date('withdrawal_notified');
  const effective = reader.date('withdrawal_effective');
  const announced = reader.date('withdrawal_announced');
  const condition = reader.text('withdrawal_condition');
  const sources = reader.sources(known);
  const opened = 'the Convention opened for signature on 3 Dec 1997, Art. 15';
  notBefore(reader, 'signed', signed, OPENED_FOR_SIGNATURE, opened);
  if (signed !== null && signed > SIGNATURE_CLOSED_AFTER) {
    reader.report(
      'signed',
      `a date on or before ${SIGNATURE_CLOSED_AFTER} (open for signature until entry into force, Art. 15)`,
    );
  }
  notBefore(reader, 'ratified_or_acceded', deposited, OPENED_FOR_SIGNATURE, opened);
  const kind = consentKind(reader);
  if (condition !== '' && condition !== ARMED_CONFLICT)
    reader.report('withdrawal_condition', `"${ARMED_CONFLICT}" or empty`);
  const withdrawalFields = [
    ['withdrawal_notified', notified],
    ['withdrawal_effective', effective],
    ['withdrawal_announced', announced],
  ] as const;
  for (const [field, date] of withdrawalFields) {
    if (date === null) continue;
    if (reader.text('ratified_or_acceded') === '')
      reader.report(field, 'empty (a State withdraws only after depositing its consent)');
    else if (deposited !== null)
      notBefore(reader, field, date, deposited, `not before the deposit of consent, ${deposited}`);
  }
  if (notified !== null)
    notBefore(reader, 'withdrawal_effective', effective, notified, 'not before withdrawal_notified');
  if (iso3 === null) return null;
  const hasWithdrawal = notified !== null || effective !== null || announced !== null || condition !== '';
  return {
    iso3,
    name,
    sources,
    entryIntoForceStated,
    signature: signed === null ? null : { date: signed, sources },
    consent: deposited === null || kind === null ? null : { kind, deposited, sources },
    withdrawal: hasWithdrawal
      ? {
          deposited: notified,
          effectiveStated: effective,
          announced,
          armedConflict: condition === ARMED_CONFLICT ? { ended: null } : null,
          sources,
        }
      : null,
  };
}

/** states.csv: one row for each of the 197 States. */
export function statesFromRows(
  file: string,
  rows: readonly CsvRow[],
  known: ReadonlySet<SourceId> | null,
): Validated<StateRecord[]> {
  const { records, problems } = readRows(rows, (reader) => stateFromRow(reader, known));
  const listed = new Set(rows.map((r) => r.get('iso3')).filter(isStateCode));
  const missing = STATE_CODES.filter((code) => !listed.has(code));
  if (missing.length > 0) {
    problems.push({
      file,
      line: 1,
      column: rows[0]?.column('iso3') ?? null,
      field: 'iso3',
      expected: `a row for each of the ${STATE_CODES.length} States; missing: ${missing.join(', ')}`,
      found: `${listed.size} States`,
    });
  }
  return { value: [...records.values()].map((r) => r.record), problems };
}

// ---- article5.csv -----------------------------------------------------------------------------

const EXTENSION_FORMAT =
  'extensions written GRANTED:DEADLINE separated by ";" (GRANTED a year YYYY or ?, DEADLINE a date YYYY-MM-DD, YYYY-MM, YYYY or ?)';

function extensionsOf(reader: FieldReader): { tokens: string[]; chain: ExtensionDecision[] } | null {
  const value = reader.text('extensions');
  if (value === '') return { tokens: [], chain: [] };
  const tokens = value.split(';');
  const chain: ExtensionDecision[] = [];
  for (const token of tokens) {
    const match = /^(\d{4}|\?):(.+)$/.exec(token);
    const granted = match?.[1];
    const deadline = match?.[2];
    if (
      granted === undefined ||
      deadline === undefined ||
      granted === '0000' ||
      (deadline !== '?' && partialDateProblem(deadline) !== null)
    ) {
      reader.report('extensions', EXTENSION_FORMAT, token);
      continue;
    }
    chain.push({
      granted: granted === '?' ? null : (granted as PartialDate),
      deadline: deadline === '?' ? null : (deadline as PartialDate),
    });
  }
  return chain.length === tokens.length ? { tokens, chain } : null;
}

/** Entry into force of each State that deposited its consent, computed from all deposits (Art. 17). */
export function entryIntoForceByState(states: readonly StateRecord[]): Map<StateCode, CalendarDate> {
  // Art. 17.1 counts instruments of ratification, acceptance, approval or accession, not succession.
  const convention = conventionEntryIntoForce(
    states.flatMap((s) => (s.consent && s.consent.kind !== 'succession' ? [s.consent.deposited] : [])),
  );
  const result = new Map<StateCode, CalendarDate>();
  if (convention === null) return result;
  for (const s of states) if (s.consent) result.set(s.iso3, consentEntryIntoForce(s.consent, convention));
  return result;
}

/**
 * article5.csv. Extension chains are checked against the original deadline the engine computes
 * (entry into force from the deposit in states.csv, + 10 years); `states` are the valid states.csv rows.
 */
export function article5FromRows(
  rows: readonly CsvRow[],
  states: readonly StateRecord[],
  known: ReadonlySet<SourceId> | null,
): Validated<Map<StateCode, Article5Record>> {
  const eifOf = entryIntoForceByState(states);
  const byCode = new Map(states.map((s) => [s.iso3, s]));
  const { records, problems } = readRows(rows, (reader): Article5Record | null => {
    const iso3 = reader.state();
    const extensions = extensionsOf(reader);
    const record = {
      originalDeadlineStated: reader.date('original_deadline'),
      currentDeadlineStated: reader.partialDate('current_deadline'),
      currentDeadlineAsOf: reader.partialDate('current_deadline_as_of'),
      completed: reader.partialDate('completed_year'),
      notes: reader.text('notes'),
      sources: reader.sources(known),
    };
    if (iso3 === null || extensions === null) return null;
    const state = byCode.get(iso3);
    if (state !== undefined && state.consent === null) {
      reader.report('iso3', 'a State that deposited its consent (ratified_or_acceded in states.csv)');
    }
    const eif = eifOf.get(iso3);
    if (eif !== undefined) {
      const original = article5OriginalDeadline(eif);
      for (const p of extensionChainProblems(original, extensions.chain)) {
        const context = p.index === 0 ? `; original deadline ${original} = entry into force ${eif} + 10 years` : '';
        reader.report('extensions', `${p.expected}${context}`, extensions.tokens[p.index] ?? null);
      }
    }
    return { iso3, extensions: extensions.chain, ...record };
  });
  return { value: new Map([...records].map(([iso3, { record }]) => [iso3, record])), problems };
}

// ---- successions.csv --------------------------------------------------------------------------

export const SUCCESSIONS_COLUMNS = ['iso3', 'reading', 'effective', 'used', 'sources', 'notes'] as const;
/** Who states the date: the Depositary, the date of independence, or a secondary source. */
export const SUCCESSION_READINGS = ['depositary', 'independence', 'secondary'] as const;

/**
 * successions.csv: the dates from which a notification of succession takes effect, every reading
 * with its source; the one marked `used` (a Depositary reading) is the consent's `effective` date.
 */
export function applySuccessions(
  rows: readonly CsvRow[],
  states: readonly StateRecord[],
  known: ReadonlySet<SourceId> | null,
): Validated<StateRecord[]> {
  const problems: DataProblem[] = [];
  const used = new Map<StateCode, CalendarDate>();
  const byCode = new Map(states.map((s) => [s.iso3, s]));
  for (const row of rows) {
    const reader = new FieldReader(row);
    const iso3 = reader.state();
    const reading = reader.text('reading');
    if (!(SUCCESSION_READINGS as readonly string[]).includes(reading)) {
      reader.report('reading', `one of ${SUCCESSION_READINGS.join(', ')}`);
    }
    const effective = reader.date('effective');
    if (reader.text('effective') === '') reader.report('effective', 'the date this reading gives');
    const isUsed = reader.yesNo('used');
    if (reader.text('used') === '') reader.report('used', '"yes" or "no"');
    reader.sources(known);
    const state = iso3 === null ? undefined : byCode.get(iso3);
    if (iso3 !== null && state !== undefined && state.consent?.kind !== 'succession') {
      reader.report('iso3', 'a State whose consent in states.csv is a succession');
    }
    if (isUsed === true && reading !== 'depositary')
      reader.report('used', '"no" (only the Depositary\'s date is used)');
    if (isUsed === true && iso3 !== null && used.has(iso3))
      reader.report('used', `"no" (${iso3} already has a used reading)`);
    if (isUsed === true && effective !== null && state?.consent && effective > state.consent.deposited) {
      reader.report('effective', `a date on or before the deposit of the notification (${state.consent.deposited})`);
    }
    problems.push(...reader.problems);
    if (reader.ok && isUsed === true && iso3 !== null && effective !== null) used.set(iso3, effective);
  }
  const value = states.map((s) => {
    const effective = used.get(s.iso3);
    return effective === undefined || s.consent === null ? s : { ...s, consent: { ...s.consent, effective } };
  });
  return { value, problems };
}

// ---- treaty_notices.csv -----------------------------------------------------------------------

export const NOTICES_COLUMNS = ['iso3', 'kind', 'date', 'notified', 'description', 'positions', 'sources'] as const;

/** treaty_notices.csv: notices that are not Article 20 withdrawals, added to their States. */
export function applyNotices(
  rows: readonly CsvRow[],
  states: readonly StateRecord[],
  known: ReadonlySet<SourceId> | null,
): Validated<StateRecord[]> {
  const problems: DataProblem[] = [];
  const byState = new Map<StateCode, TreatyNotice[]>();
  const consentOf = new Map(states.map((s) => [s.iso3, s.consent]));
  for (const row of rows) {
    const reader = new FieldReader(row);
    const iso3 = reader.state();
    const kind = reader.text('kind');
    if (!(NOTICE_KINDS as readonly string[]).includes(kind)) reader.report('kind', `one of ${NOTICE_KINDS.join(', ')}`);
    const date = reader.date('date');
    if (reader.text('date') === '') reader.report('date', 'the day of the act the notice announces');
    const notified = reader.date('notified');
    const description = reader.required('description', 'what the notice says');
    const positions = reader.text('positions');
    const sources = reader.sources(known);
    const consent = iso3 === null ? undefined : consentOf.get(iso3);
    if (iso3 !== null && consent === null) reader.report('iso3', 'a State that deposited its consent');
    if (date !== null && consent)
      notBefore(reader, 'date', date, consent.deposited, 'not before the deposit of consent');
    problems.push(...reader.problems);
    if (reader.ok && iso3 !== null && date !== null) {
      const list = byState.get(iso3) ?? [];
      list.push({ kind: kind as NoticeKind, date, notified, description, positions, sources });
      byState.set(iso3, list);
    }
  }
  const value = states.map((s) => ({ ...s, notices: byState.get(s.iso3) ?? [] }));
  return { value, problems };
}

// ---- state_names.csv --------------------------------------------------------------------------

export const NAMES_COLUMNS = ['iso3', 'name', 'until', 'sources', 'notes'] as const;

/** state_names.csv: former names of States, each with the day the current (or next) name replaced it. */
export function applyFormerNames(
  rows: readonly CsvRow[],
  states: readonly StateRecord[],
  known: ReadonlySet<SourceId> | null,
): Validated<StateRecord[]> {
  const problems: DataProblem[] = [];
  const byState = new Map<StateCode, { name: string; until: CalendarDate; sources: SourceId[] }[]>();
  for (const row of rows) {
    const reader = new FieldReader(row);
    const iso3 = reader.state();
    const name = reader.required('name', 'the former name');
    const until = reader.date('until');
    if (reader.text('until') === '') reader.report('until', 'the day the name stopped being used');
    const sources = reader.sources(known);
    problems.push(...reader.problems);
    if (reader.ok && iso3 !== null && until !== null) {
      byState.set(iso3, [...(byState.get(iso3) ?? []), { name, until, sources }]);
    }
  }
  return { value: states.map((s) => ({ ...s, formerNames: byState.get(s.iso3) ?? [] })), problems };
}
