/**
 * Records read from a file into the State's, all checked first (the links between them, and
 * against what is stored), then written in one transaction, or nothing written.
 */
import type { StateCode } from '../../core/states.js';
import type { Actor } from '../../store/audit.js';
import type { Store } from '../../store/database.js';
import { type BatchProblem, batchProblems } from '../consistency.js';
import { boxUnion } from '../geometry/area.js';
import type { ClearanceCounts, ClearanceRecords, HazardArea, RecordKind } from '../model.js';
import { readStoredContext } from '../store-checks.js';
import { loadOpenAreasMeeting, saveClearanceRecords } from '../store.js';
import { outsideStateWarnings, overlapWarningsOf, releaseWarnings } from './import-warnings.js';
import { type ImportProblem, ImportRejectedError, fileProblem } from './problems.js';
import { type ReadRecords, featureNameRef } from './read-records.js';
import { stateShape } from './state-shapes.js';

export type ImportPhase = 'reading' | 'checking' | 'writing';

export interface ImportOptions {
  /** Called as features are read, checked and written (for a progress bar). */
  onProgress?: (phase: ImportPhase, done: number, total: number) => void;
  /**
   * GeoJSON: read as a stream and check in worker threads (geojson-import.ts). Default: for a file
   * of WORKER_BYTES or more (MINEFREE_IMPORT_WORKER_BYTES overrides), where starting them pays.
   */
  worker?: boolean;
}

export interface ImportResult {
  file: string;
  counts: ClearanceCounts;
  /** Things a person should look at; none stopped the import. */
  warnings: string[];
  /** Repairs made on the way in (ring orientation, antimeridian cut). */
  repairs: string[];
}

export function batchImportProblems(
  file: string,
  read: ReadRecords,
  problems: readonly BatchProblem[],
): ImportProblem[] {
  return problems.map((p) => {
    const feature = p.at === null ? undefined : read.features[p.at.kind][p.at.index];
    const message = `${p.field === null ? '' : `${p.field}: `}expected ${p.expected}`;
    return { file, where: feature?.where ?? null, ref: feature ? featureNameRef(feature) : null, message };
  });
}

/** The State's stored open areas near the new ones: the others they may overlap. */
async function storedOpenAreas(store: Store, iso3: StateCode, areas: readonly HazardArea[]): Promise<HazardArea[]> {
  const box = boxUnion(areas.map((a) => a.bbox));
  return box === null ? [] : loadOpenAreasMeeting(store, iso3, box);
}

/** Records read (readRecords, or the workers of geojson-import.ts) into the State's: all or nothing. */
export async function importRead(
  store: Store,
  file: string,
  read: ReadRecords,
  featureCount: number,
  iso3: StateCode,
  actor: Actor,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const progress = options.onProgress ?? (() => undefined);
  const records: ClearanceRecords = {
    areas: read.areas,
    revisions: [],
    activities: read.activities,
    releases: read.releases,
    devices: read.devices,
  };
  const context = await readStoredContext(store.db, store.dialect, iso3, records);
  const labels = (kind: RecordKind, index: number): string =>
    read.features[kind][index]?.where ?? `${kind} ${index + 1}`;
  const problems = [
    ...read.problems,
    ...batchImportProblems(file, read, batchProblems(iso3, records, context, labels)),
  ];
  if (problems.length > 0) throw new ImportRejectedError(file, problems);
  if (featureCount === 0) throw fileProblem(file, 'expected at least one feature (the file has none)');

  const shape = stateShape(iso3);
  const areas = new Map(read.areas.map((a) => [a.id, a]));
  const warnings = [
    ...(shape === null
      ? [`${iso3} has no Natural Earth boundary at 1:50m: areas were not checked against it`]
      : outsideStateWarnings(read.areas, shape)),
    ...overlapWarningsOf(read.areas, await storedOpenAreas(store, iso3, read.areas)),
    ...releaseWarnings(read.releases, (id) => areas.get(id) ?? context.areas.get(id)),
  ];
  progress('writing', 0, featureCount);
  const counts = await saveClearanceRecords(store, iso3, records, actor, { origin: file });
  progress('writing', featureCount, featureCount);
  return { file, counts, warnings, repairs: read.repairs };
}
