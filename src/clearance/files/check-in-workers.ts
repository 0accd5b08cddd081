/**
 * The features of a GeoJSON file checked on both cores: this thread scans the file
 * (geojson-stream.ts) and hands out batches to worker threads (check-worker.ts), and gets their
 * outcomes back in file order. A few batches per worker are in flight at most, so a large file
 * never sits in memory or in a message queue whole.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { StateCode } from '../../core/states.js';
import { startWorker } from '../../core/worker-thread.js';
import type { CheckInput, FeatureOutcome, FromWorker, ToWorker } from './check-protocol.js';
import { type CollectionHead, featureBatches } from './geojson-stream.js';

/** Batches sent to a worker and not yet answered: enough that none waits for the scanner. */
const IN_FLIGHT_PER_WORKER = 3;

export interface CheckedFeatures {
  /** Each batch's outcomes, in file order; then the rest of the document (geojson-stream.ts). */
  readonly batches: AsyncGenerator<FeatureOutcome[], CollectionHead, undefined>;
  close: () => Promise<void>;
}

export function checkInWorkers(path: string, file: string, iso3: StateCode, workers?: number): CheckedFeatures {
  const count = Math.max(1, workers ?? Math.min(2, availableParallelism()));
  const input: CheckInput = { file, iso3 };
  const pool: Worker[] = [];
  const answers = new Map<number, FeatureOutcome[]>();
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    wake?.();
    wake = null;
  };
  for (let i = 0; i < count; i++) {
    const worker = startWorker(import.meta.url, './check-worker', input);
    worker.on('message', (message: FromWorker) => {
      if ('error' in message) failure ??= new Error(`GeoJSON checker: ${message.error}`);
      else answers.set(message.seq, message.outcomes);
      notify();
    });
    worker.on('error', (error) => {
      failure ??= error;
      notify();
    });
    worker.on('exit', (code) => {
      if (code !== 0) failure ??= new Error(`GeoJSON checker stopped (exit code ${code})`);
      notify();
    });
    pool.push(worker);
  }

  async function* batches(): AsyncGenerator<FeatureOutcome[], CollectionHead, undefined> {
    const scan = featureBatches(path, file);
    let sent = 0;
    let next = 0;
    let head: CollectionHead | null = null;
    const limit = IN_FLIGHT_PER_WORKER * count;
    for (;;) {
      while (head === null && sent - next < limit) {
        const read = await scan.next();
        if (read.done === true) {
          head = read.value;
          break;
        }
        const { first, data, ends, lines } = read.value;
        const message: ToWorker = { seq: sent, first, data, ends, lines };
        pool[sent % count]?.postMessage(message, [
          data.buffer as ArrayBuffer,
          ends.buffer as ArrayBuffer,
          lines.buffer as ArrayBuffer,
        ]);
        sent++;
      }
      if (head !== null && next === sent) return head;
      for (;;) {
        if (failure !== null) throw failure;
        const outcomes = answers.get(next);
        if (outcomes !== undefined) {
          answers.delete(next);
          next++;
          yield outcomes;
          break;
        }
        await new Promise<void>((resolve) => (wake = resolve));
      }
    }
  }

  return {
    batches: batches(),
    close: async () => {
      await Promise.all(pool.map((w) => w.terminate()));
    },
  };
}
