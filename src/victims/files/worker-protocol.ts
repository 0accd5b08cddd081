/** The messages between a casualty import and its reading worker (read-worker.ts, worker-read.ts). */
import type { ImportProblem } from './read.js';

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
  | { type: 'values'; values: unknown[]; rows: number }
  | { type: 'copy'; text: string; rows: number }
  | { type: 'progress'; done: number }
  /** The first problem: nothing will be written; the reader goes on to list them all. */
  | { type: 'problem' }
  | { type: 'done'; problems: ImportProblem[]; count: number }
  | { type: 'error'; message: string }
  | { type: 'ids'; ids: string[]; rows: number[] };

export type ToWorker = { type: 'ids' };
