/**
 * `minefree import clearance FILE --state ISO3`: a GeoJSON, GeoPackage or CSV file into the
 * State's records, all or nothing. Every feature is read and checked before the database is
 * written; one refused feature and nothing is written, and every problem names the file, the
 * feature and what is wrong.
 */
import { accessSync, constants, readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { StateCode } from '../../core/states.js';
import type { Actor } from '../../store/audit.js';
import type { Store } from '../../store/database.js';
import { type BatchProblem, batchProblems } from '../consistency.js';
import { boxUnion } from '../geometry/area.js';
import type { ClearanceCounts, ClearanceRecords, HazardArea, RecordKind } from '../model.js';
import { readStoredContext } from '../store-checks.js';
import { loadOpenAreasMeeting, saveClearanceRecords } from '../store.js';
import { readCsvFeatures } from './csv.js';
import { readGeoJson } from './geojson.js';
import { outsideStateWarnings, overlapWarningsOf, releaseWarnings } from './import-warnings.js';
import { type ImportProblem, ImportRejectedError, type RawFeature, fileProblem } from './problems.js';
import { type ReadRecords, featureNameRef, readRecords } from './read-records.js';
import { stateShape } from './state-shapes.js';

export const FILE_FORMATS = ['geojson', 'gpkg', 'csv'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

const EXTENSIONS: Record<string, FileFormat> = {
  '.geojson': 'geojson',
  '.json': 'geojson',
  '.gpkg': 'gpkg',
  '.csv': 'csv',
};

export function formatOfPath(path: string): FileFormat | null {
  return EXTENSIONS[extname(path).toLowerCase()] ?? null;
}

export type ImportPhase = 'reading' | 'checking' | 'writing';

export interface ImportOptions {
  /** Called as features are read, checked and written (for a progress bar). */
  onProgress?: (phase: ImportPhase, done: number, total: number) => void;
}

export interface ImportResult {
  file: string;
  counts: ClearanceCounts;
  /** Things a person should look at; none stopped the import. */
  warnings: string[];
  /** Repairs made on the way in (ring orientation, antimeridian cut). */
  repairs: string[];
}

function readText(path: string, file: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw fileProblem(
      file,
      `expected a readable file (${error instanceof Error && 'code' in error ? String(error.code) : String(error)})`,
    );
  }
}

export async function readFeatures(
  path: string,
  format: FileFormat,
  file: string = basename(path),
): Promise<RawFeature[]> {
  if (format === 'gpkg') {
    try {
      accessSync(path, constants.R_OK);
    } catch (error) {
      throw fileProblem(
        file,
        `expected a readable file (${error instanceof Error && 'code' in error ? String(error.code) : String(error)})`,
      );
    }
    const { readGeoPackage } = await import('./gpkg.js'); // loads a large library: only when asked
    return readGeoPackage(path, file);
  }
  const text = readText(path, file);
  return format === 'csv' ? readCsvFeatures(text, file) : readGeoJson(text, file);
}

function batchImportProblems(file: string, read: ReadRecords, problems: readonly BatchProblem[]): ImportProblem[] {
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

export async function importClearanceFile(
  store: Store,
  path: string,
  iso3: StateCode,
  actor: Actor,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const file = basename(path);
  const format = formatOfPath(path);
  if (format === null)
    throw fileProblem(file, 'expected a file named .geojson, .json, .gpkg or .csv (the extension gives the format)');
  const progress = options.onProgress ?? (() => undefined);

  const features = await readFeatures(path, format, file);
  progress('reading', features.length, features.length);
  return importFeatures(store, file, features, iso3, actor, options);
}

/**
 * Features already read (from a file, or a request body named `file`) into the State's
 * records: all checked first, then written in one transaction, or nothing written.
 */
export async function importFeatures(
  store: Store,
  file: string,
  features: readonly RawFeature[],
  iso3: StateCode,
  actor: Actor,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const progress = options.onProgress ?? (() => undefined);
  const read = readRecords(file, iso3, features, (done) => progress('checking', done, features.length));
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
  if (features.length === 0) throw fileProblem(file, 'expected at least one feature (the file has none)');

  const shape = stateShape(iso3);
  const areas = new Map(read.areas.map((a) => [a.id, a]));
  const warnings = [
    ...(shape === null
      ? [`${iso3} has no Natural Earth boundary at 1:50m: areas were not checked against it`]
      : outsideStateWarnings(read.areas, shape)),
    ...overlapWarningsOf(read.areas, await storedOpenAreas(store, iso3, read.areas)),
    ...releaseWarnings(read.releases, (id) => areas.get(id) ?? context.areas.get(id)),
  ];
  progress('writing', 0, features.length);
  const counts = await saveClearanceRecords(store, iso3, records, actor, { origin: file });
  progress('writing', features.length, features.length);
  return { file, counts, warnings, repairs: read.repairs };
}
