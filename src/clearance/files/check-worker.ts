/**
 * A worker thread of a GeoJSON import (check-in-workers.ts starts two): checks each batch it is
 * sent (check-batch.ts) and answers with the outcomes. Says when it is ready: loading its modules
 * takes seconds on a busy machine, and until then the importing thread checks batches itself.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { batchChecker } from './check-batch.js';
import type { CheckInput, FromWorker, ToWorker } from './check-protocol.js';

if (parentPort === null) throw new Error('check-worker.ts runs as a worker thread');
const port = parentPort;
const check = batchChecker(workerData as CheckInput);

port.on('message', (batch: ToWorker) => {
  try {
    port.postMessage({ seq: batch.seq, outcomes: check(batch) } satisfies FromWorker);
  } catch (error) {
    port.postMessage({
      seq: -1,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    } satisfies FromWorker);
  }
});
port.postMessage({ ready: true } satisfies FromWorker);
