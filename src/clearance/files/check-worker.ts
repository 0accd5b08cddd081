/**
 * A worker thread of a GeoJSON import (check-in-workers.ts starts two): parses each feature of a
 * batch, reads it through the input schema and checkGeometry (read-records.ts readFeature), and
 * answers with hazard areas as row values ready to insert, everything else as it is, and every
 * problem naming the file, the feature (its place and line) and the field.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { HazardArea } from '../model.js';
import { hazardAreaValues } from '../store-rows.js';
import type { CheckInput, FeatureOutcome, FromWorker, ToWorker } from './check-protocol.js';
import { rawFeatureOf } from './geojson.js';
import { outsideStateWarningOf } from './import-warnings.js';
import { featureRef, readFeature } from './read-records.js';
import { shapeContains, stateShape } from './state-shapes.js';

const input = workerData as CheckInput;
if (parentPort === null) throw new Error('check-worker.ts runs as a worker thread');
const port = parentPort;
const shape = stateShape(input.iso3);
const contains = shape === null ? null : shapeContains(shape);

function check(text: string, where: string): FeatureOutcome {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const found = error instanceof Error ? error.message : String(error);
    return {
      where,
      ref: null,
      kind: null,
      repairs: [],
      problems: [
        {
          file: input.file,
          where,
          ref: null,
          message: `feature: expected a GeoJSON Feature, found text that is not JSON (${found})`,
        },
      ],
    };
  }
  const raw = rawFeatureOf(value, where);
  const read = readFeature(input.file, input.iso3, raw);
  const outcome: FeatureOutcome = {
    where,
    ref: featureRef(raw.properties),
    kind: read.kind,
    problems: read.problems,
    repairs: read.repairs,
  };
  if (read.value === null) return outcome;
  if (read.kind === 'hazard-area') {
    const area = read.value as HazardArea;
    outcome.area = hazardAreaValues(area);
    const warning = shape === null || contains === null ? null : outsideStateWarningOf(area, shape, contains);
    if (warning !== null) outcome.warning = warning;
  } else outcome.record = read.value as FeatureOutcome['record'];
  return outcome;
}

port.on('message', (batch: ToWorker) => {
  try {
    const data = Buffer.from(batch.data.buffer, batch.data.byteOffset, batch.data.byteLength);
    const outcomes: FeatureOutcome[] = [];
    let start = 0;
    for (let i = 0; i < batch.ends.length; i++) {
      const end = batch.ends[i] ?? start;
      const where = `feature ${batch.first + i + 1}, line ${batch.lines[i] ?? 0}`;
      outcomes.push(check(data.toString('utf8', start, end), where));
      start = end;
    }
    port.postMessage({ seq: batch.seq, outcomes } satisfies FromWorker);
  } catch (error) {
    port.postMessage({
      seq: -1,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    } satisfies FromWorker);
  }
});
