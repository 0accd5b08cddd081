/**
 * What a set of report records must satisfy before it is stored (data/ and editors' writes alike).
 * No I/O here: the records in, every problem out, each naming the record (by index) and field.
 */
import { type CalendarDate, toParts } from '../core/date.js';
import { earliestDay, latestDay } from '../core/partial-date.js';
import type { StateCode } from '../core/states.js';
import type { ReportRecord } from './model.js';

export interface RecordProblem {
  /** Index of the record at fault in the list checked. */
  index: number;
  field: 'iso3' | 'report' | 'received' | 'notReceivedOn';
  expected: string;
  found: string | null;
}

export interface CheckContext {
  /** Entry into force of a State (whatever the date), null if it never deposited its consent. */
  entryIntoForce: (iso3: StateCode) => CalendarDate | null;
  /** Records are refused if dated after this day (a write cannot record the future). */
  asOf?: CalendarDate;
}

export const periodKey = (r: Pick<ReportRecord, 'iso3' | 'report'>): string => `${r.iso3}|${String(r.report)}`;

/**
 * Problems of `records` (with `stored`, the records already held, for duplicates):
 * a State never bound; an annual report for a year before entry into force; a report received
 * before the year it covers ended; exactly one of `received` and `notReceivedOn`; a second
 * submission of the same report; a date after the as-of day; a statement that a report had not
 * been received on a day after it was.
 */
export function recordProblems(
  records: readonly ReportRecord[],
  context: CheckContext,
  stored: readonly ReportRecord[] = [],
): RecordProblem[] {
  const problems: RecordProblem[] = [];
  const submitted = new Map<string, { index: number | null; received: CalendarDate }>();
  for (const r of stored) {
    if (r.received !== null) submitted.set(periodKey(r), { index: null, received: earliestDay(r.received) });
  }
  records.forEach((r, index) => {
    const add = (field: RecordProblem['field'], expected: string, found: string | null): void => {
      problems.push({ index, field, expected, found });
    };
    const eif = context.entryIntoForce(r.iso3);
    if (eif === null) {
      add('iso3', 'a State that has deposited its consent to be bound', r.iso3);
      return;
    }
    if (r.report !== 'initial') {
      const first = toParts(eif).year;
      if (r.report < first)
        add('report', `a year from ${first}, when the Convention entered into force for ${r.iso3}`, String(r.report));
    }
    if ((r.received === null) === (r.notReceivedOn === null)) {
      add('received', 'either the day the report was received or the day a source says it had not been', null);
      return;
    }
    if (r.received !== null) {
      if (r.report !== 'initial' && latestDay(r.received) < `${r.report + 1}-01-01`) {
        add('received', `a day after ${r.report}, the year the report covers`, r.received);
      }
      if (context.asOf !== undefined && earliestDay(r.received) > context.asOf) {
        add('received', `a day on or before ${context.asOf}`, r.received);
      }
      const key = periodKey(r);
      const before = submitted.get(key);
      if (before !== undefined) {
        const where = before.index === null ? 'already stored' : `already given in record ${before.index + 1}`;
        add(
          'report',
          `one submission per State and report (${r.iso3} ${String(r.report)} is ${where})`,
          String(r.report),
        );
      } else submitted.set(key, { index, received: earliestDay(r.received) });
    }
    if (r.notReceivedOn !== null && r.report !== 'initial' && r.notReceivedOn < `${r.report + 1}-01-01`) {
      add('notReceivedOn', `a day after ${r.report}, the year the report covers`, r.notReceivedOn);
    }
    if (r.notReceivedOn !== null && context.asOf !== undefined && r.notReceivedOn > context.asOf) {
      add('notReceivedOn', `a day on or before ${context.asOf}`, r.notReceivedOn);
    }
  });
  // A statement of absence on or after the day the report was received contradicts the submission.
  const absences = [...stored, ...records].filter((r) => r.notReceivedOn !== null);
  records.forEach((r, index) => {
    const key = periodKey(r);
    if (r.notReceivedOn !== null) {
      const submission = submitted.get(key);
      if (submission !== undefined && submission.received <= r.notReceivedOn) {
        problems.push({
          index,
          field: 'notReceivedOn',
          expected: `a day before ${submission.received}, when the report was received`,
          found: r.notReceivedOn,
        });
      }
    } else if (r.received !== null) {
      const latest = absences
        .filter((a) => periodKey(a) === key)
        .map((a) => a.notReceivedOn ?? '')
        .sort()
        .at(-1);
      if (latest !== undefined && latestDay(r.received) <= latest) {
        problems.push({
          index,
          field: 'received',
          expected: `a day after ${latest}, when a source says the report had not been received`,
          found: r.received,
        });
      }
    }
  });
  return problems;
}
