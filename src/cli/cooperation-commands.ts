/**
 * The cooperation pillar's commands: funding on a date (`minefree funding`) and the IATI import
 * (`minefree import iati FILE`). The actions load the pillar (and the XML parser) when they run.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { FundingAnswer, NeedsAnswer, QuotedFigure, Sector } from '../cooperation/model.js';
import type { Qualifier } from '../core/source.js';
import { UsageError } from '../core/errors.js';
import { type StateCode, isStateCode } from '../core/states.js';
import { formatNumber, stateName, t } from '../i18n/index.js';
import { SYSTEM } from '../store/audit.js';
import { asOfOption } from './args.js';
import { ImportFailed, subcommand } from './shared.js';
import { withStore } from './database.js';
import { formatPairs, formatTable } from './table.js';

interface FundingOptions {
  needs?: boolean;
  year?: string;
  donor?: string;
  recipient?: string;
  asOf?: string;
  json?: boolean;
}

const SECTOR = {
  'clearance-risk-education': 'cli:funding.sector.clearance-risk-education',
  'victim-assistance': 'cli:funding.sector.victim-assistance',
  'stockpile-destruction': 'cli:funding.sector.stockpile-destruction',
  'capacity-building': 'cli:funding.sector.capacity-building',
  advocacy: 'cli:funding.sector.advocacy',
  other: 'cli:funding.sector.other',
} as const satisfies Record<Sector, string>;

const usd = (n: number): string => t('cli:funding.usd', { amount: formatNumber(n, { maximumFractionDigits: 2 }) });

const QUALIFIED = {
  exact: 'cli:stockpiles.qualified.exact',
  about: 'cli:stockpiles.qualified.about',
  'more than': 'cli:stockpiles.qualified.moreThan',
  'at least': 'cli:stockpiles.qualified.atLeast',
  almost: 'cli:stockpiles.qualified.almost',
} as const satisfies Record<Qualifier, string>;

/** An amount of the answer: a reported one keeps its qualifier ("about US$352,000,000"); unknown is a dash. */
function amountOf(f: FundingAnswer, indicators: readonly string[], value: number | null): string {
  if (value === null) return t('common:dash');
  const quoted = f.reported.find((q) => indicators.includes(q.indicator) && q.unit === 'USD');
  return quoted ? t(QUALIFIED[quoted.qualifier], { value: usd(value) }) : usd(value);
}

/** One endnote per quoted figure: value, source, edition, publication day, the document it cites. */
function endnote(q: QuotedFigure): string {
  const value =
    q.unit === 'USD' ? usd(q.value) : q.unit === 'percent' ? `${formatNumber(q.value)}%` : formatNumber(q.value);
  return t('cli:funding.endnote', {
    indicator: q.indicator,
    value: t(QUALIFIED[q.qualifier], { value }),
    source: q.source,
    edition: q.edition ?? t('common:dash'),
    published: q.published ?? t('common:dash'),
    cited: q.citedDocument ? t('cli:funding.cites', { document: q.citedDocument }) : '',
  });
}
const percent = (share: number): string => formatNumber(share, { style: 'percent', maximumFractionDigits: 1 });
const lines = (items: readonly string[]): string => (items.length === 0 ? t('common:none') : items.join('\n'));

export function fundingText(f: FundingAnswer): string {
  if (f.year === null) return t('cli:funding.nothing', { date: f.asOf });
  const pairs: [string, string][] = [
    [t('cli:funding.total'), amountOf(f, ['total_support_usd'], f.total)],
    [t('cli:funding.international'), amountOf(f, ['international_support_usd'], f.international)],
    [t('cli:funding.national'), amountOf(f, ['national_support_usd', 'affected_states_self_funding_usd'], f.national)],
    [
      t('cli:funding.bySector'),
      lines(
        f.bySector.map((s) =>
          t('cli:funding.shareValue', {
            name: t(SECTOR[s.sector]),
            amount: s.amount === null ? t('common:dash') : usd(s.amount),
            share: percent(s.share),
          }),
        ),
      ),
    ],
    [
      t('cli:funding.topDonors'),
      lines(
        f.topDonors.map((d) =>
          t('cli:funding.shareValue', {
            name: isStateCode(d.donor) ? stateName(d.donor) : d.donor,
            amount: usd(d.amount),
            share: percent(d.share),
          }),
        ),
      ),
    ],
    [
      t('cli:funding.recipients'),
      lines(
        f.recipients.map((r) =>
          t('cli:funding.amountValue', {
            name: r.iso3 === null ? t('cli:funding.global') : stateName(r.iso3),
            amount: usd(r.amount),
          }),
        ),
      ),
    ],
    [t('cli:funding.sources'), f.source.join(', ') || t('common:dash')],
  ];
  if (f.basis === 'reported') pairs.push([t('cli:funding.reported'), lines(f.reported.map(endnote))]);
  const width = Math.max(...pairs.map(([label]) => label.length)) + 2;
  const body = formatPairs(
    pairs.map(([label, value]) => [label, value.replace(/\n/g, `\n${' '.repeat(width)}`)] as const),
  );
  const title = t(f.basis === 'reported' ? 'cli:funding.titleReported' : 'cli:funding.title', {
    year: f.year,
    date: f.asOf,
  });
  return [title, '', body].join('\n');
}

/** `minefree funding --needs`: one line per State and year. */
export function needsText(answer: NeedsAnswer): string {
  if (answer.rows.length === 0) return t('cli:funding.needs.nothing', { date: answer.asOf });
  const money = (n: number | null): string => (n === null ? t('common:dash') : usd(n));
  const table = formatTable(
    [
      t('cli:funding.needs.state'),
      t('cli:funding.needs.year'),
      t('cli:funding.needs.need'),
      t('cli:funding.needs.received'),
      t('cli:funding.national'),
      t('cli:funding.needs.gap'),
      t('cli:funding.needs.coverage'),
      t('cli:funding.needs.request'),
    ],
    answer.rows.map((r) => [
      r.iso3,
      String(r.year),
      money(r.need),
      usd(r.received),
      usd(r.national),
      money(r.gap),
      r.coverage === null ? t('common:dash') : percent(r.coverage),
      t('cli:funding.needs.requestValue', {
        submitted: r.request.submitted,
        source: r.request.source ?? t('common:dash'),
      }),
    ]),
  );
  return [t('cli:funding.needs.title', { date: answer.asOf }), '', table].join('\n');
}

function yearOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value))
    throw new UsageError(t('cli:usage.wholeNumber', { option: '--year', value, min: '1990', max: '9999' }));
  return Number(value);
}

function recipientOption(value: string | undefined): StateCode | 'global' | undefined {
  if (value === undefined) return undefined;
  if (value.toLowerCase() === 'global') return 'global';
  const upper = value.toUpperCase();
  if (!isStateCode(upper)) throw new UsageError(t('cli:funding.badRecipient', { value }));
  return upper;
}

function registerFunding(program: Command): void {
  program
    .command('funding')
    .description(t('cli:funding.description'))
    .option('--needs', t('cli:funding.needs.option'))
    .option('--year <YYYY>', t('cli:funding.year'))
    .option('--donor <ID>', t('cli:funding.donor'))
    .option('--recipient <ISO3|global>', t('cli:funding.recipient'))
    .option('--as-of <YYYY-MM-DD>', t('cli:option.asOf'))
    .option('--json', t('cli:option.jsonShape'))
    .action(async (o: FundingOptions) => {
      const { fundingOn, needsOn } = await import('../cooperation/service.js');
      if (o.needs) {
        const recipient = recipientOption(o.recipient);
        const needs = await withStore((store) =>
          needsOn(store, { asOf: asOfOption(o.asOf), iso3: recipient === 'global' ? undefined : recipient }),
        );
        process.stdout.write(o.json ? `${JSON.stringify(needs, null, 2)}\n` : `${needsText(needs)}\n`);
        return;
      }
      const filter = {
        asOf: asOfOption(o.asOf),
        year: yearOption(o.year),
        donor: o.donor,
        recipient: recipientOption(o.recipient),
      };
      const answer = await withStore((store) => fundingOn(store, filter));
      process.stdout.write(o.json ? `${JSON.stringify(answer, null, 2)}\n` : `${fundingText(answer)}\n`);
    });
}

function registerImport(program: Command): void {
  subcommand(program, 'import', t('cli:funding.import.group'))
    .command('iati')
    .description(t('cli:funding.import.description'))
    .argument('<FILE>', t('cli:funding.import.file'))
    .requiredOption('--source <ID>', t('cli:funding.import.source'))
    .option(
      '--rate <CUR:YEAR:RATE:SOURCE>',
      t('cli:funding.import.rate'),
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option('--as-of <YYYY-MM-DD>', t('cli:funding.import.asOf'))
    .action(async (file: string, o: { source: string; rate: string[]; asOf?: string }) => {
      const { importIati } = await import('../cooperation/service.js');
      const { IatiRejectedError, describeIatiProblem } = await import('../cooperation/files/iati.js');
      const { readRate } = await import('../cooperation/input.js');
      const rates = o.rate.map((text) => {
        const rate = readRate(text);
        if (rate === null) throw new UsageError(t('cli:funding.import.badRate', { value: text }));
        return rate;
      });
      let xml: string;
      try {
        xml = readFileSync(file, 'utf8');
      } catch {
        throw new UsageError(t('cli:funding.import.unreadable', { file }));
      }
      const options = { source: o.source, rates, asOf: asOfOption(o.asOf) };
      try {
        const result = await withStore((store) => importIati(store, xml, basename(file), options, SYSTEM));
        const w = result.written;
        const read = t('cli:funding.import.read', {
          file: result.file,
          activities: result.read.activities,
          kept: result.read.kept,
          transactions: result.read.transactions,
          other: Object.values(result.read.otherTypes).reduce((a, b) => a + b, 0) + result.read.otherRecipients,
        });
        process.stdout.write(`${read}\n`);
        process.stdout.write(
          `${
            w === null
              ? t('cli:funding.import.nothing')
              : t('cli:funding.import.done', {
                  added: w.added,
                  replaced: w.replaced,
                  unchanged: w.unchanged,
                  flows: w.flowsAdded,
                  removed: w.flowsRemoved,
                  doubleCounted: w.doubleCounted.length,
                })
          }\n`,
        );
      } catch (error) {
        if (!(error instanceof IatiRejectedError)) throw error;
        for (const problem of error.problems) process.stderr.write(`${describeIatiProblem(problem)}\n`);
        throw new ImportFailed(t('cli:funding.import.refused', { file, count: error.problems.length }));
      }
    });
}

export function registerCooperationCommands(program: Command): void {
  registerFunding(program);
  registerImport(program);
}
