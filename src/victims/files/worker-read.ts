/**
 * A casualty file read and checked in a worker thread (read-worker.ts), its records arriving as
 * chunks ready for the store's bulk insert: the main thread only writes, and the other core reads.
 * The worker's file is the .ts beside this one from the sources, the .js in dist/ (core/worker-thread.ts).
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../core/worker-thread.js';
import type { BulkChunk, BulkChunkKind } from '../../store/bulk.js';
import { CasualtyImportError } from './read.js';
import { RECORD_ROW_COLUMNS } from '../store-rows.js';
import { type FromWorker, IN_FLIGHT, STOP, TextTable, type WorkerInput } from './worker-protocol.js';

/** Thrown by the chunks at the file's first problem, so the writer rolls back at once; `problems()` lists them all. */
export class ProblemsFound extends Error {
  constructor() {
    super('the casualty file has problems');
    this.name = 'ProblemsFound';
  }
}

export interface WorkerRead {
  readonly chunks: AsyncIterable<BulkChunk>;
  /** The sheet read (XLSX), known once the first chunk came. */
  sheet: () => string | null;
  /** Every id read so far with its row (the reader stops first): asked only when the database refused one. */
  ids: () => Promise<string[]>;
  rowOf: (id: string) => number | undefined;
  /** Every problem of the file, once the reader reached its end; null when it had none. */
  problems: () => Promise<CasualtyImportError | null>;
  close: () => Promise<void>;
}

const startReader = (input: WorkerInput): Worker => startWorker(import.meta.url, './read-worker', input);

export function readInWorker(
  input: Omit<WorkerInput, 'flags' | 'target'>,
  target: BulkChunkKind,
  onProgress?: (done: number) => void,
): WorkerRead {
  const flags = new Int32Array(new SharedArrayBuffer(8));
  const worker = startReader({ ...input, target, flags: flags.buffer });
  const queue: BulkChunk[] = [];
  const texts = new TextTable();
  let head = 0;
  let sheet: string | null = null;
  let problemSeen = false;
  let failure: Error | null = null;
  let final: { problems: CasualtyImportError | null } | null = null;
  let wake: (() => void) | null = null;
  const waiters: (() => void)[] = [];
  let idRows: Map<string, number> | null = null;
  let idsAnswer: ((ids: string[]) => void) | null = null;
  const notify = (): void => {
    wake?.();
    wake = null;
    for (const w of waiters.splice(0)) w();
  };

  worker.on('message', (message: FromWorker) => {
    switch (message.type) {
      case 'values':
        queue.push(texts.chunk(message.chunk, RECORD_ROW_COLUMNS.length));
        break;
      case 'copy':
        queue.push({ copy: message.text, rows: message.rows });
        break;
      case 'sheet':
        sheet = message.sheet;
        break;
      case 'progress':
        onProgress?.(message.done);
        return;
      case 'problem':
        problemSeen = true;
        break;
      case 'done':
        final = { problems: message.count === 0 ? null : new CasualtyImportError(message.problems, message.count) };
        break;
      case 'error':
        failure = new Error(`casualty reader: ${message.message}`);
        break;
      case 'ids':
        idRows = new Map(message.ids.map((id, i) => [id, message.rows[i] ?? 0]));
        idsAnswer?.(message.ids);
        return;
    }
    notify();
  });
  worker.on('error', (error) => {
    failure = error;
    notify();
  });
  worker.on('exit', (code) => {
    if (final === null && failure === null) failure = new Error(`casualty reader stopped (exit code ${code})`);
    notify();
  });

  async function* chunks(): AsyncGenerator<BulkChunk> {
    for (;;) {
      if (failure !== null) throw failure;
      if (problemSeen) throw new ProblemsFound();
      if (head < queue.length) {
        const chunk = queue[head] as BulkChunk;
        queue[head++] = undefined as unknown as BulkChunk;
        if (head > 64) {
          queue.splice(0, head);
          head = 0;
        }
        Atomics.sub(flags, IN_FLIGHT, 1);
        Atomics.notify(flags, IN_FLIGHT);
        yield chunk;
        continue;
      }
      if (final !== null) {
        if (final.problems !== null) throw new ProblemsFound();
        return;
      }
      await new Promise<void>((resolve) => (wake = resolve));
    }
  }

  const stop = (): void => {
    Atomics.store(flags, STOP, 1);
    Atomics.notify(flags, IN_FLIGHT);
  };

  return {
    chunks: chunks(),
    sheet: () => sheet,
    ids: () => {
      stop();
      return new Promise<string[]>((resolve) => {
        idsAnswer = resolve;
        worker.postMessage({ type: 'ids' });
      });
    },
    rowOf: (id) => idRows?.get(id),
    problems: async () => {
      while (final === null && failure === null) await new Promise<void>((resolve) => waiters.push(resolve));
      if (failure !== null) throw failure;
      return final?.problems ?? null;
    },
    close: async () => {
      stop();
      await worker.terminate();
    },
  };
}
