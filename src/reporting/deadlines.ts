/**
 * `minefree deadlines --article 7`: the engine's initial-report deadlines with what is on record
 * of each State's reports on the date. No I/O here.
 */
import type { DeadlineState } from '../treaty/model.js';
import type { DeadlineEntry } from '../treaty/status.js';
import type { ReportLine, ReportMark, ReportsOnDate } from './model.js';

export interface Article7DeadlineEntry extends DeadlineEntry {
  /** The initial report: day received (as precise as the source), its mark, the sources. */
  initial: Pick<ReportLine, 'received' | 'notReceivedOn' | 'mark' | 'sources'> | null;
  /** The latest annual report required on the date (covering the last year over), or null. */
  annual: (Pick<ReportLine, 'due' | 'received' | 'notReceivedOn' | 'mark' | 'sources'> & { covers: number }) | null;
}

/** The engine's reading of a mark: on time is met, late or overdue is missed, due is open. */
export const DEADLINE_OF_MARK: Record<ReportMark, DeadlineState> = {
  due: 'open',
  'on-time': 'met',
  late: 'missed',
  overdue: 'missed',
  submitted: 'unknown',
  'not-recorded': 'unknown',
  'not-required': 'unknown',
};

export function withReportMarks(entries: readonly DeadlineEntry[], reports: ReportsOnDate): Article7DeadlineEntry[] {
  const byState = new Map(reports.states.map((s) => [s.iso3, s.reports]));
  return entries.map((e) => {
    const lines = byState.get(e.iso3) ?? [];
    const initial = lines.find((l) => l.report === 'initial' && l.due !== null) ?? null;
    const annuals = lines.filter((l) => l.report !== 'initial' && l.due !== null);
    const latest = annuals.at(-1) ?? null;
    return {
      ...e,
      state: initial === null ? e.state : DEADLINE_OF_MARK[initial.mark],
      initial:
        initial === null
          ? null
          : {
              received: initial.received,
              notReceivedOn: initial.notReceivedOn,
              mark: initial.mark,
              sources: initial.sources,
            },
      annual:
        latest === null || latest.report === 'initial'
          ? null
          : {
              covers: latest.report,
              due: latest.due,
              received: latest.received,
              notReceivedOn: latest.notReceivedOn,
              mark: latest.mark,
              sources: latest.sources,
            },
    };
  });
}
