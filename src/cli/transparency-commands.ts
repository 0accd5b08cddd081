import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { formatDate, formatNumber, t } from '../i18n/index.js';
import { figuresKnownOn } from '../transparency/editions.js';
import { buildFactSheet } from '../transparency/factsheet/build.js';
import { factSheetInputFromStore, planOn, plansOn } from '../transparency/service.js';
import { type IndicatorJson, NOT_COMPUTABLE_TEXT, type PlanAnswer } from '../transparency/plan-indicators.js';
import { withEngine } from './database.js';
import { factSheetHtml } from '../transparency/factsheet/html.js';
import { factSheetMarkdown } from '../transparency/factsheet/markdown.js';
import { figureJson } from '../transparency/figure-json.js';
import { asOfOption } from './args.js';
import { formatTable } from './table.js';

const FORMATS = ['html', 'pdf', 'md', 'json'] as const;
type Format = (typeof FORMATS)[number];

function formatOption(value: string | undefined): Format {
  const format = (value ?? 'md') as Format;
  if (!FORMATS.includes(format))
    throw new UsageError(t('cli:usage.oneOf', { option: '--format', value: value ?? '', choices: FORMATS.join(', ') }));
  return format;
}

function write(out: string | undefined, content: string | Buffer): void {
  if (out) writeFileSync(out, content);
  else process.stdout.write(content);
}

const EXTENT = {
  full: 'cli:plan.extent.full',
  partial: 'cli:plan.extent.partial',
  described: 'cli:plan.extent.described',
} as const;

function indicatorValue(i: IndicatorJson): string {
  if (i.why !== null) return t('cli:plan.notComputable', { why: t(NOT_COMPUTABLE_TEXT[i.why]) });
  if (i.value === null) return t('common:dash');
  return i.unit === 'share'
    ? formatNumber(i.value, { style: 'percent', maximumFractionDigits: 1 })
    : formatNumber(i.value);
}

/** The plan as text: its heading, the actions held with how much of their wording is the plan's, the indicators. */
function planText(p: PlanAnswer): string {
  const lines = [
    t('cli:plan.heading', { plan: p.plan, adopted: formatDate(p.adopted), meeting: p.meeting, period: p.period }),
    t(p.inForce ? 'cli:plan.inForce' : 'cli:plan.notInForce', { date: formatDate(p.asOf) }),
    '',
    p.actions.length === 0 ? t('cli:plan.actionsNone') : t('cli:plan.actionsHeading', { count: p.actions.length }),
  ];
  for (const a of p.actions) {
    const name = a.number === null ? t('cli:plan.actionUnnumbered') : t('cli:plan.action', { number: a.number });
    lines.push(`- ${name} [${t(EXTENT[a.extent])}; ${a.sources.join(', ')}]: ${a.text}`);
  }
  lines.push('', t('cli:plan.indicatorsHeading', { date: formatDate(p.asOf) }));
  const table = formatTable(
    [
      t('cli:plan.column.indicator'),
      t('cli:plan.column.value'),
      t('cli:plan.column.period'),
      t('cli:plan.column.sources'),
    ],
    p.indicators.map((i) => [
      i.text,
      indicatorValue(i),
      i.period ?? t('common:dash'),
      i.source.length === 0 ? t('common:dash') : t('cli:plan.sources', { count: i.source.length }),
    ]),
  );
  return `${lines.join('\n')}\n${table}\n`;
}

export function registerTransparencyCommands(program: Command): void {
  program
    .command('plan')
    .description(t('cli:plan.description'))
    .argument('[PLAN]', t('cli:plan.plan'))
    .option('--as-of <YYYY-MM-DD>', t('cli:plan.asOf'))
    .option('--json', t('cli:option.jsonPlain'))
    .action(async (name: string | undefined, o: { asOf?: string; json?: boolean }) => {
      const asOf = asOfOption(o.asOf);
      const answer = await withEngine((engine, store) => planOn(store, engine, asOf, name));
      if (answer === 'unknown')
        throw new UsageError(
          t('cli:plan.unknown', {
            plan: name ?? '',
            names: plansOn(asOf)
              .plans.map((p) => p.id)
              .join(', '),
          }),
        );
      if (answer === 'none') throw new UsageError(t('cli:plan.none', { date: formatDate(asOf) }));
      process.stdout.write(o.json ? `${JSON.stringify(answer, null, 2)}\n` : planText(answer));
    });

  program
    .command('factsheet')
    .description(t('cli:factsheet.description'))
    .option('--as-of <YYYY-MM-DD>', t('cli:factsheet.asOf'))
    .option('--format <html|pdf|md|json>', t('cli:factsheet.format'))
    .option('--out <FILE>', t('cli:factsheet.out'))
    .action(async (o: { asOf?: string; format?: string; out?: string }) => {
      const format = formatOption(o.format);
      if (format === 'pdf' && !o.out) throw new UsageError(t('cli:factsheet.pdfNeedsOut'));
      const asOf = asOfOption(o.asOf);
      const sheet = await withEngine(async (engine, store) =>
        buildFactSheet(await factSheetInputFromStore(store, engine, asOf)),
      );
      if (format === 'json') write(o.out, `${JSON.stringify(sheet, null, 2)}\n`);
      else if (format === 'md') write(o.out, factSheetMarkdown(sheet));
      else if (format === 'html') write(o.out, factSheetHtml(sheet));
      else {
        const { factSheetPdf } = await import('../transparency/factsheet/pdf.js'); // pdfmake: loaded only for PDFs
        write(o.out, await factSheetPdf(sheet));
      }
    });

  program
    .command('figures')
    .description(t('cli:figures.description'))
    .argument('[INDICATOR]', t('cli:figures.indicator'))
    .option('--as-of <YYYY-MM-DD>', t('cli:figures.asOf'))
    .option('--json', t('cli:option.jsonPlain'))
    .action(async (indicator: string | undefined, o: { asOf?: string; json?: boolean }) => {
      const asOf = asOfOption(o.asOf);
      const input = await withEngine((engine, store) => factSheetInputFromStore(store, engine, asOf));
      const known = figuresKnownOn(input.figures, input.asOf).filter(
        (f) => indicator === undefined || f.indicator === indicator,
      );
      if (indicator !== undefined && !input.figures.some((f) => f.indicator === indicator)) {
        const names = [...new Set(input.figures.map((f) => f.indicator))].sort();
        throw new UsageError(t('cli:figures.notIndicator', { indicator, names: names.join(', ') }));
      }
      const rows = known.map((f) => figureJson(f, input.sources));
      if (o.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      else {
        const table = formatTable(
          [
            t('cli:figures.column.indicator'),
            t('cli:figures.column.period'),
            t('cli:figures.column.value'),
            t('cli:figures.column.qualifier'),
            t('cli:figures.column.source'),
            t('cli:figures.column.published'),
          ],
          rows.map((r) => [
            r.id,
            r.period,
            String(r.value),
            r.qualifier,
            r.source.id,
            r.source.published ?? t('common:dash'),
          ]),
        );
        process.stdout.write(`${table}\n`);
      }
    });
}
