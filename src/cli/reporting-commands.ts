/** Article 7 reports on the command line: the marks beside `deadlines --article 7`, and `reports`. */
import type { Command } from 'commander';
import type { CalendarDate } from '../core/date.js';
import { UsageError } from '../core/errors.js';
import { stateName, t } from '../i18n/index.js';
import { type Article7DeadlineEntry, withReportMarks } from '../reporting/deadlines.js';
import type { ReportLine, ReportMark, ReportsOnDate, StateReports } from '../reporting/model.js';
import { reportsOf, reportsOn } from '../reporting/service.js';
import type { Store } from '../store/database.js';
import type { TreatyEngine } from '../treaty/status.js';
import { asOfOption, stateArgument } from './args.js';
import { withEngine } from './database.js';
import { formatTable } from './table.js';

const MARK_LABEL = {
  due: 'cli:reports.mark.due',
  'on-time': 'cli:reports.mark.on-time',
  late: 'cli:reports.mark.late',
  submitted: 'cli:reports.mark.submitted',
  overdue: 'cli:reports.mark.overdue',
  'not-recorded': 'cli:reports.mark.not-recorded',
  'not-required': 'cli:reports.mark.not-required',
} as const satisfies Record<ReportMark, string>;

const mark = (m: ReportMark): string => t(MARK_LABEL[m]);
const dash = (value: string | null | undefined): string => value ?? t('common:dash');
const period = (l: Pick<ReportLine, 'report'>): string =>
  l.report === 'initial' ? t('cli:reports.initial') : t('cli:reports.annual', { year: l.report });

/** The engine's Article 7 deadlines on `asOf`, each with the marks of its reports. */
export async function article7Deadlines(
  engine: TreatyEngine,
  store: Store,
  asOf: CalendarDate,
): Promise<Article7DeadlineEntry[]> {
  return withReportMarks(engine.deadlines(7, asOf), await reportsOn(store, engine, asOf));
}

export function article7DeadlinesText(entries: readonly Article7DeadlineEntry[]): string {
  return formatTable(
    [
      t('cli:deadlines.deadline'),
      t('cli:deadlines.iso3'),
      t('cli:deadlines.state'),
      t('cli:reports.initialMark'),
      t('cli:reports.received'),
      t('cli:reports.latestAnnual'),
    ],
    entries.map((e) => [
      dash(e.deadline),
      e.iso3,
      stateName(e.iso3, undefined, e.name),
      e.initial === null ? t('common:dash') : mark(e.initial.mark),
      dash(e.initial?.received),
      e.annual === null
        ? t('common:dash')
        : t('cli:reports.annualMark', { year: e.annual.covers, mark: mark(e.annual.mark) }),
    ]),
  );
}

function stateReportsText(s: StateReports): string {
  return formatTable(
    [
      t('cli:reports.report'),
      t('cli:deadlines.deadline'),
      t('cli:reports.received'),
      t('cli:deadlines.mark'),
      t('cli:reports.sources'),
    ],
    s.reports.map((l) => [
      period(l),
      dash(l.due),
      dash(l.received ?? l.notReceivedOn),
      mark(l.mark),
      l.sources.join(', '),
    ]),
  );
}

function reportsText(r: ReportsOnDate): string {
  const share = (n: number | null): string => (n === null ? t('common:dash') : `${Math.round(n * 100)}%`);
  return formatTable(
    [
      t('cli:reports.covers'),
      t('cli:deadlines.deadline'),
      t('cli:reports.required'),
      mark('on-time'),
      mark('late'),
      mark('overdue'),
      mark('not-recorded'),
      t('cli:reports.share'),
    ],
    r.annual.map((a) => [
      String(a.covers),
      a.due,
      String(a.required),
      String(a.onTime),
      String(a.late),
      String(a.overdue),
      String(a.notRecorded),
      share(a.shareOnTime),
    ]),
  );
}

export function registerReportingCommands(program: Command): void {
  program
    .command('reports')
    .description(t('cli:reports.description'))
    .argument('[ISO3]', t('cli:option.iso3'))
    .option('--as-of <YYYY-MM-DD>', t('cli:option.asOf'))
    .option('--json', t('cli:option.json'))
    .action(async (code: string | undefined, o: { asOf?: string; json?: boolean }) => {
      const asOf = asOfOption(o.asOf);
      if (code === undefined) {
        const all = await withEngine((engine, store) => reportsOn(store, engine, asOf));
        process.stdout.write(o.json ? `${JSON.stringify(all, null, 2)}\n` : `${reportsText(all)}\n`);
        return;
      }
      const iso3 = stateArgument(code);
      const one = await withEngine((engine, store) => reportsOf(store, engine, iso3, asOf));
      if (one === null) throw new UsageError(t('cli:usage.notInReference', { code }));
      process.stdout.write(o.json ? `${JSON.stringify(one, null, 2)}\n` : `${stateReportsText(one)}\n`);
    });
}
