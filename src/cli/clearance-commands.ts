/**
 * The clearance pillar's commands: import and export hazard-area files, the summary for a State
 * on a date, and synthetic demo data. A refused import prints each problem on its own line and
 * exits with status 1 having written nothing.
 */
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { parseDate } from '../core/date.js';
import { UsageError } from '../core/errors.js';
import type { StateCode } from '../core/states.js';
import type { FileFormat, ImportPhase } from '../clearance/files/import.js';
import { ImportRejectedError, describeImportProblem } from '../clearance/files/problems.js';
import { shapeContains, stateShape } from '../clearance/files/state-shapes.js';
import type { ClearanceCounts } from '../clearance/model.js';
import { clearanceText } from '../clearance/summary-text.js';
import { cliSummary } from '../clearance/summary.js';
import { formatNumber, stateName, t } from '../i18n/index.js';
import { SYSTEM } from '../store/audit.js';
import { RejectedWriteError } from '../core/rejection.js';
import { asOfOption, stateArgument } from './args.js';
import { ImportFailed, subcommand } from './shared.js';
import { withEngine, withStore } from './database.js';

// The actions import the file formats, the geometry and the clearance store when they run
// (Turf, JSTS and GeoPackage take most of a second to load), so that --help stays fast.

/** A bar for large files only, and only where a person watches stderr. */
const PROGRESS_FROM = 1000;
/** Past this many warnings, the rest are counted, not printed. */
const SHOWN_WARNINGS = 20;

function requiredState(value: string | undefined): StateCode {
  if (value === undefined) throw new UsageError(t('cli:usage.stateOption'));
  return stateArgument(value);
}

function wholeNumber(option: string, value: string | undefined, min: number, max: number, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  const n = Number(value);
  if (value === undefined || !/^\d+$/.test(value) || n < min || n > max) {
    throw new UsageError(
      t('cli:usage.wholeNumber', { option, value: value ?? '', min: formatNumber(min), max: formatNumber(max) }),
    );
  }
  return n;
}

const countsText = (c: ClearanceCounts): string =>
  t('cli:clearance.counts', {
    hazardAreas: t('cli:clearance.hazardAreas', { count: c.hazardAreas }),
    activities: t('cli:clearance.activities', { count: c.activities }),
    landReleases: t('cli:clearance.landReleases', { count: c.landReleases }),
    devices: t('cli:clearance.devicesRecords', { count: c.devicesDestroyed }),
  });

function printNotes(label: string, notes: readonly string[], shown: number): void {
  for (const note of notes.slice(0, shown)) process.stderr.write(`${t('cli:clearance.note', { label, note })}\n`);
  if (notes.length > shown)
    process.stderr.write(`${t('cli:clearance.more', { label, count: notes.length - shown })}\n`);
}

function progressBar(): { update: (phase: ImportPhase, done: number, total: number) => void; stop: () => void } {
  let bar: SingleBar | null = null;
  return {
    update(phase, done, total) {
      if (total <= PROGRESS_FROM || !process.stderr.isTTY) return;
      if (bar === null) {
        bar = new SingleBar({
          stream: process.stderr,
          format: t('cli:clearance.progress'),
          hideCursor: true,
          clearOnComplete: true,
        });
        bar.start(total, done, { phase });
      } else bar.update(done, { phase });
    },
    stop: () => bar?.stop(),
  };
}

function registerImport(program: Command): void {
  subcommand(program, 'import', t('cli:clearance.import.group'))
    .command('clearance')
    .description(t('cli:clearance.import.description'))
    .argument('<FILE>', t('cli:clearance.import.file'))
    .requiredOption('--state <ISO3>', t('cli:option.stateOf'))
    .action(async (file: string, o: { state?: string }) => {
      const { formatOfPath, importClearanceFile } = await import('../clearance/files/import.js');
      const iso3 = requiredState(o.state);
      if (formatOfPath(file) === null) throw new UsageError(t('cli:clearance.import.badExtension', { file }));
      const bar = progressBar();
      try {
        const result = await withStore((store) =>
          importClearanceFile(store, file, iso3, SYSTEM, { onProgress: bar.update }),
        );
        bar.stop();
        printNotes(t('cli:clearance.repaired'), result.repairs, 5);
        printNotes(t('cli:clearance.warning'), result.warnings, SHOWN_WARNINGS);
        process.stdout.write(
          `${t('cli:clearance.import.done', { file: result.file, iso3, counts: countsText(result.counts) })}\n`,
        );
      } catch (error) {
        bar.stop();
        if (!(error instanceof ImportRejectedError)) throw error;
        for (const problem of error.problems) process.stderr.write(`${describeImportProblem(problem)}\n`);
        throw new ImportFailed(error.message);
      }
    });
}

function registerExport(program: Command): void {
  subcommand(program, 'export', t('cli:clearance.export.group'))
    .command('clearance')
    .description(t('cli:clearance.export.description'))
    .requiredOption('--state <ISO3>', t('cli:option.state'))
    .option('--format <geojson|gpkg|csv>', t('cli:clearance.export.format'))
    .requiredOption('--out <FILE>', t('cli:clearance.export.out'))
    .action(async (o: { state?: string; format?: string; out: string }) => {
      const { FILE_FORMATS, formatOfPath } = await import('../clearance/files/import.js');
      const { exportClearanceFile } = await import('../clearance/files/export.js');
      const iso3 = requiredState(o.state);
      const format = (o.format ?? formatOfPath(o.out)) as FileFormat | null;
      if (format === null || !FILE_FORMATS.includes(format))
        throw new UsageError(
          t('cli:usage.oneOf', { option: '--format', value: o.format ?? '', choices: FILE_FORMATS.join(', ') }),
        );
      const result = await withStore((store) => exportClearanceFile(store, iso3, format, o.out));
      process.stdout.write(
        `${t('cli:clearance.export.done', { file: o.out, counts: countsText(result.counts), iso3, synthetic: result.synthetic ? t('common:synthetic') : '' })}\n`,
      );
    });
}

function registerSummary(program: Command): void {
  program
    .command('clearance')
    .description(t('cli:clearance.summary.description'))
    .argument('<ISO3>', t('cli:option.iso3'))
    .option('--as-of <YYYY-MM-DD>', t('cli:option.asOf'))
    .option('--json', t('cli:option.jsonShape'))
    .action(async (code: string, o: { asOf?: string; json?: boolean }) => {
      const { clearanceSummary } = await import('../clearance/service.js');
      const iso3 = stateArgument(code);
      const asOf = asOfOption(o.asOf);
      const { summary, name } = await withEngine(async (engine, store) => ({
        summary: await clearanceSummary(store, engine, iso3, asOf),
        name: stateName(iso3, undefined, engine.state(iso3, asOf)?.name ?? iso3),
      }));
      process.stdout.write(
        o.json ? `${JSON.stringify(cliSummary(summary), null, 2)}\n` : `${clearanceText(summary, name)}\n`,
      );
    });
}

function registerDemo(program: Command): void {
  subcommand(program, 'demo', t('cli:clearance.demo.group'))
    .command('clearance')
    .description(t('cli:clearance.demo.description'))
    .requiredOption('--state <ISO3>', t('cli:option.state'))
    .option('--areas <N>', t('cli:clearance.demo.areas'))
    .option('--seed <S>', t('cli:clearance.demo.seed'))
    .option('--as-of <YYYY-MM-DD>', t('cli:clearance.demo.asOf'))
    .option('--delete', t('cli:clearance.demo.delete'))
    .action(async (o: { state?: string; areas?: string; seed?: string; asOf?: string; delete?: boolean }) => {
      const { deleteSyntheticRecords, saveClearanceRecords, storedAreaCounts } = await import('../clearance/store.js');
      const { demoRecords } = await import('../clearance/demo/demo.js');
      const iso3 = requiredState(o.state);
      if (o.delete) {
        const deleted = await withStore((store) => deleteSyntheticRecords(store, iso3, SYSTEM));
        process.stdout.write(
          `${t('cli:clearance.demo.deleted', { areas: t('cli:clearance.demo.syntheticAreas', { count: deleted }), iso3 })}\n`,
        );
        return;
      }
      const areas = wholeNumber('--areas', o.areas, 1, 1_000_000, 100);
      const seed = wholeNumber('--seed', o.seed, 0, 2 ** 32 - 1, 1);
      const asOf = parseDate(asOfOption(o.asOf));
      const shape = stateShape(iso3);
      if (shape === null) throw new UsageError(t('cli:clearance.demo.noShape', { iso3 }));
      const counts = await withStore(async (store) => {
        const stored = await storedAreaCounts(store, iso3);
        if (stored.real + stored.synthetic > 0) {
          const what =
            stored.real > 0
              ? t('cli:clearance.demo.hasReal', { areas: t('cli:clearance.demo.realAreas', { count: stored.real }) })
              : t('cli:clearance.demo.hasSynthetic', {
                  areas: t('cli:clearance.demo.syntheticAreas', { count: stored.synthetic }),
                });
          throw new RejectedWriteError('conflict', '--state', t('cli:clearance.demo.notEmpty', { iso3, what }));
        }
        let records;
        try {
          records = demoRecords(shape, shapeContains(shape), { iso3, areas, seed, asOf });
        } catch (error) {
          throw new UsageError(
            t('cli:clearance.demo.badAreas', {
              areas,
              message: error instanceof Error ? error.message : String(error),
            }),
          );
        }
        return saveClearanceRecords(store, iso3, records, SYSTEM, { origin: `minefree demo clearance --seed ${seed}` });
      });
      process.stdout.write(`${t('cli:clearance.demo.done', { iso3, seed, date: asOf, counts: countsText(counts) })}\n`);
    });
}

export function registerClearanceCommands(program: Command): void {
  registerImport(program);
  registerExport(program);
  registerSummary(program);
  registerDemo(program);
}
