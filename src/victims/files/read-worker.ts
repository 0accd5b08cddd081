/**
 * The worker thread of a large casualty import (worker-read.ts starts it): reads and checks the
 * file, and sends the checked records as ready-to-write chunks, so the main thread only writes.
 * - `values`: one flat array of values a chunk (RECORD_ROW_COLUMNS order), for SQLite's insert;
 * - `copy`: the chunk's rows as COPY text, for PostgreSQL.
 * Flow control by a shared counter of chunks in flight: the reader waits when the writer is
 * behind, so a file never sits in the message queue whole. The first problem is told at once (the
 * writer rolls back) and the reader goes on to the end to list every problem, as the in-thread read does.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CalendarDate } from '../../core/date.js';
import type { StateCode } from '../../core/states.js';
import { copyText } from '../../store/bulk.js';
import { RECORD_ROW_COLUMNS, recordValuesInto } from '../store-rows.js';
import { type CasualtyBatches, CasualtyImportError, casualtyCsvBatches, casualtyXlsxBatches } from './read.js';
import { type FromWorker, IN_FLIGHT, MAX_IN_FLIGHT, STOP, type ToWorker, type WorkerInput } from './worker-protocol.js';

const input = workerData as WorkerInput;
const port = parentPort;
if (port === null) throw new Error('read-worker.ts runs as a worker thread');
const flags = new Int32Array(input.flags);
const send = (message: FromWorker): void => port.postMessage(message);
const WIDTH = RECORD_ROW_COLUMNS.length;

/** Waits while the writer has MAX_IN_FLIGHT chunks unread; false once it asked the reader to stop. */
function waitForWriter(): boolean {
  for (;;) {
    if (Atomics.load(flags, STOP) !== 0) return false;
    const inFlight = Atomics.load(flags, IN_FLIGHT);
    if (inFlight < MAX_IN_FLIGHT) return true;
    Atomics.wait(flags, IN_FLIGHT, inFlight, 100);
  }
}

async function run(): Promise<CasualtyBatches | null> {
  const options = {
    state: input.state as StateCode,
    today: input.today as CalendarDate,
    synthetic: input.synthetic,
    onProgress: (done: number) => send({ type: 'progress', done }),
    onProblem: () => send({ type: 'problem' }),
  };
  const data = Buffer.from(input.data.buffer, input.data.byteOffset, input.data.byteLength);
  const read =
    input.format === 'csv'
      ? casualtyCsvBatches(data.toString('utf8'), input.file, options)
      : await casualtyXlsxBatches(data, input.file, options);
  send({ type: 'sheet', sheet: read.sheet });
  const recorded = input.recorded as CalendarDate;
  for (const batch of read.batches) {
    if (batch.length === 0) continue;
    if (!waitForWriter()) return read;
    if (input.target === 'values') {
      const values = new Array<unknown>(batch.length * WIDTH);
      for (let i = 0; i < batch.length; i++) recordValuesInto(values, i * WIDTH, batch[i]!, recorded);
      Atomics.add(flags, IN_FLIGHT, 1);
      send({ type: 'values', values, rows: batch.length });
    } else {
      const row = new Array<unknown>(WIDTH);
      let text = '';
      for (const record of batch) {
        recordValuesInto(row, 0, record, recorded);
        let line = copyText(row[0]);
        for (let c = 1; c < WIDTH; c++) line += '\t' + copyText(row[c]);
        text += line + '\n';
      }
      Atomics.add(flags, IN_FLIGHT, 1);
      send({ type: 'copy', text, rows: batch.length });
    }
  }
  return read;
}

let read: CasualtyBatches | null = null;
try {
  read = await run();
  send({ type: 'done', problems: [], count: 0 });
} catch (error) {
  if (error instanceof CasualtyImportError) send({ type: 'done', problems: [...error.problems], count: error.count });
  else send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'ids') {
    const ids: string[] = [];
    const rows: number[] = [];
    if (read !== null)
      for (const id of read.ids()) {
        ids.push(id);
        rows.push(read.rowOf(id) ?? 0);
      }
    send({ type: 'ids', ids, rows });
  }
});
