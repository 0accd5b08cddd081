/** Article 7 reports on the command line: the marks beside `deadlines --article 7`, and `reports`. */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { CalendarDate } from '../core/date.js';
import { UsageError } from '../core/errors.js';
import { formatNumber, stateName, t } from '../i18n/index.js';
import { type Article7DeadlineEntry, withReportMarks } from '../reporting/deadlines.js';
import type {
  DraftCell,
  ReportDraft,
  ReportLine,
  ReportMark,
  ReportPeriod,
  ReportsOnDate,
  StateReports,
} from '../reporting/model.js';
import { DraftRefused, draftOf, reportsOf, reportsOn } from '../reporting/service.js';
import { FORM_TITLE, columnHeadingKey } from '../reporting/forms/headings.js';
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

const cellText = (cell: DraftCell | undefined): string => {
  if (cell === undefined) return t('common:dash');
  if (cell.origin === 'to-complete') return t('cli:reports.draft.toComplete');
  const value =
    cell.value === null ? t('common:dash') : typeof cell.value === 'number' ? formatNumber(cell.value) : cell.value;
  return cell.origin === 'edited' ? t('cli:reports.draft.edited', { value }) : value;
};

/** A draft as text: a title, then each form's rows under its column headings, cells to complete marked. */
export function draftText(d: ReportDraft): string {
  const lines = [
    t('cli:reports.draft.title', {
      name: stateName(d.iso3, undefined, d.name),
      iso3: d.iso3,
      report: period(d),
      from: dash(d.from),
      to: d.to,
      asOf: d.asOf,
    }),
  ];
  if (d.submittedOn !== null) lines.push(t('cli:reports.draft.submitted', { date: d.submittedOn }));
  if (d.previous !== null)
    lines.push(
      t('cli:reports.draft.changes', {
        count: d.changes.length,
        previous: period({ report: d.previous }),
      }),
    );
  for (const form of d.forms) {
    const headings = form.columns.map((c) => {
      const key = columnHeadingKey(c);
      return key === undefined ? c : t(key);
    });
    lines.push(
      '',
      t(FORM_TITLE[form.form]),
      formatTable(
        [t('common:article7.column.row'), ...headings],
        form.rows.map((row) => [row.key, ...form.columns.map((c) => cellText(row.cells[c]))]),
      ),
    );
  }
  lines.push('', t('cli:reports.draft.legend'));
  return lines.join('\n');
}

/** The report `--year` or `--initial` names: exactly one of the two. */
function reportOption(o: { year?: string; initial?: boolean }): ReportPeriod {
  if (o.initial === true && o.year === undefined) return 'initial';
  if (o.initial !== true && o.year !== undefined && /^\d{4}$/.test(o.year)) return Number(o.year);
  throw new UsageError(t('cli:report.whichReport', { value: o.year ?? '' }));
}

const FORMATS = ['text', 'json', 'pdf', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];

/** The draft in `format`: text and JSON as strings, PDF and XLSX as bytes (their libraries load only then). */
async function draftDocument(draft: ReportDraft, format: Format): Promise<string | Buffer> {
  switch (format) {
    case 'text':
      return `${draftText(draft)}\n`;
    case 'json':
      return `${JSON.stringify(draft, null, 2)}\n`;
    case 'pdf':
      return (await import('../reporting/documents/pdf.js')).reportDraftPdf(draft);
    case 'xlsx':
      return (await import('../reporting/documents/xlsx-export.js')).reportDraftXlsx(draft);
  }
}

interface ReportOptions {
  year?: string;
  initial?: boolean;
  asOf?: string;
  format?: string;
  json?: boolean;
  output?: string;
}

export function registerReportingCommands(program: Command): void {
  program
    .command('report')
    .description(t('cli:report.description'))
    .argument('<ISO3>', t('cli:option.iso3'))
    .option('--year <YYYY>', t('cli:report.year'))
    .option('--initial', t('cli:report.initial'))
    .option('--as-of <YYYY-MM-DD>', t('cli:option.asOf'))
    .option('--format <FORMAT>', t('cli:report.format', { formats: FORMATS.join(', ') }))
    .option('--json', t('cli:option.json'))
    .option('--output <FILE>', t('cli:report.output'))
    .action(async (code: string, o: ReportOptions) => {
      const asOf = asOfOption(o.asOf);
      const iso3 = stateArgument(code);
      const report = reportOption(o);
      const format = o.json === true ? 'json' : (o.format ?? 'text');
      if (!(FORMATS as readonly string[]).includes(format))
        throw new UsageError(t('cli:report.badFormat', { value: format, formats: FORMATS.join(', ') }));
      const binary = format === 'pdf' || format === 'xlsx';
      if (binary && o.output === undefined && process.stdout.isTTY)
        throw new UsageError(t('cli:report.outputNeeded', { format }));
      const draft = await withEngine(async (engine, store) => {
        try {
          return await draftOf(store, engine, iso3, report, asOf);
        } catch (error) {
          if (error instanceof DraftRefused)
            throw new UsageError(t('cli:reports.draft.refused', { field: error.field, expected: error.expected }));
          throw error;
        }
      });
      const document = await draftDocument(draft, format as Format);
      if (o.output === undefined) process.stdout.write(document);
      else {
        writeFileSync(o.output, document);
        process.stderr.write(`${t('cli:report.written', { file: o.output })}\n`);
      }
    });

  const reports = program.command('reports');
  reports
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
