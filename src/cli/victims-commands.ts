/**
 * The victim assistance pillar's commands: the public view on a date (`minefree victims [ISO3]`),
 * the casualty import (`minefree import casualties FILE --state ISO3`) and synthetic demo records
 * (`minefree demo casualties --state ISO3 --records N`). The actions load the pillar when they run.
 */
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { formatInteger, stateName, t } from '../i18n/index.js';
import { SYSTEM } from '../store/audit.js';
import type {
  GlobalVictimsAnswer,
  MechanismType,
  PlanState,
  PublishedCount,
  SeriesYear,
  StateVictimsAnswer,
} from '../victims/model.js';
import { asOfOption, stateArgument } from './args.js';
import { withStore } from './database.js';
import { ImportFailed, subcommand } from './shared.js';
import { formatPairs, formatTable } from './table.js';

const PLAN_STATE = {
  'in-force': 'cli:victims.planState.in-force',
  expired: 'cli:victims.planState.expired',
  none: 'cli:victims.planState.none',
} as const satisfies Record<PlanState, string>;
const MECHANISM = {
  'victim-assistance': 'cli:victims.mechanismType.victim-assistance',
  disability: 'cli:victims.mechanismType.disability',
} as const satisfies Record<MechanismType, string>;
const PHASE = {
  reading: 'cli:victims.import.reading',
  writing: 'cli:victims.import.writing',
} as const;

/** Problems printed before the rest are only counted. */
const SHOWN_PROBLEMS = 20;

const yesNo = (b: boolean | null): string =>
  b === null ? t('cli:victims.unknown') : b ? t('cli:victims.yes') : t('cli:victims.no');
const cell = (n: number | null): string => (n === null ? t('cli:victims.withheld') : formatInteger(n));

function published(p: PublishedCount | null): string {
  return p === null
    ? t('cli:victims.notPublished')
    : t('cli:victims.publishedValue', { value: formatInteger(p.value), period: p.period, source: p.source });
}

/** The published totals (latest edition) beside the recorded totals, with the difference. */
function seriesLines(series: readonly SeriesYear[], synthetic: boolean): string[] {
  const dash = t('common:dash');
  return [
    `${t('cli:victims.series')}${synthetic ? ` (${t('cli:victims.synthetic')})` : ''}:`,
    formatTable(
      [
        t('cli:victims.year'),
        t('cli:victims.published'),
        t('cli:victims.edition'),
        t('cli:victims.recorded'),
        t('cli:victims.difference'),
      ],
      series.map((y) => [
        String(y.year),
        y.published === null ? dash : formatInteger(y.published.value),
        y.published === null ? dash : (y.published.edition ?? y.published.source),
        y.recorded === null ? (y.suppressed ? t('cli:victims.withheld') : dash) : formatInteger(y.recorded),
        y.difference === null ? dash : formatInteger(y.difference),
      ]),
    ),
  ];
}

export function globalVictimsText(a: GlobalVictimsAnswer): string {
  const count = (computed: number, p: PublishedCount | null): string =>
    t('cli:victims.countValue', { computed: formatInteger(computed), published: published(p) });
  const pairs: [string, string][] = [
    [t('cli:victims.significant'), count(a.counts.significantNumberOfVictims, a.published.significantNumberOfVictims)],
    [t('cli:victims.withMechanism'), count(a.counts.withCoordinationMechanism, a.published.withCoordinationMechanism)],
    [t('cli:victims.withPlan'), count(a.counts.withPlanInForce, a.published.withPlanInForce)],
    [t('cli:victims.withSurvivors'), count(a.counts.withSurvivorParticipation, a.published.withSurvivorParticipation)],
  ];
  const states = a.states.map((s) =>
    t('cli:victims.stateLine', {
      name: stateName(s.iso3),
      iso3: s.iso3,
      mechanism: yesNo(s.coordination),
      plan: s.planState === null ? t('cli:victims.unknown') : t(PLAN_STATE[s.planState]),
      survivors: yesNo(s.survivorParticipation),
    }),
  );
  return [
    t('cli:victims.globalTitle', { date: a.asOf }),
    '',
    formatPairs(pairs),
    '',
    `${t('cli:victims.states')}:`,
    ...(states.length === 0 ? [t('common:none')] : states),
    ...(a.series.length === 0 ? [] : ['', ...seriesLines(a.series, a.synthetic)]),
  ].join('\n');
}

export function stateVictimsText(a: StateVictimsAnswer): string {
  const pairs: [string, string][] = [
    [t('cli:victims.significantValue'), yesNo(a.significantNumberOfVictims)],
    [
      t('cli:victims.coordination'),
      a.coordination === null
        ? t('cli:victims.unknown')
        : a.coordination.type === 'none'
          ? t('cli:victims.coordinationNone')
          : t('cli:victims.coordinationValue', {
              type: t(MECHANISM[a.coordination.type]),
              since: a.coordination.since ?? t('common:dash'),
            }),
    ],
    [
      t('cli:victims.plan'),
      a.plan === null
        ? t('cli:victims.unknown')
        : a.plan.title === null
          ? t('cli:victims.planNone')
          : t('cli:victims.planValue', {
              title: a.plan.title,
              from: a.plan.from ?? t('common:dash'),
              to: a.plan.to ?? t('common:dash'),
              state: t(PLAN_STATE[a.plan.state]),
            }),
    ],
    [t('cli:victims.survivors'), yesNo(a.survivorParticipation)],
  ];
  const lines = [
    t('cli:victims.stateTitle', { name: stateName(a.iso3), iso3: a.iso3, date: a.asOf }),
    '',
    formatPairs(pairs),
    '',
  ];
  lines.push(`${t('cli:victims.casualties')}${a.synthetic ? ` (${t('cli:victims.synthetic')})` : ''}:`);
  if (a.casualties.length === 0) lines.push(t('cli:victims.noRecords'));
  else {
    lines.push(
      formatTable(
        [t('cli:victims.year'), t('cli:victims.killed'), t('cli:victims.injured'), t('cli:victims.total')],
        a.casualties.map((c) => [String(c.year), cell(c.killed), cell(c.injured), cell(c.total)]),
      ),
    );
    if (a.casualties.some((c) => c.suppressed)) lines.push(t('cli:victims.withheldNote'));
  }
  if (a.series.some((y) => y.published !== null)) lines.push('', ...seriesLines(a.series, a.synthetic));
  return lines.join('\n');
}

function registerVictims(program: Command): void {
  program
    .command('victims')
    .description(t('cli:victims.description'))
    .argument('[ISO3]', t('cli:victims.state'))
    .option('--as-of <YYYY-MM-DD>', t('cli:option.asOf'))
    .option('--json', t('cli:option.jsonShape'))
    .action(async (state: string | undefined, o: { asOf?: string; json?: boolean }) => {
      const { globalVictims, stateVictims } = await import('../victims/service.js');
      const asOf = asOfOption(o.asOf);
      if (state === undefined) {
        const answer = await withStore((store) => globalVictims(store, asOf));
        process.stdout.write(o.json ? `${JSON.stringify(answer, null, 2)}\n` : `${globalVictimsText(answer)}\n`);
        return;
      }
      const iso3 = stateArgument(state);
      const answer = await withStore((store) => stateVictims(store, iso3, asOf));
      process.stdout.write(o.json ? `${JSON.stringify(answer, null, 2)}\n` : `${stateVictimsText(answer)}\n`);
    });
}

function requiredState(value: string | undefined) {
  if (value === undefined) throw new UsageError(t('cli:usage.stateOption'));
  return stateArgument(value);
}

function wholeNumber(option: string, value: string | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new UsageError(
      t('cli:usage.wholeNumber', { option, value, min: formatInteger(min), max: formatInteger(max) }),
    );
  return n;
}

function registerImport(program: Command): void {
  subcommand(program, 'import', t('cli:funding.import.group'))
    .command('casualties')
    .description(t('cli:victims.import.description'))
    .argument('<FILE>', t('cli:victims.import.file'))
    .requiredOption('--state <ISO3>', t('cli:option.stateOf'))
    .action(async (file: string, o: { state?: string }) => {
      const { casualtyFormatOf, importCasualtyFile } = await import('../victims/files/import.js');
      const { CasualtyImportError, describeImportProblem } = await import('../victims/files/read.js');
      const { today } = await import('../core/date.js');
      const iso3 = requiredState(o.state);
      if (casualtyFormatOf(file) === null) throw new UsageError(t('cli:victims.import.badExtension', { file }));
      const tty = process.stderr.isTTY;
      const progress = (phase: 'reading' | 'writing', done: number): void => {
        if (!tty) return;
        const line = t('cli:victims.import.progress', {
          phase: t(PHASE[phase]),
          done: formatInteger(done),
        });
        process.stderr.write(`\r${line}\u001b[K`);
      };
      try {
        const result = await withStore((store) =>
          importCasualtyFile(store, file, { state: iso3, today: today(), onProgress: progress }, SYSTEM),
        );
        if (tty) process.stderr.write('\r\u001b[K');
        process.stdout.write(
          `${t('cli:victims.import.done', { file: result.file, added: formatInteger(result.added), iso3 })}\n`,
        );
      } catch (error) {
        if (tty) process.stderr.write('\r\u001b[K');
        if (!(error instanceof CasualtyImportError)) throw error;
        const shown = error.problems.slice(0, SHOWN_PROBLEMS);
        for (const problem of shown) process.stderr.write(`${describeImportProblem(problem)}\n`);
        throw new ImportFailed(t('cli:victims.import.refused', { file, count: error.count, shown: shown.length }));
      }
    });
}

function registerDemo(program: Command): void {
  subcommand(program, 'demo', t('cli:clearance.demo.group'))
    .command('casualties')
    .description(t('cli:victims.demo.description'))
    .requiredOption('--state <ISO3>', t('cli:option.state'))
    .option('--records <N>', t('cli:victims.demo.records'))
    .option('--seed <S>', t('cli:victims.demo.seed'))
    .option('--delete', t('cli:victims.demo.delete'))
    .action(async (o: { state?: string; records?: string; seed?: string; delete?: boolean }) => {
      const { addRecords, deleteSynthetic } = await import('../victims/store.js');
      const { demoCasualties } = await import('../victims/demo/demo.js');
      const { today } = await import('../core/date.js');
      const iso3 = requiredState(o.state);
      if (o.delete) {
        const count = await withStore((store) => deleteSynthetic(store, iso3, SYSTEM));
        process.stdout.write(`${t('cli:victims.demo.deleted', { count, iso3 })}\n`);
        return;
      }
      const n = wholeNumber('--records', o.records, 1, 2_000_000, 1000);
      const seed = wholeNumber('--seed', o.seed, 0, 2 ** 32 - 1, 1);
      const day = today();
      const written = await withStore((store) =>
        addRecords(store, iso3, demoCasualties(iso3, n, day, seed), [], SYSTEM, { recorded: day, source: 'demo' }),
      );
      process.stdout.write(`${t('cli:victims.demo.done', { count: written.added, iso3 })}\n`);
    });
}

export function registerVictimsCommands(program: Command): void {
  registerVictims(program);
  registerImport(program);
  registerDemo(program);
}
