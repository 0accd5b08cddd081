/** The stockpile ledger shipped in data/ (stockpile_ledger.csv), read and checked (all problems at once). */
import { join } from 'node:path';
import { readCsv } from '../core/csv.js';
import { DEFAULT_DATA_DIR } from '../core/data-dir.js';
import { DataError } from '../core/errors.js';
import type { SourceId } from '../core/source.js';
import type { StateCode } from '../core/states.js';
import type { Source } from '../sources/model.js';
import type { TreatyEngine } from '../treaty/status.js';
import type { LedgerEntry } from './model.js';
import { LEDGER_COLUMNS, ledgerFromRows } from './reference-rows.js';

export const LEDGER_FILE = 'stockpile_ledger.csv';

export function loadLedgers(
  sources: ReadonlyMap<SourceId, Source>,
  engine: TreatyEngine,
  dir: string = DEFAULT_DATA_DIR,
): Map<StateCode, LedgerEntry[]> {
  const rows = readCsv(join(dir, LEDGER_FILE), LEDGER_FILE, LEDGER_COLUMNS);
  const { ledgers, problems } = ledgerFromRows(rows, new Set(sources.keys()), { engine });
  if (problems.length > 0) throw new DataError(problems);
  return ledgers;
}
