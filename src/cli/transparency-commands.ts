import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { t } from '../i18n/index.js';
import { figuresKnownOn } from '../transparency/editions.js';
import { buildFactSheet } from '../transparency/factsheet/build.js';
import { factSheetInputFromStore } from '../transparency/service.js';
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

export function registerTransparencyCommands(program: Command): void {
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
