/**
 * A large GeoJSON file imported on both cores (issue 15 §3): this thread scans the file and
 * writes, worker threads parse and check each feature (check-in-workers.ts). While every feature
 * is a hazard area without problem, the rows go into the database as they come, in one
 * transaction (store.ts saveHazardAreaRows); at the end the batch is checked with what was stored
 * before, and any problem rolls everything back. A feature with a problem, a record of another
 * kind, or a row the database refuses (an id stored already or repeated) stops the streaming:
 * the rest is still read and checked, the transaction rolled back, and the file goes the ordinary
 * way (import-checked.ts), which names every problem — the same checks, the same messages.
 */
import type { StateCode } from '../../core/states.js';
import type { Actor } from '../../store/audit.js';
import type { BulkRow } from '../../store/bulk.js';
import type { Store } from '../../store/database.js';
import { type StoredContext, batchProblems } from '../consistency.js';
import type { HazardArea, RecordKind } from '../model.js';
import { hazardAreaOfValues } from '../store-rows.js';
import { type StoredBefore, saveHazardAreaRows } from '../store.js';
import type { FeatureOutcome } from './check-protocol.js';
import { checkInWorkers } from './check-in-workers.js';
import { rawFeatureOf } from './geojson.js';
import type { CollectionHead } from './geojson-stream.js';
import { type ImportOptions, type ImportResult, batchImportProblems, importRead } from './import-checked.js';
import { overlapWarningsOf, storedMeeting } from './import-warnings.js';
import { ImportRejectedError, fileProblem } from './problems.js';
import { addFeatureRead, emptyRead, readRecords } from './read-records.js';
import { stateShape } from './state-shapes.js';

/** Thrown inside the transaction to roll it back when the file must go the ordinary way. */
class NotStreamable extends Error {
  constructor() {
    super('the file goes the ordinary way');
    this.name = 'NotStreamable';
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const NOT_A_COLLECTION = 'expected a GeoJSON FeatureCollection (or a single Feature) with a "features" list';

/** What the workers said about every feature so far, in file order. */
class Outcomes {
  readonly read = emptyRead();
  readonly outside: string[] = [];
  count = 0;
  /** Every feature so far a hazard area without problem: its rows may go in as they come. */
  streamable = true;

  add(o: FeatureOutcome): BulkRow | null {
    this.count++;
    const value = o.area !== undefined ? hazardAreaOfValues(o.area) : o.record !== undefined ? o.record : null;
    addFeatureRead(
      this.read,
      { kind: o.kind, value, problems: o.problems, repairs: o.repairs },
      { where: o.where, ref: o.ref },
    );
    if (o.warning !== undefined) this.outside.push(o.warning);
    if (o.problems.length > 0 || o.kind !== 'hazard-area' || o.area === undefined) this.streamable = false;
    return this.streamable ? (o.area ?? null) : null;
  }
}

/** The document outside its features must be a FeatureCollection; a lone Feature is read the ordinary way. */
function headProblem(file: string, head: CollectionHead): ImportRejectedError | 'single-feature' | null {
  if (isRecord(head.value) && head.value.type === 'FeatureCollection' && head.streamed) return null;
  if (isRecord(head.value) && head.value.type === 'Feature') return 'single-feature';
  return fileProblem(file, NOT_A_COLLECTION);
}

export async function importGeoJsonStream(
  store: Store,
  path: string,
  file: string,
  iso3: StateCode,
  actor: Actor,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const progress = options.onProgress ?? (() => undefined);
  const checked = checkInWorkers(path, file, iso3);
  const outcomes = new Outcomes();
  const source = checked.batches;
  let head: CollectionHead | null = null;
  let warnings: string[] = [];

  /** The next batch's outcomes into `outcomes`; false at the end of the file. */
  const readBatch = async (rows: BulkRow[] | null): Promise<boolean> => {
    const next = await source.next();
    if (next.done === true) {
      head = next.value;
      return false;
    }
    for (const o of next.value) {
      const row = outcomes.add(o);
      if (row !== null) rows?.push(row);
    }
    progress('checking', outcomes.count, outcomes.count);
    return true;
  };
  async function* rows(): AsyncGenerator<BulkRow[]> {
    for (;;) {
      const batch: BulkRow[] = [];
      if (!(await readBatch(batch))) return;
      if (batch.length > 0) yield batch;
    }
  }

  const settle = async (before: StoredBefore): Promise<readonly HazardArea[]> => {
    if (!outcomes.streamable || head === null || headProblem(file, head) !== null) throw new NotStreamable();
    const read = outcomes.read;
    if (outcomes.count === 0) throw fileProblem(file, 'expected at least one feature (the file has none)');
    // Ids stored already or repeated were refused by the primary key as the rows went in.
    const context: StoredContext = {
      taken: { 'hazard-area': new Set(), activity: new Set(), 'land-release': new Set() },
      areas: new Map(),
      activities: new Map(),
      sources: await before.sources(read.areas.flatMap((a) => (a.sourceId === null ? [] : [a.sourceId]))),
      stored: before.stored,
    };
    const labels = (kind: RecordKind, index: number): string =>
      read.features[kind][index]?.where ?? `${kind} ${index + 1}`;
    const problems = batchImportProblems(file, read, batchProblems(iso3, { ...read, revisions: [] }, context, labels));
    if (problems.length > 0) throw new ImportRejectedError(file, problems);
    const others = await before.areas(storedMeeting(read.areas, before.openBoxes));
    warnings = [
      ...(stateShape(iso3) === null
        ? [`${iso3} has no Natural Earth boundary at 1:50m: areas were not checked against it`]
        : outcomes.outside),
      ...overlapWarningsOf(read.areas, others),
    ];
    progress('writing', outcomes.count, outcomes.count);
    return read.areas;
  };

  try {
    try {
      const counts = await saveHazardAreaRows(store, iso3, rows(), settle, actor, { origin: file });
      return { file, counts, warnings, repairs: outcomes.read.repairs };
    } catch (error) {
      // A problem of the file as a whole or of the batch, or a checker that failed: said as it is.
      if (error instanceof ImportRejectedError) throw error;
      if (!(error instanceof NotStreamable) && !isRefusal(error)) throw error;
    }
    // The ordinary way: the rest of the file read and checked, then every check on the whole batch.
    while (head === null && (await readBatch(null)));
    const done = head as CollectionHead | null;
    if (done === null) throw new Error('the GeoJSON reader stopped before the end of the file');
    const problem = headProblem(file, done);
    if (problem === 'single-feature')
      return await importRead(
        store,
        file,
        readRecords(file, iso3, [rawFeatureOf(done.value, 'feature 1')]),
        1,
        iso3,
        actor,
        options,
      );
    if (problem !== null) throw problem;
    // Awaited here: the workers are closed below only once it settled.
    return await importRead(store, file, outcomes.read, outcomes.count, iso3, actor, options);
  } finally {
    await checked.close();
  }
}

/** An error the database raised for a row (a key taken): the ordinary way names the feature. */
function isRefusal(error: unknown): boolean {
  return error instanceof Error && !error.message.startsWith('GeoJSON checker');
}
