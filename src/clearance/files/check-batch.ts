/**
 * One batch of GeoJSON features checked (geojson-stream.ts cuts them out): each parsed, read
 * through the input schema and checkGeometry (read-records.ts readFeature), hazard areas made
 * into row values ready to insert, everything else kept as it is, every problem naming the file,
 * the feature (its place and line) and the field. Runs in a worker thread (check-worker.ts), and
 * in the importing thread while the workers are still starting (check-in-workers.ts).
 */
import type { HazardArea } from '../model.js';
import { hazardAreaValues } from '../store-rows.js';
import type { CheckInput, FeatureOutcome, ToWorker } from './check-protocol.js';
import { rawFeatureOf } from './geojson.js';
import { outsideStateWarningOf } from './import-warnings.js';
import { featureRef, readFeature } from './read-records.js';
import { shapeContains, stateShape } from './state-shapes.js';

export type BatchChecker = (batch: ToWorker) => FeatureOutcome[];

/** A checker for one import's features (the State's boundary indexed once). */
export function batchChecker(input: CheckInput): BatchChecker {
  const shape = stateShape(input.iso3);
  const contains = shape === null ? null : shapeContains(shape);

  const check = (text: string, where: string): FeatureOutcome => {
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
  };

  return (batch) => {
    const data = Buffer.from(batch.data.buffer, batch.data.byteOffset, batch.data.byteLength);
    const outcomes: FeatureOutcome[] = [];
    let start = 0;
    for (let i = 0; i < batch.ends.length; i++) {
      const end = batch.ends[i] ?? start;
      const where = `feature ${batch.first + i + 1}, line ${batch.lines[i] ?? 0}`;
      outcomes.push(check(data.toString('utf8', start, end), where));
      start = end;
    }
    return outcomes;
  };
}
