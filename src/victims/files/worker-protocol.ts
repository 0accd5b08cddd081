/** The messages between a casualty import and its reading worker (read-worker.ts, worker-read.ts). */
import type { ValuesChunk } from '../../store/bulk.js';
import type { ImportProblem } from './read.js';
import { RECORD_LABELS, RECORD_ROW_COLUMNS } from '../store-rows.js';

/** Slots of the shared flags: chunks sent and not yet written, and the writer's request to stop. */
export const IN_FLIGHT = 0;
export const STOP = 1;
/** Chunks (of 2,000 rows) the reader may be ahead of the writer. */
export const MAX_IN_FLIGHT = 8;

export interface WorkerInput {
  data: Uint8Array;
  file: string;
  format: 'csv' | 'xlsx';
  state: string;
  today: string;
  recorded: string;
  synthetic: boolean;
  /** Flat value arrays (SQLite's insert) or COPY text (PostgreSQL). */
  target: 'values' | 'copy';
  /** Int32 slots IN_FLIGHT and STOP. */
  flags: SharedArrayBuffer;
}

export type FromWorker =
  | { type: 'sheet'; sheet: string | null }
  | { type: 'values'; chunk: CodedChunk }
  | { type: 'copy'; text: string; rows: number }
  | { type: 'progress'; done: number }
  /** The first problem: nothing will be written; the reader goes on to list them all. */
  | { type: 'problem' }
  | { type: 'done'; problems: ImportProblem[]; count: number }
  | { type: 'error'; message: string }
  | { type: 'ids'; ids: string[]; rows: number[] };

export type ToWorker = { type: 'ids' };

/**
 * A chunk of rows for SQLite's insert, made so that the writing thread allocates almost nothing:
 * numbers (NaN for null) and, for text columns, codes into a table of the distinct texts (the
 * enumerations, days, service lists: a few thousand in a million rows) that both threads grow in
 * step; -1 codes null. The ids, distinct by rule, come as one text joined by newlines (an id has none).
 */
export interface CodedChunk {
  rows: number;
  /** rows x width cells, row after row; the id's cell unused. */
  cells: Float64Array;
  ids: string;
  /** Texts new to the table since the last chunk, in code order. */
  texts: string[];
  /** The table was emptied first (it had reached TEXTS_LIMIT). */
  reset: boolean;
}

/** Distinct texts the shared table holds at most: a file of all-different areas costs a reset now and then. */
export const TEXTS_LIMIT = 100_000;

/** The labels of each column of a row (RECORD_ROW_COLUMNS order) given as an index into them, or null. */
export const LABELS: readonly (readonly string[] | null)[] = RECORD_ROW_COLUMNS.map((c) => RECORD_LABELS[c] ?? null);

/** Which columns of a row hold text coded into the text table; the others numbers (labels are numbers too). */
const TEXTS: readonly (typeof RECORD_ROW_COLUMNS)[number][] = [
  'id',
  'incident_date',
  'admin_area',
  'needs',
  'referrals',
];
export const TEXT_COLUMN: readonly boolean[] = RECORD_ROW_COLUMNS.map((c) => TEXTS.includes(c));

/** The decoder's side of the text table: a coded chunk as rows the bulk insert reads straight from its cells. */
export class TextTable {
  private texts: string[] = [];

  chunk(chunk: CodedChunk, width: number): ValuesChunk {
    if (chunk.reset) this.texts = [];
    for (const t of chunk.texts) this.texts.push(t);
    const ids = chunk.ids.split('\n');
    const cells = chunk.cells;
    const texts = this.texts;
    return {
      rows: chunk.rows,
      width,
      labels: LABELS,
      writeRow: (r, into, at) => {
        const base = r * width;
        into[at] = ids[r];
        for (let c = 1; c < width; c++) {
          const v = cells[base + c] as number;
          into[at + c] = TEXT_COLUMN[c] ? (v < 0 ? null : texts[v]) : Number.isNaN(v) ? null : v;
        }
      },
    };
  }
}
