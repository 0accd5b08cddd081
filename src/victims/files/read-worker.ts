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
import { RECORD_ROW_COLUMNS, recordFixed, recordValuesInto } from '../store-rows.js';
import { type CasualtyBatches, CasualtyImportError, casualtyCsvBatches, casualtyXlsxBatches } from './read.js';
import type { CasualtyRecord } from '../model.js';
import {
  type CodedChunk,
  type FromWorker,
  IN_FLIGHT,
  LABELS,
  MAX_IN_FLIGHT,
  STOP,
  TEXTS_LIMIT,
  TEXT_COLUMN,
  type ToWorker,
  type WorkerInput,
} from './worker-protocol.js';

const input = workerData as WorkerInput;
if (parentPort === null) throw new Error('read-worker.ts runs as a worker thread');
const port = parentPort;
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

/** The reader's side of the text table (worker-protocol.ts). */
const codes = new Map<string, number>();
const row = new Array<unknown>(WIDTH);
/** Each labelled column's index of a label (worker-protocol.ts LABELS). */
const labelIndex = LABELS.map((labels) => (labels === null ? null : new Map(labels.map((label, i) => [label, i]))));

function labelOf(column: number, value: unknown): number {
  const index = labelIndex[column]?.get(value as string);
  // A checked record holds only listed values: a miss is a fault of the reader, not of the file.
  if (index === undefined) throw new Error(`${RECORD_ROW_COLUMNS[column]} "${String(value)}" is not one of its labels`);
  return index;
}

function coded(batch: readonly CasualtyRecord[]): CodedChunk {
  const cells = new Float64Array(new ArrayBuffer(batch.length * WIDTH * 8));
  const texts: string[] = [];
  let reset = false;
  let ids = '';
  for (let i = 0; i < batch.length; i++) {
    recordValuesInto(row, 0, batch[i] as CasualtyRecord);
    ids += i === 0 ? (row[0] as string) : '\n' + (row[0] as string);
    const base = i * WIDTH;
    for (let c = 1; c < WIDTH; c++) {
      const v = row[c];
      if (LABELS[c] !== null) cells[base + c] = labelOf(c, v);
      else if (!TEXT_COLUMN[c]) cells[base + c] = v === null ? NaN : (v as number);
      else if (v === null) cells[base + c] = -1;
      else {
        let code = codes.get(v as string);
        if (code === undefined) {
          if (codes.size >= TEXTS_LIMIT) {
            // Both sides start a new table; this chunk's earlier rows are re-coded below.
            codes.clear();
            texts.length = 0;
            reset = true;
            i = -1;
            ids = '';
            break;
          }
          code = codes.size;
          codes.set(v as string, code);
          texts.push(v as string);
        }
        cells[base + c] = code;
      }
    }
  }
  return { rows: batch.length, cells, ids, texts, reset };
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
  // COPY lines end with the fixed columns (store/bulk.ts): the same for every record of the file.
  const fixed = recordFixed(options.state, input.synthetic, input.recorded as CalendarDate);
  const suffix = fixed.values.map((v) => '\t' + copyText(v)).join('') + '\n';
  for (const batch of read.batches) {
    if (batch.length === 0) continue;
    if (!waitForWriter()) return read;
    if (input.target === 'values') {
      const chunk = coded(batch);
      Atomics.add(flags, IN_FLIGHT, 1);
      port.postMessage({ type: 'values', chunk } satisfies FromWorker, [chunk.cells.buffer as ArrayBuffer]);
    } else {
      let text = '';
      for (const record of batch) {
        recordValuesInto(row, 0, record);
        let line = copyText(row[0]);
        for (let c = 1; c < WIDTH; c++) line += '\t' + copyText(row[c]);
        text += line + suffix;
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
