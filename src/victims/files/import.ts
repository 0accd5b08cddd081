/**
 * `minefree import casualties FILE --state ISO3` and the import route: a CSV or XLSX file of one
 * State's casualty records, all or nothing. The rows are read and checked in batches that are
 * written as they come, in one transaction with one audit row; a problem in any row rolls it back.
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { CalendarDate } from '../../core/date.js';
import { RejectedWriteError } from '../../core/rejection.js';
import type { StateCode } from '../../core/states.js';
import type { Actor } from '../../store/audit.js';
import type { Store } from '../../store/database.js';
import { type RecordsWritten, addRecordStream } from '../store.js';
import {
  type CasualtyBatches,
  CasualtyImportError,
  type ReadRecords,
  casualtyCsvBatches,
  casualtyXlsxBatches,
  collect,
} from './read.js';
import { ProblemsFound, readInWorker } from './worker-read.js';

export const CASUALTY_FORMATS = ['csv', 'xlsx'] as const;
export type CasualtyFormat = (typeof CASUALTY_FORMATS)[number];

export function casualtyFormatOf(path: string): CasualtyFormat | null {
  const ext = extname(path).toLowerCase();
  return ext === '.csv' ? 'csv' : ext === '.xlsx' ? 'xlsx' : null;
}

export type CasualtyPhase = 'reading' | 'writing';

export interface CasualtyImportOptions {
  state: StateCode;
  /** Today: no incident after it; the day the records are stored. */
  today: CalendarDate;
  synthetic?: boolean;
  onProgress?: (phase: CasualtyPhase, done: number) => void;
  /**
   * Read and check in a worker thread while this one writes (worker-read.ts). Default: for a file
   * of WORKER_BYTES or more (MINEFREE_IMPORT_WORKER_BYTES overrides), where the thread's start pays.
   */
  worker?: boolean;
}

/** About 20,000 rows: below this, the in-thread read is as fast as starting a worker. */
export const WORKER_BYTES = 2_000_000;
const workerBytes = (): number => Number(process.env.MINEFREE_IMPORT_WORKER_BYTES ?? WORKER_BYTES);

export interface CasualtyImportResult extends RecordsWritten {
  file: string;
  sheet: string | null;
}

function batchesOf(
  data: Buffer | string,
  file: string,
  format: CasualtyFormat,
  options: CasualtyImportOptions,
): Promise<CasualtyBatches> | CasualtyBatches {
  const read = {
    state: options.state,
    today: options.today,
    synthetic: options.synthetic ?? false,
    onProgress: (done: number) => options.onProgress?.('reading', done),
  };
  if (format === 'csv') return casualtyCsvBatches(typeof data === 'string' ? data : data.toString('utf8'), file, read);
  return casualtyXlsxBatches(typeof data === 'string' ? Buffer.from(data) : data, file, read);
}

/** Reads and checks a file's content (nothing written). */
export async function readCasualties(
  data: Buffer | string,
  file: string,
  format: CasualtyFormat,
  options: CasualtyImportOptions,
): Promise<ReadRecords> {
  return collect(await batchesOf(data, file, format, options));
}

/**
 * Imports a file's content, all or nothing: the records are written in one transaction while the
 * file is read and checked, and a problem anywhere in it rolls the whole transaction back. A
 * record the database refuses (an id already stored) is named by its row.
 */
export async function importCasualties(
  store: Store,
  data: Buffer | string,
  file: string,
  format: CasualtyFormat,
  options: CasualtyImportOptions,
  actor: Actor,
): Promise<CasualtyImportResult> {
  if (options.worker ?? data.length >= workerBytes()) return importInWorker(store, data, file, format, options, actor);
  const read = await batchesOf(data, file, format, options);
  const where = (id: string): string => recordPlace(file, read.sheet, read.rowOf(id));
  try {
    const written = await addRecordStream(
      store,
      options.state,
      { synthetic: options.synthetic ?? false, batches: read.batches, ids: read.ids, name: where },
      actor,
      { recorded: options.today, source: file },
    );
    options.onProgress?.('writing', written.added);
    return { ...written, file, sheet: read.sheet };
  } catch (error) {
    throw namedRefusal(error, file, read.sheet);
  }
}

/** The same import with the file read and checked in a worker thread, this one only writing. */
async function importInWorker(
  store: Store,
  data: Buffer | string,
  file: string,
  format: CasualtyFormat,
  options: CasualtyImportOptions,
  actor: Actor,
): Promise<CasualtyImportResult> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const read = readInWorker(
    {
      data: bytes,
      file,
      format,
      state: options.state,
      today: options.today,
      recorded: options.today,
      synthetic: options.synthetic ?? false,
    },
    store.bulkChunk,
    (done) => options.onProgress?.('reading', done),
  );
  const where = (id: string): string => recordPlace(file, read.sheet(), read.rowOf(id));
  try {
    const written = await addRecordStream(
      store,
      options.state,
      { synthetic: options.synthetic ?? false, chunks: read.chunks, ids: read.ids, name: where },
      actor,
      { recorded: options.today, source: file },
    );
    options.onProgress?.('writing', written.added);
    return { ...written, file, sheet: read.sheet() };
  } catch (error) {
    // The first problem rolled the writing back; the reader lists them all by the file's end.
    if (error instanceof ProblemsFound) throw (await read.problems()) ?? error;
    throw namedRefusal(error, file, read.sheet());
  } finally {
    await read.close();
  }
}

/** Where a record sits in the file, as a refusal names it (namedRefusal reads it back). */
function recordPlace(file: string, sheet: string | null, row: number | undefined): string {
  return `${file}${sheet === null ? '' : ` sheet "${sheet}"`} row ${row ?? '?'}`;
}

/** A write the database refused for a record (its id already stored), as a problem of the file's row. */
function namedRefusal(error: unknown, file: string, sheet: string | null): unknown {
  if (!(error instanceof RejectedWriteError) || error.field === null) return error;
  const match = /^(.*) row (\d+)(?:\.(\w+))?$/.exec(error.field);
  if (match === null) return error;
  return new CasualtyImportError([
    {
      file,
      sheet,
      row: Number(match[2]),
      field: match[3] ?? null,
      expected: error.expected,
      found: error.found,
    },
  ]);
}

/** Imports a file from disk. */
export async function importCasualtyFile(
  store: Store,
  path: string,
  options: CasualtyImportOptions,
  actor: Actor,
): Promise<CasualtyImportResult> {
  const file = basename(path);
  const format = casualtyFormatOf(path);
  if (format === null)
    throw new CasualtyImportError([
      { file, sheet: null, row: 1, field: null, expected: 'a .csv or .xlsx file', found: extname(path) },
    ]);
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (error) {
    throw new CasualtyImportError([
      {
        file,
        sheet: null,
        row: 1,
        field: null,
        expected: 'a readable file',
        found: error instanceof Error && 'code' in error ? String(error.code) : String(error),
      },
    ]);
  }
  return importCasualties(store, data, file, format, options, actor);
}
