/**
 * Import and export of one State's ledger as a file (CSV or XLSX). An import replaces the State's
 * ledger with the file's, all or nothing: every row read and the whole ledger checked (kinds,
 * counts, dates, mine types, sources, against the treaty engine and the import's as-of date)
 * before anything is written; every problem names file, sheet, row and column.
 */
import type { CalendarDate } from '../../core/date.js';
import { DataError, type DataProblem } from '../../core/errors.js';
import type { StateCode } from '../../core/states.js';
import { loadSources } from '../../sources/store.js';
import type { Actor } from '../../store/audit.js';
import type { Store } from '../../store/database.js';
import type { TreatyEngine } from '../../treaty/status.js';
import type { StoredEntry } from '../model.js';
import { ledgerFromRows } from '../reference-rows.js';
import { loadLedger, replaceLedger } from '../store.js';
import { type LedgerFormat, LEDGER_FORMATS, formatOfName, ledgerFile, readLedgerRows } from './ledger-file.js';

/** An import refused: nothing was written. `problems` name file, sheet, row and column. */
export class LedgerImportRejected extends DataError {
  constructor(
    readonly file: string,
    problems: readonly DataProblem[],
  ) {
    super(problems);
    this.name = 'LedgerImportRejected';
  }
}

export interface LedgerImport {
  iso3: StateCode;
  file: string;
  format: LedgerFormat;
  /** Entries now in the State's ledger (the file's rows). */
  entries: number;
  /** Entries the file replaced. */
  replaced: number;
  stored: StoredEntry[];
}

const fileProblem = (file: string, expected: string, found: string | null): DataProblem => ({
  file,
  line: 1,
  column: null,
  field: null,
  expected,
  found,
});

/**
 * Reads `bytes` (a file named `file`) as the whole ledger of `iso3` and stores it in place of the
 * State's ledger; throws LedgerImportRejected with every problem, having written nothing.
 */
export async function importLedgerFile(
  store: Store,
  engine: TreatyEngine,
  iso3: StateCode,
  file: string,
  bytes: Buffer,
  actor: Actor,
  asOf: CalendarDate,
  format: LedgerFormat | null = formatOfName(file),
): Promise<LedgerImport> {
  if (format === null)
    throw new LedgerImportRejected(file, [
      fileProblem(file, `a file ending in ${LEDGER_FORMATS.map((f) => `.${f}`).join(' or ')}`, file),
    ]);
  let rows;
  try {
    rows = await readLedgerRows(bytes, file, format);
  } catch (error) {
    if (error instanceof DataError) throw new LedgerImportRejected(file, error.problems);
    throw error;
  }
  if (rows.length === 0)
    throw new LedgerImportRejected(file, [fileProblem(file, 'at least one ledger entry after the header', '')]);
  const problems: DataProblem[] = [];
  for (const row of rows) {
    const code = row.get('iso3');
    if (code !== iso3) problems.push(row.problem('iso3', `${iso3}, the State the ledger is imported for`));
  }
  const sources = await loadSources(store);
  const read = ledgerFromRows(rows, new Set(sources.keys()), { engine, asOf });
  problems.push(
    ...read.problems.filter(
      (p) => !(p.field === 'iso3' && problems.some((q) => q.line === p.line && q.field === 'iso3')),
    ),
  );
  if (problems.length > 0)
    throw new LedgerImportRejected(
      file,
      problems.sort((a, b) => a.line - b.line),
    );
  const entries = read.ledgers.get(iso3) ?? [];
  const { stored, replaced } = await replaceLedger(store, iso3, entries, actor);
  return { iso3, file, format, entries: stored.length, replaced, stored };
}

/** The State's ledger as stored, as a file of `format`. */
export async function exportLedgerFile(store: Store, iso3: StateCode, format: LedgerFormat): Promise<Buffer> {
  return ledgerFile(await loadLedger(store.db, iso3), format);
}
