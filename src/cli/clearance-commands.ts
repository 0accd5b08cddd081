/**
 * The clearance pillar's commands: import and export hazard-area files, the summary for a State
 * on a date, and synthetic demo data. A refused import prints each problem on its own line and
 * exits with status 1 having written nothing.
 */
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { parseDate } from '../core/date.js';
import { DataError, UsageError } from '../core/errors.js';
import type { StateCode } from '../core/states.js';
import type { FileFormat, ImportPhase } from '../clearance/files/import.js';
import { ImportRejectedError, describeImportProblem } from '../clearance/files/problems.js';
import { shapeContains, stateShape } from '../clearance/files/state-shapes.js';
import type { ClearanceCounts } from '../clearance/model.js';
import { clearanceText } from '../clearance/summary-text.js';
import { cliSummary } from '../clearance/summary.js';
import { SYSTEM } from '../store/audit.js';
import { RejectedWriteError } from '../core/rejection.js';
import { asOfOption, stateArgument } from './args.js';
import { withEngine, withStore } from './database.js';

// The actions import the file formats, the geometry and the clearance store when they run
// (Turf, JSTS and GeoPackage take most of a second to load), so that --help stays fast.

/** A bar for large files only, and only where a person watches stderr. */
const PROGRESS_FROM = 1000;
/** Past this many warnings, the rest are counted, not printed. */
const SHOWN_WARNINGS = 20;

/** Ends the command with exit status 1 (main treats a DataError as refused input). */
class ImportFailed extends DataError {
  constructor(message: string) {
    super([]);
    this.message = message;
  }
}

function subcommand(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

function requiredState(value: string | undefined): StateCode {
  if (value === undefined)
    throw new UsageError('--state: expected the ISO 3166-1 alpha-3 code of a State (for example --state KHM)');
  return stateArgument(value);
}

function wholeNumber(option: string, value: string | undefined, min: number, max: number, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  const n = Number(value);
  if (value === undefined || !/^\d+$/.test(value) || n < min || n > max) {
    throw new UsageError(
      `${option} "${value ?? ''}": expected a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}`,
    );
  }
  return n;
}

const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
const countsText = (c: ClearanceCounts): string =>
  `${plural(c.hazardAreas, 'hazard area')}, ${plural(c.activities, 'activity', 'activities')}, ${plural(c.landReleases, 'land release')}, ${plural(c.devicesDestroyed, 'devices-destroyed record')}`;

function printNotes(label: string, notes: readonly string[], shown: number): void {
  for (const note of notes.slice(0, shown)) process.stderr.write(`${label}: ${note}\n`);
  if (notes.length > shown)
    process.stderr.write(`${label}: … and ${(notes.length - shown).toLocaleString('en')} more\n`);
}

function progressBar(): { update: (phase: ImportPhase, done: number, total: number) => void; stop: () => void } {
  let bar: SingleBar | null = null;
  return {
    update(phase, done, total) {
      if (total <= PROGRESS_FROM || !process.stderr.isTTY) return;
      if (bar === null) {
        bar = new SingleBar({
          stream: process.stderr,
          format: '{phase} [{bar}] {value}/{total} features',
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
  subcommand(program, 'import', 'import records from a file')
    .command('clearance')
    .description(
      'hazard areas, activities, land release and devices destroyed from GeoJSON, GeoPackage or CSV (by extension); all or nothing',
    )
    .argument('<FILE>', 'a .geojson, .json, .gpkg or .csv file')
    .requiredOption('--state <ISO3>', 'the State the records belong to')
    .action(async (file: string, o: { state?: string }) => {
      const { formatOfPath, importClearanceFile } = await import('../clearance/files/import.js');
      const iso3 = requiredState(o.state);
      if (formatOfPath(file) === null)
        throw new UsageError(
          `"${file}": expected a file ending .geojson, .json, .gpkg or .csv (the extension gives the format)`,
        );
      const bar = progressBar();
      try {
        const result = await withStore((store) =>
          importClearanceFile(store, file, iso3, SYSTEM, { onProgress: bar.update }),
        );
        bar.stop();
        printNotes('repaired', result.repairs, 5);
        printNotes('warning', result.warnings, SHOWN_WARNINGS);
        process.stdout.write(`Imported ${result.file} into ${iso3}: ${countsText(result.counts)}\n`);
      } catch (error) {
        bar.stop();
        if (!(error instanceof ImportRejectedError)) throw error;
        for (const problem of error.problems) process.stderr.write(`${describeImportProblem(problem)}\n`);
        throw new ImportFailed(error.message);
      }
    });
}

function registerExport(program: Command): void {
  subcommand(program, 'export', 'export records to a file')
    .command('clearance')
    .description("a State's clearance records as GeoJSON, GeoPackage or CSV (imports back as the same records)")
    .requiredOption('--state <ISO3>', 'the State')
    .option('--format <geojson|gpkg|csv>', 'the file format (default: from the extension of --out)')
    .requiredOption('--out <FILE>', 'the file to write (replaced if it exists)')
    .action(async (o: { state?: string; format?: string; out: string }) => {
      const { FILE_FORMATS, formatOfPath } = await import('../clearance/files/import.js');
      const { exportClearanceFile } = await import('../clearance/files/export.js');
      const iso3 = requiredState(o.state);
      const format = (o.format ?? formatOfPath(o.out)) as FileFormat | null;
      if (format === null || !FILE_FORMATS.includes(format))
        throw new UsageError(`--format "${o.format ?? ''}": expected one of ${FILE_FORMATS.join(', ')}`);
      const result = await withStore((store) => exportClearanceFile(store, iso3, format, o.out));
      process.stdout.write(
        `Wrote ${o.out}: ${countsText(result.counts)} of ${iso3}${result.synthetic ? ' (SYNTHETIC DEMO DATA)' : ''}\n`,
      );
    });
}

function registerSummary(program: Command): void {
  program
    .command('clearance')
    .description(
      'Article 5 clearance for a State: open areas, land released, devices destroyed, reconciliation, forecast against the deadline',
    )
    .argument('<ISO3>', 'ISO 3166-1 alpha-3 code, for example KHM')
    .option('--as-of <YYYY-MM-DD>', 'the date to answer for (default: today)')
    .option('--json', 'print JSON (shape in the README)')
    .action(async (code: string, o: { asOf?: string; json?: boolean }) => {
      const { clearanceSummary } = await import('../clearance/service.js');
      const iso3 = stateArgument(code);
      const asOf = asOfOption(o.asOf);
      const { summary, name } = await withEngine(async (engine, store) => ({
        summary: await clearanceSummary(store, engine, iso3, asOf),
        name: engine.state(iso3, asOf)?.name ?? iso3,
      }));
      process.stdout.write(
        o.json ? `${JSON.stringify(cliSummary(summary), null, 2)}\n` : `${clearanceText(summary, name)}\n`,
      );
    });
}

function registerDemo(program: Command): void {
  subcommand(program, 'demo', 'generate synthetic data for exploring and benchmarking')
    .command('clearance')
    .description("synthetic hazard areas inside a State's boundary with a release history, all flagged synthetic")
    .requiredOption('--state <ISO3>', 'the State')
    .option('--areas <N>', 'how many hazard areas (default 100)')
    .option('--seed <S>', 'the random seed: the same seed gives the same records (default 1)')
    .option('--as-of <YYYY-MM-DD>', 'the history runs up to this date (default: today)')
    .option('--delete', "delete the State's synthetic records instead (real records are never touched)")
    .action(async (o: { state?: string; areas?: string; seed?: string; asOf?: string; delete?: boolean }) => {
      const { deleteSyntheticRecords, saveClearanceRecords, storedAreaCounts } = await import('../clearance/store.js');
      const { demoRecords } = await import('../clearance/demo/demo.js');
      const iso3 = requiredState(o.state);
      if (o.delete) {
        const deleted = await withStore((store) => deleteSyntheticRecords(store, iso3, SYSTEM));
        process.stdout.write(
          `Deleted ${plural(deleted, 'synthetic hazard area')} of ${iso3}, with their activities, releases and devices\n`,
        );
        return;
      }
      const areas = wholeNumber('--areas', o.areas, 1, 1_000_000, 100);
      const seed = wholeNumber('--seed', o.seed, 0, 2 ** 32 - 1, 1);
      const asOf = parseDate(asOfOption(o.asOf));
      const shape = stateShape(iso3);
      if (shape === null)
        throw new UsageError(
          `--state ${iso3}: expected a State with a Natural Earth boundary at 1:50m (${iso3} has none)`,
        );
      const counts = await withStore(async (store) => {
        const stored = await storedAreaCounts(store, iso3);
        if (stored.real + stored.synthetic > 0) {
          const what =
            stored.real > 0
              ? `${plural(stored.real, 'real hazard area')}: demo data never mixes with real data`
              : `${plural(stored.synthetic, 'synthetic hazard area')}: remove them first with --delete`;
          throw new RejectedWriteError(
            'conflict',
            '--state',
            `a State with no hazard areas recorded (${iso3} has ${what})`,
          );
        }
        let records;
        try {
          records = demoRecords(shape, shapeContains(shape), { iso3, areas, seed, asOf });
        } catch (error) {
          throw new UsageError(`--areas ${areas}: ${error instanceof Error ? error.message : String(error)}`);
        }
        return saveClearanceRecords(store, iso3, records, SYSTEM, { origin: `minefree demo clearance --seed ${seed}` });
      });
      process.stdout.write(
        `Generated synthetic data for ${iso3} (seed ${seed}, up to ${asOf}): ${countsText(counts)}\n`,
      );
    });
}

export function registerClearanceCommands(program: Command): void {
  registerImport(program);
  registerExport(program);
  registerSummary(program);
  registerDemo(program);
}
