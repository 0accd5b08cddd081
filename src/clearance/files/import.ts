/**
 * `minefree import clearance FILE --state ISO3`: a GeoJSON, GeoPackage or CSV file into the
 * State's records, all or nothing. Every feature is read and checked before the database is
 * written; one refused feature and nothing is written, and every problem names the file, the
 * feature and what is wrong.
 */
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { StateCode } from '../../core/states.js';
import type { Actor } from '../../store/audit.js';
import type { Store } from '../../store/database.js';
import { readCsvFeatures } from './csv.js';
import { readGeoJson } from './geojson.js';
import { importGeoJsonStream } from './geojson-import.js';
import { type ImportOptions, type ImportResult, importRead } from './import-checked.js';
import { type RawFeature, fileProblem } from './problems.js';
import { readRecords } from './read-records.js';

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

export { type ImportOptions, type ImportPhase, type ImportResult } from './import-checked.js';

/** About 2,500 features: below this, reading in this thread is as fast as starting the workers. */
export const WORKER_BYTES = 2_000_000;
const workerBytes = (): number => Number(process.env.MINEFREE_IMPORT_WORKER_BYTES ?? WORKER_BYTES);

/** The file's size in bytes; 0 when it cannot be read (readFeatures then says why). */
function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
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

  if (format === 'geojson' && (options.worker ?? fileSize(path) >= workerBytes()))
    return importGeoJsonStream(store, path, file, iso3, actor, options);
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
  return importRead(store, file, read, features.length, iso3, actor, options);
}
