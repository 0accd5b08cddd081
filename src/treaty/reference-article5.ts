/**
 * The Article 5 event files of data/ (meetings.csv, article5_decisions.csv,
 * article5_completions.csv, article5_reopened.csv) read, checked and merged into the Article 5
 * records of article5.csv. Pure: rows in, records and problems out; every problem names file,
 * line and field.
 */
import type { CsvRow } from '../core/csv.js';
import type { CalendarDate } from '../core/date.js';
import type { DataProblem } from '../core/errors.js';
import { FieldReader, type Validated } from '../core/field-reader.js';
import { type PartialDate, asPartialDate, earliestDay, latestDay } from '../core/partial-date.js';
import type { SourceId } from '../core/source.js';
import type { StateCode } from '../core/states.js';
import { extensionChainProblems, markReopened } from './article5.js';
import type { Article5Declaration, Article5Record, Article5Reopening, ExtensionDecision } from './model.js';

export const MEETINGS_COLUMNS = ['meeting', 'name', 'place', 'start', 'end', 'sources'] as const;
export const DECISIONS_COLUMNS = [
  'iso3',
  'meeting',
  'decision_date',
  'requested_deadline',
  'granted_deadline',
  'sources',
  'notes',
] as const;
export const COMPLETIONS_COLUMNS = ['iso3', 'declared', 'how', 'sources', 'notes'] as const;
export const REOPENED_COLUMNS = ['iso3', 'reported', 'deadline_set', 'meeting', 'sources', 'notes'] as const;

export interface Meeting {
  code: string;
  name: string;
  start: CalendarDate | null;
  end: CalendarDate | null;
  sources: SourceId[];
}

/** Rows of a file read one by one; a row with any problem gives no record. */
function readEach<T>(rows: readonly CsvRow[], read: (reader: FieldReader) => T | null): Validated<T[]> {
  const value: T[] = [];
  const problems: DataProblem[] = [];
  for (const row of rows) {
    const reader = new FieldReader(row);
    const record = read(reader);
    problems.push(...reader.problems);
    if (record !== null && reader.ok) value.push(record);
  }
  return { value, problems };
}

/** meetings.csv: one row per Meeting of the States Parties or Review Conference. */
export function meetingsFromRows(
  rows: readonly CsvRow[],
  known: ReadonlySet<SourceId> | null,
): Validated<Map<string, Meeting>> {
  const seen = new Set<string>();
  const { value, problems } = readEach(rows, (reader): Meeting | null => {
    const code = reader.required('meeting', 'the meeting code (for example 12MSP, 5RC)');
    if (code !== '' && !/^\d+(MSP|RC)$/.test(code)) reader.report('meeting', 'a code written nMSP or nRC', code);
    if (seen.has(code)) reader.report('meeting', 'a meeting not listed before', code);
    seen.add(code);
    const name = reader.required('name', 'the name of the meeting');
    const start = reader.date('start');
    const end = reader.date('end');
    if (start !== null && end !== null && end < start) reader.report('end', `a day on or after start (${start})`, end);
    return { code, name, start, end, sources: reader.sources(known) };
  });
  return { value: new Map(value.map((m) => [m.code, m])), problems };
}

export interface DecisionRow {
  iso3: StateCode;
  decision: ExtensionDecision;
  row: CsvRow;
}

/**
 * article5_decisions.csv: one row per decision, in the order the decisions were taken. The
 * decision day is `decision_date`, else the last day of its meeting (the latest day it can have
 * been taken; the row's notes say so); unknown when neither is known.
 */
export function decisionsFromRows(
  rows: readonly CsvRow[],
  meetings: ReadonlyMap<string, Meeting>,
  known: ReadonlySet<SourceId> | null,
): Validated<DecisionRow[]> {
  return readEach(rows, (reader): DecisionRow | null => {
    const iso3 = reader.state();
    const code = reader.text('meeting');
    const meeting = meetings.get(code);
    if (meeting === undefined) reader.report('meeting', 'a meeting listed in meetings.csv', code);
    const day = reader.date('decision_date');
    if (day !== null && meeting?.start != null && day < meeting.start) {
      reader.report('decision_date', `a day of the meeting (it opened on ${meeting.start})`, day);
    }
    if (day !== null && meeting?.end != null && day > meeting.end) {
      reader.report('decision_date', `a day of the meeting (it closed on ${meeting.end})`, day);
    }
    reader.partialDate('requested_deadline');
    const deadline = reader.partialDate('granted_deadline');
    const sources = reader.sources(known);
    if (iso3 === null) return null;
    const granted = day ?? meeting?.end ?? null;
    return {
      iso3,
      row: reader.row,
      decision: {
        granted: granted === null ? null : asPartialDate(granted),
        deadline,
        meeting: code,
        kind: 'extension',
        sources,
      },
    };
  });
}

export interface DeclarationRow {
  iso3: StateCode;
  declaration: Article5Declaration;
}

/** article5_completions.csv: one row per declaration of completion, with its day (or month, year). */
export function completionsFromRows(
  rows: readonly CsvRow[],
  known: ReadonlySet<SourceId> | null,
): Validated<DeclarationRow[]> {
  return readEach(rows, (reader): DeclarationRow | null => {
    const iso3 = reader.state();
    const declared = reader.partialDate('declared');
    if (reader.text('declared') === '') reader.report('declared', 'the day (or month, year) of the declaration');
    const sources = reader.sources(known);
    return iso3 === null || declared === null ? null : { iso3, declaration: { declared, sources } };
  });
}

export interface ReopeningRow {
  iso3: StateCode;
  reopening: Article5Reopening;
  /** The meeting that set the new deadline, when known (its decision is in article5_decisions.csv). */
  meeting: string | null;
  deadlineSet: PartialDate | null;
  row: CsvRow;
}

/** article5_reopened.csv: a State that declared completion and later reported newly found mined areas. */
export function reopenedFromRows(
  rows: readonly CsvRow[],
  meetings: ReadonlyMap<string, Meeting>,
  known: ReadonlySet<SourceId> | null,
): Validated<ReopeningRow[]> {
  return readEach(rows, (reader): ReopeningRow | null => {
    const iso3 = reader.state();
    const reported = reader.partialDate('reported');
    if (reader.text('reported') === '') reader.report('reported', 'the day (or month) of the report');
    const deadlineSet = reader.partialDate('deadline_set');
    const code = reader.text('meeting');
    if (code !== '' && !meetings.has(code)) reader.report('meeting', 'a meeting listed in meetings.csv or empty', code);
    if (deadlineSet !== null && code === '') reader.report('meeting', 'the meeting that set deadline_set');
    const sources = reader.sources(known);
    if (iso3 === null || reported === null) return null;
    return { iso3, reopening: { reported, sources }, meeting: code === '' ? null : code, deadlineSet, row: reader.row };
  });
}

/** Where an extension of article5.csv not in article5_decisions.csv goes in the merged chain. */
function orderKey(extension: ExtensionDecision, decisions: readonly ExtensionDecision[]): string {
  if (extension.granted !== null) return `${latestDay(extension.granted)} 1`;
  const deadline = extension.deadline;
  // Unknown day: before the first recorded decision that set a later deadline (Art. 5.6 order).
  const next =
    deadline === null
      ? undefined
      : decisions.find((d) => d.deadline !== null && earliestDay(d.deadline) > latestDay(deadline));
  return next?.granted != null ? `${latestDay(next.granted)} 0` : '9999-12-31 2';
}

const sameExtension = (a: ExtensionDecision, b: ExtensionDecision): boolean =>
  (a.deadline !== null && b.deadline !== null && a.deadline.slice(0, 4) === b.deadline.slice(0, 4)) ||
  (a.deadline === null && a.granted !== null && b.granted !== null && a.granted.slice(0, 4) === b.granted.slice(0, 4));

/**
 * The extension chain of a State: its decisions (article5_decisions.csv) in the order taken,
 * with the extensions of article5.csv that no decision row records (same year of new deadline,
 * or of grant when the new deadline is unknown) placed where Art. 5.6's order puts them.
 */
export function mergeChain(
  older: readonly ExtensionDecision[],
  decisions: readonly ExtensionDecision[],
  olderSources: readonly SourceId[],
): ExtensionDecision[] {
  if (decisions.length === 0) return [...older];
  const extra = older
    .filter((e) => !decisions.some((d) => sameExtension(e, d)))
    .map((e) => ({ ...e, meeting: null, kind: 'extension' as const, sources: olderSources }));
  const keyed = [
    ...decisions.map((e, index) => ({ e, key: orderKey(e, decisions), index })),
    ...extra.map((e, index) => ({ e, key: orderKey(e, decisions), index: -1 - index })),
  ];
  // An extension of unknown day goes just before the decision it precedes (' 0' sorts before ' 1').
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index));
  return keyed.map((k) => k.e);
}

export interface Article5Events {
  decisions: readonly DecisionRow[];
  declarations: readonly DeclarationRow[];
  reopenings: readonly ReopeningRow[];
}

const emptyRecord = (iso3: StateCode): Article5Record => ({
  iso3,
  originalDeadlineStated: null,
  extensions: [],
  currentDeadlineStated: null,
  currentDeadlineAsOf: null,
  completed: null,
  notes: '',
  sources: [],
});

/**
 * The records of article5.csv with the events of the decision files: the merged chain of
 * extensions (decisions set after a re-opening marked `reopened`), the declarations of completion
 * and the re-openings. Chains are checked against the original deadline `originalOf` gives.
 */
export function mergeArticle5(
  article5: ReadonlyMap<StateCode, Article5Record>,
  events: Article5Events,
  originalOf: (iso3: StateCode) => CalendarDate | null,
): Validated<Map<StateCode, Article5Record>> {
  const problems: DataProblem[] = [];
  const merged = new Map(article5);
  const codes = new Set<StateCode>([
    ...events.decisions.map((d) => d.iso3),
    ...events.declarations.map((d) => d.iso3),
    ...events.reopenings.map((r) => r.iso3),
  ]);
  for (const iso3 of codes) {
    const base = merged.get(iso3) ?? emptyRecord(iso3);
    const reopenings = events.reopenings.filter((r) => r.iso3 === iso3);
    const rows = events.decisions.filter((d) => d.iso3 === iso3);
    const decisions = rows.map(({ decision }) => decision);
    const chain = markReopened(
      mergeChain(base.extensions, decisions, base.sources),
      reopenings.map((r) => r.reopening),
    );
    for (const r of reopenings) {
      if (r.meeting === null) continue;
      const decision = chain.find((d) => d.meeting === r.meeting);
      if (decision === undefined) {
        problems.push(r.row.problem('meeting', `a decision of ${r.meeting} for ${iso3} in article5_decisions.csv`));
      } else if (decision.kind !== 'reopened') {
        problems.push(r.row.problem('meeting', 'the first decision after the report (reported)'));
      } else if (r.deadlineSet !== null && decision.deadline !== r.deadlineSet) {
        problems.push(
          r.row.problem('deadline_set', `the granted_deadline of that decision (${decision.deadline ?? 'empty'})`),
        );
      }
    }
    const original = originalOf(iso3);
    if (original !== null) {
      for (const p of extensionChainProblems(original, chain)) {
        const at = rows.find((r) => r.decision.meeting === chain[p.index]?.meeting);
        const problem: DataProblem = at
          ? at.row.problem('granted_deadline', p.expected)
          : {
              file: 'article5.csv',
              line: 1,
              column: null,
              field: 'extensions',
              expected: `${iso3}: ${p.expected}`,
              found: null,
            };
        problems.push(problem);
      }
    }
    const declarations = events.declarations.filter((d) => d.iso3 === iso3).map((d) => d.declaration);
    merged.set(iso3, {
      ...base,
      extensions: chain,
      declarations,
      reopenings: reopenings.map((r) => r.reopening),
      sources: [
        ...new Set([
          ...base.sources,
          ...rows.flatMap((r) => r.decision.sources ?? []),
          ...declarations.flatMap((d) => d.sources),
          ...reopenings.flatMap((r) => r.reopening.sources),
        ]),
      ],
    });
  }
  // Every record in one shape, as the store gives it back: each decision with its meeting and sources.
  for (const [iso3, r] of merged) {
    const reopenings = r.reopenings ?? [];
    const chain = r.extensions.map((e) => ({ ...e, meeting: e.meeting ?? null, sources: e.sources ?? r.sources }));
    merged.set(iso3, {
      ...r,
      extensions: markReopened(chain, reopenings),
      declarations: r.declarations ?? [],
      reopenings,
    });
  }
  return { value: merged, problems };
}
