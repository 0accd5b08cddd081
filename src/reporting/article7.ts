/**
 * Article 7 reports on a date: which reports a State owed, and whether each was on time, late,
 * due or overdue. No I/O here.
 */
import { type CalendarDate, toParts } from '../core/date.js';
import { earliestDay, latestDay } from '../core/partial-date.js';
import type { SourceId } from '../core/source.js';
import { annualReportDue, initialReportDue } from '../treaty/article7.js';
import type { AnnualReportingRate, ReportLine, ReportMark, ReportPeriod, ReportRecord } from './model.js';

/** What the rule needs to know of a State on the date (from the treaty engine). */
export interface ReportingParty {
  /** Entry into force for the State, if its consent was deposited by the date. */
  entryIntoForce: CalendarDate | null;
  /** The day its withdrawal takes effect, if a withdrawal is known by the date. */
  withdrawalEffective: CalendarDate | null;
}

export interface RequiredReport {
  report: ReportPeriod;
  due: CalendarDate;
}

/**
 * The reports a State owes that exist on `asOf`, oldest first:
 * - the initial report, from entry into force, due 180 days after it (Art. 7.1);
 * - the annual update covering year Y, from 1 January of Y+1, due 30 April of Y+1 (Art. 7.2), for
 *   every year Y whose 30 April falls after the initial report's deadline (the initial report
 *   covers the time before; this is minefree's reading, README "Which reports are required");
 * - none whose deadline falls on or after the day a withdrawal takes effect (Art. 20.3: the
 *   State is no longer bound that day).
 */
export function requiredReports(party: ReportingParty, asOf: CalendarDate): RequiredReport[] {
  const eif = party.entryIntoForce;
  if (eif === null || eif > asOf) return [];
  const bound = (due: CalendarDate): boolean => party.withdrawalEffective === null || due < party.withdrawalEffective;
  const initialDue = initialReportDue(eif);
  const out: RequiredReport[] = [];
  if (bound(initialDue)) out.push({ report: 'initial', due: initialDue });
  const lastYearOver = toParts(asOf).year - 1;
  for (let year = toParts(eif).year; year <= lastYearOver; year += 1) {
    const due = annualReportDue(year);
    if (due > initialDue && bound(due)) out.push({ report: year, due });
  }
  return out;
}

/** The mark of a required report with deadline `due` on `asOf`, from the records of that report. */
export function markOf(
  due: CalendarDate,
  received: ReportRecord['received'],
  notReceivedOn: CalendarDate | null,
  asOf: CalendarDate,
): ReportMark {
  if (received !== null) {
    if (latestDay(received) <= due) return 'on-time';
    if (earliestDay(received) > due) return 'late';
    return 'submitted';
  }
  if (asOf <= due) return 'due';
  if (notReceivedOn !== null && notReceivedOn > due) return 'overdue';
  return 'not-recorded';
}

const samePeriod = (a: ReportPeriod, b: ReportPeriod): boolean => a === b;

/**
 * A State's reports on `asOf`: every required report with its mark, then every report received
 * that was not required. A submission counts from the last day its date can mean (a report known
 * only as "May 2017" is on record from 31 May 2017); a statement of absence from its day.
 */
export function reportLines(party: ReportingParty, records: readonly ReportRecord[], asOf: CalendarDate): ReportLine[] {
  const known = records.filter((r) =>
    r.received !== null ? latestDay(r.received) <= asOf : r.notReceivedOn !== null && r.notReceivedOn <= asOf,
  );
  const lineFor = (report: ReportPeriod, due: CalendarDate | null): ReportLine => {
    const mine = known.filter((r) => samePeriod(r.report, report));
    const submission = mine.find((r) => r.received !== null) ?? null;
    const absences = mine.flatMap((r) => (r.notReceivedOn === null ? [] : [r.notReceivedOn])).sort();
    const notReceivedOn = absences.at(-1) ?? null;
    const sources = [...new Set<SourceId>(mine.flatMap((r) => r.sources))];
    const received = submission?.received ?? null;
    return {
      report,
      due,
      received,
      notReceivedOn,
      mark: due === null ? 'not-required' : markOf(due, received, notReceivedOn, asOf),
      language: submission?.language ?? null,
      link: submission?.link ?? null,
      sources,
    };
  };
  const required = requiredReports(party, asOf);
  const lines = required.map((r) => lineFor(r.report, r.due));
  const extra = known.filter((r) => r.received !== null && !required.some((q) => samePeriod(q.report, r.report)));
  for (const r of extra) lines.push(lineFor(r.report, null));
  return lines;
}

/**
 * The annual reports due on 30 April of `covers + 1`, counted over every State's lines. The
 * share on time is given only when every required report has a known outcome (none not recorded,
 * none still due); otherwise it would count a missing record as a missing report.
 */
export function annualRate(covers: number, linesByState: readonly (readonly ReportLine[])[]): AnnualReportingRate {
  const due = annualReportDue(covers);
  const counts = { required: 0, onTime: 0, late: 0, submitted: 0, overdue: 0, notRecorded: 0, open: 0 };
  for (const lines of linesByState) {
    const line = lines.find((l) => l.report === covers && l.due !== null);
    if (line === undefined) continue;
    counts.required += 1;
    if (line.mark === 'on-time') counts.onTime += 1;
    else if (line.mark === 'late') counts.late += 1;
    else if (line.mark === 'submitted') counts.submitted += 1;
    else if (line.mark === 'overdue') counts.overdue += 1;
    else if (line.mark === 'not-recorded') counts.notRecorded += 1;
    else counts.open += 1;
  }
  const complete = counts.notRecorded === 0 && counts.open === 0 && counts.submitted === 0 && counts.required > 0;
  return {
    covers,
    due,
    required: counts.required,
    onTime: counts.onTime,
    late: counts.late,
    submitted: counts.submitted,
    overdue: counts.overdue,
    notRecorded: counts.notRecorded,
    shareOnTime: complete ? counts.onTime / counts.required : null,
  };
}
