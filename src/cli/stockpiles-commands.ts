/**
 * The stockpile pillar's commands: one State's stockpile ledger on a date, or the global view;
 * `import stockpiles FILE --state ISO3` and `export stockpiles ISO3 --format csv|xlsx`. The file
 * commands load the spreadsheet library only when they run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { describeProblem } from '../core/errors.js';
import { SYSTEM } from '../store/audit.js';
import type { Qualifier } from '../core/source.js';
import { UsageError } from '../core/errors.js';
import { formatInteger, formatList, stateName, t } from '../i18n/index.js';
import type { Article4State, GlobalStockpiles, StateStockpile } from '../stockpiles/model.js';
import { stockpileOf, stockpilesOn } from '../stockpiles/service.js';
import { asOfOption, stateArgument } from './args.js';
import { withEngine, withStore } from './database.js';
import { ImportFailed, subcommand } from './shared.js';
import { formatPairs } from './table.js';

interface ReadOptions {
  asOf?: string;
  json?: boolean;
}

const STATE = {
  'no-stockpile': 'cli:stockpiles.state.no-stockpile',
  met: 'cli:stockpiles.state.met',
  missed: 'cli:stockpiles.state.missed',
  open: 'cli:stockpiles.state.open',
  unknown: 'cli:stockpiles.state.unknown',
} as const satisfies Record<Article4State, string>;

const QUALIFIED = {
  exact: 'cli:stockpiles.qualified.exact',
  about: 'cli:stockpiles.qualified.about',
  'more than': 'cli:stockpiles.qualified.moreThan',
  'at least': 'cli:stockpiles.qualified.atLeast',
  almost: 'cli:stockpiles.qualified.almost',
} as const satisfies Record<Qualifier, string>;

const quantity = (n: number | null, qualifier: Qualifier = 'exact'): string =>
  n === null ? t('cli:stockpiles.unknownQuantity') : t(QUALIFIED[qualifier], { value: formatInteger(n) });
const lines = (items: readonly string[]): string => (items.length === 0 ? t('common:none') : items.join('\n'));
const indent = (text: string, width: number): string => text.replace(/\n/g, `\n${' '.repeat(width)}`);

export function stockpileText(s: StateStockpile): string {
  const deadline =
    s.deadline === null || s.state === null
      ? t('cli:stockpiles.notBound')
      : s.completed !== null
        ? t('cli:stockpiles.deadlineCompleted', {
            deadline: s.deadline,
            state: t(STATE[s.state]),
            completed: s.completed,
          })
        : t('cli:stockpiles.deadlineValue', { deadline: s.deadline, state: t(STATE[s.state]) });
  const pairs: [string, string][] = [
    [t('cli:stockpiles.deadline'), deadline],
    [
      t('cli:stockpiles.declared'),
      s.declared === null
        ? t('common:dash')
        : t('cli:stockpiles.declaredValue', {
            quantity: quantity(s.declared.quantity, s.declared.qualifier),
            date: s.declared.date,
            source: s.declared.source,
          }),
    ],
    [
      t('cli:stockpiles.remaining'),
      s.remaining === null
        ? t('common:dash')
        : s.remainingAsDeclared !== null
          ? t('cli:stockpiles.remainingAsDeclared', {
              quantity: quantity(s.remaining, s.declared?.qualifier ?? 'exact'),
              date: s.remainingAsDeclared,
            })
          : formatInteger(s.remaining),
    ],
    [
      t('cli:stockpiles.destroyed'),
      lines(
        s.destroyed.map((d) =>
          t('cli:stockpiles.destroyedValue', {
            date: d.from === null ? d.date : `${d.from}/${d.date}`,
            quantity: quantity(d.quantity, d.qualifier),
            type: d.type,
            source: d.source,
          }),
        ),
      ),
    ],
    [
      t('cli:stockpiles.transferred'),
      lines(
        s.transferred.map((x) =>
          t('cli:stockpiles.transferredValue', {
            date: x.date,
            quantity: quantity(x.quantity),
            recipient: x.recipient ?? t('common:dash'),
            source: x.source,
          }),
        ),
      ),
    ],
    [
      t('cli:stockpiles.found'),
      lines(
        s.foundAfterDeadline.map((f) =>
          t('cli:stockpiles.foundValue', {
            reported: f.reported,
            quantity: quantity(f.quantity),
            due: f.due,
            state: t(STATE[f.state]),
          }),
        ),
      ),
    ],
    [
      t('cli:stockpiles.retained'),
      lines(
        s.retained.map((r) =>
          t('cli:stockpiles.retainedValue', {
            year: r.year,
            held: formatInteger(r.held),
            consumed: r.consumed === null ? t('common:dash') : formatInteger(r.consumed),
            source: r.source,
          }),
        ),
      ),
    ],
  ];
  const width = Math.max(...pairs.map(([label]) => label.length)) + 2;
  const body = formatPairs(pairs.map(([label, value]) => [label, indent(value, width)] as const));
  const flag =
    s.retainedFlag === null
      ? []
      : ['', t('cli:stockpiles.retainedFlag', { ...s.retainedFlag, held: formatInteger(s.retainedFlag.held) })];
  return [
    t('cli:stockpiles.titleState', { name: stateName(s.iso3, undefined, s.name), iso3: s.iso3, date: s.asOf }),
    '',
    body,
    ...flag,
  ].join('\n');
}

export function globalStockpilesText(g: GlobalStockpiles): string {
  const codes = (list: readonly string[]): string => (list.length === 0 ? t('common:none') : formatList(list));
  const reported = g.reportedDestroyed;
  return [
    t('cli:stockpiles.titleGlobal', { date: g.asOf }),
    '',
    formatPairs([
      [t('cli:stockpiles.statesParties'), formatInteger(g.statesParties)],
      [t('cli:stockpiles.noStockpile'), formatInteger(g.noStockpile)],
      [t('cli:stockpiles.completed'), formatInteger(g.completed)],
      [t('cli:stockpiles.holding'), codes(g.holding)],
      [t('cli:stockpiles.missed'), codes(g.missed)],
      [t('cli:stockpiles.unknown'), formatInteger(g.unknown)],
      [t('cli:stockpiles.destroyedTotal'), formatInteger(g.destroyedTotal)],
      [
        t('cli:stockpiles.reported'),
        reported === null
          ? t('common:dash')
          : t('cli:stockpiles.reportedValue', {
              value: quantity(reported.value, reported.qualifier),
              period: reported.period,
              source: reported.source,
            }),
      ],
    ]),
  ].join('\n');
}

export function registerStockpilesCommands(program: Command): void {
  program
    .command('stockpiles')
    .description(t('cli:stockpiles.description'))
    .argument('[ISO3]', t('cli:option.iso3'))
    .option('--as-of <YYYY-MM-DD>', t('cli:option.asOf'))
    .option('--json', t('cli:option.json'))
    .action(async (code: string | undefined, o: ReadOptions) => {
      const asOf = asOfOption(o.asOf);
      if (code === undefined) {
        const global = await withEngine((engine, store) => stockpilesOn(store, engine, asOf));
        process.stdout.write(o.json ? `${JSON.stringify(global, null, 2)}\n` : `${globalStockpilesText(global)}\n`);
        return;
      }
      const iso3 = stateArgument(code);
      const answer = await withEngine((engine, store) => stockpileOf(store, engine, iso3, asOf));
      if (answer === null) throw new UsageError(t('cli:usage.notInReference', { code }));
      process.stdout.write(o.json ? `${JSON.stringify(answer, null, 2)}\n` : `${stockpileText(answer)}\n`);
    });
  registerFileCommands(program);
}

const FORMATS = ['csv', 'xlsx'] as const;

function registerFileCommands(program: Command): void {
  subcommand(program, 'import', t('cli:stockpiles.import.group'))
    .command('stockpiles')
    .description(t('cli:stockpiles.import.description'))
    .argument('<FILE>', t('cli:stockpiles.import.file'))
    .requiredOption('--state <ISO3>', t('cli:option.stateOf'))
    .option('--as-of <YYYY-MM-DD>', t('cli:stockpiles.import.asOf'))
    .action(async (file: string, o: { state: string; asOf?: string }) => {
      const { LedgerImportRejected, importLedgerFile } = await import('../stockpiles/files/import.js');
      const iso3 = stateArgument(o.state);
      const asOf = asOfOption(o.asOf);
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        throw new UsageError(t('cli:stockpiles.import.unreadable', { file }));
      }
      try {
        const result = await withEngine((engine, store) =>
          importLedgerFile(store, engine, iso3, basename(file), bytes, SYSTEM, asOf),
        );
        process.stdout.write(
          `${t('cli:stockpiles.import.done', { file: result.file, iso3, entries: result.entries, replaced: result.replaced })}\n`,
        );
      } catch (error) {
        if (!(error instanceof LedgerImportRejected)) throw error;
        for (const p of error.problems) process.stderr.write(`${describeProblem(p)}\n`);
        throw new ImportFailed(t('cli:stockpiles.import.rejected', { file: error.file, count: error.problems.length }));
      }
    });

  subcommand(program, 'export', t('cli:stockpiles.export.group'))
    .command('stockpiles')
    .description(t('cli:stockpiles.export.description'))
    .argument('<ISO3>', t('cli:option.iso3'))
    .option('--format <csv|xlsx>', t('cli:stockpiles.export.format'))
    .option('--out <FILE>', t('cli:stockpiles.export.out'))
    .action(async (code: string, o: { format?: string; out?: string }) => {
      const { exportLedgerFile } = await import('../stockpiles/files/import.js');
      const { formatOfName } = await import('../stockpiles/files/ledger-file.js');
      const iso3 = stateArgument(code);
      const format = o.format ?? (o.out === undefined ? 'csv' : formatOfName(o.out));
      if (format !== 'csv' && format !== 'xlsx')
        throw new UsageError(
          t('cli:usage.oneOf', { option: '--format', value: o.format ?? '', choices: FORMATS.join(', ') }),
        );
      if (format === 'xlsx' && o.out === undefined) throw new UsageError(t('cli:stockpiles.export.needsOut'));
      const bytes = await withStore((store) => exportLedgerFile(store, iso3, format));
      if (o.out === undefined) {
        process.stdout.write(bytes);
        return;
      }
      writeFileSync(o.out, bytes);
      process.stdout.write(`${t('cli:stockpiles.export.done', { file: o.out, iso3 })}\n`);
    });
}
