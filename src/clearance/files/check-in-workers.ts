/**
 * The features of a GeoJSON file checked on both cores: this thread scans the file
 * (geojson-stream.ts) and hands out batches to worker threads (check-worker.ts), and gets their
 * outcomes back in file order. A few batches per worker are in flight at most, so a large file
 * never sits in memory or in a message queue whole. Until a worker has loaded its modules (seconds
 * on a busy machine, where it would otherwise wait) this thread checks the batches itself.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { StateCode } from '../../core/states.js';
import { startWorker } from '../../core/worker-thread.js';
import { type BatchChecker, batchChecker } from './check-batch.js';
import type { CheckInput, FeatureOutcome, FromWorker, ToWorker } from './check-protocol.js';
import { type CollectionHead, featureBatches } from './geojson-stream.js';

/**
 * A larger young generation than V8's default for each checker: a batch's parsed features are
 * garbage a moment later, and with room for a few batches they die there instead of being copied
 * out. Measured on 200,000 areas, two runs each: the import's CPU 29.0 and 29.2 s, 27.5 and 26.9 s with it.
 */
const CHECKER_LIMITS = { resourceLimits: { maxYoungGenerationSizeMb: 96 } };
/** Batches sent to a worker and not yet answered: enough that none waits for the scanner. */
const IN_FLIGHT_PER_WORKER = 3;

export interface CheckedFeatures {
  /** Each batch's outcomes, in file order; then the rest of the document (geojson-stream.ts). */
  readonly batches: AsyncGenerator<FeatureOutcome[], CollectionHead, undefined>;
  close: () => Promise<void>;
}

interface Checker {
  worker: Worker;
  ready: boolean;
  inFlight: number;
}

export interface CheckOptions {
  /**
   * Worker threads (default: one fewer than the cores, 1 to 2). On 2 cores one checker beside
   * this thread does better than two: 200,000 areas in 7.1-7.3 s against 7.5-8.1 s, and 2 s less
   * CPU, as three busy threads on two cores only took turns (each with its own compiled code and
   * garbage collection).
   */
  workers?: number;
  /** false: this thread waits for the workers instead of checking batches while they start (tests). */
  checkHere?: boolean;
}

export function checkInWorkers(
  path: string,
  file: string,
  iso3: StateCode,
  options: CheckOptions = {},
): CheckedFeatures {
  const count = Math.max(1, options.workers ?? Math.min(2, availableParallelism() - 1));
  const checkHere = options.checkHere ?? true;
  const input: CheckInput = { file, iso3 };
  const pool: Checker[] = [];
  const answers = new Map<number, FeatureOutcome[]>();
  let here: BatchChecker | null = null;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    wake?.();
    wake = null;
  };
  for (let i = 0; i < count; i++) {
    const checker: Checker = {
      worker: startWorker(import.meta.url, './check-worker', input, CHECKER_LIMITS),
      ready: false,
      inFlight: 0,
    };
    checker.worker.on('message', (message: FromWorker) => {
      if ('ready' in message) checker.ready = true;
      else if ('error' in message) failure ??= new Error(`GeoJSON checker: ${message.error}`);
      else {
        checker.inFlight--;
        answers.set(message.seq, message.outcomes);
      }
      notify();
    });
    checker.worker.on('error', (error) => {
      failure ??= error;
      notify();
    });
    checker.worker.on('exit', (code) => {
      if (code !== 0) failure ??= new Error(`GeoJSON checker stopped (exit code ${code})`);
      notify();
    });
    pool.push(checker);
  }
  /** The ready worker with the fewest batches in flight, if one can take another. */
  const idlest = (): Checker | null => {
    let best: Checker | null = null;
    for (const c of pool)
      if (c.ready && c.inFlight < IN_FLIGHT_PER_WORKER && (best === null || c.inFlight < best.inFlight)) best = c;
    return best;
  };

  async function* batches(): AsyncGenerator<FeatureOutcome[], CollectionHead, undefined> {
    const scan = featureBatches(path, file);
    let sent = 0;
    let next = 0;
    let head: CollectionHead | null = null;
    const limit = IN_FLIGHT_PER_WORKER * count;
    for (;;) {
      while (head === null && sent - next < limit) {
        const target = idlest();
        // Every worker busy (or still starting) and this thread has outcomes to hand on: those first.
        if (target === null && (!checkHere || answers.has(next) || pool.some((c) => c.ready))) break;
        const read = await scan.next();
        if (read.done === true) {
          head = read.value;
          break;
        }
        const { first, data, ends, lines } = read.value;
        const message: ToWorker = { seq: sent, first, data, ends, lines };
        if (target === null) {
          try {
            answers.set(sent, (here ??= batchChecker(input))(message));
          } catch (error) {
            // Said as a worker's failure is (geojson-import.ts tells it from a refused row).
            throw new Error(
              `GeoJSON checker: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
              { cause: error },
            );
          }
        } else {
          target.inFlight++;
          target.worker.postMessage(message, [
            data.buffer as ArrayBuffer,
            ends.buffer as ArrayBuffer,
            lines.buffer as ArrayBuffer,
          ]);
        }
        sent++;
      }
      if (head !== null && next === sent) return head;
      if (failure !== null) throw failure;
      const outcomes = answers.get(next);
      if (outcomes !== undefined) {
        answers.delete(next);
        next++;
        yield outcomes;
      } else await new Promise<void>((resolve) => (wake = resolve)); // an answer, a worker ready, or a failure
    }
  }

  return {
    batches: batches(),
    close: async () => {
      await Promise.all(pool.map((c) => c.worker.terminate()));
    },
  };
}
