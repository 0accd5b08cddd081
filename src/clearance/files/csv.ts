/**
 * CSV with the polygon as well-known text in a `wkt` column (WGS84 longitude latitude). One
 * file holds every kind of record, told apart by the `record` column; a column that does not
 * apply to a kind stays empty. A plain table of hazard areas (no `record` column) imports too.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { writeFileSync } from 'node:fs';
import wkx from 'wkx';
import { parseCsv } from '../../core/csv.js';
import { DataError, type DataProblem } from '../../core/errors.js';
import type { AreaGeometry, ClearanceRecords } from '../model.js';
import {
  FIELDS,
  type FlatValue,
  RECORD_FIELD,
  RECORD_KINDS,
  activityProperties,
  areaProperties,
  devicesProperties,
  releaseProperties,
} from './fields.js';
import { ImportRejectedError, type RawFeature } from './problems.js';

export const WKT_COLUMN = 'wkt';
const WKT_EXPECTED = 'the polygon as well-known text, POLYGON((lon lat, ...)) or MULTIPOLYGON(...), in WGS84';

/** Every column, in the order minefree writes them. */
export const CSV_COLUMNS: readonly string[] = [
  RECORD_FIELD,
  ...new Set(RECORD_KINDS.flatMap((kind) => FIELDS[kind])),
  'areaM2',
  WKT_COLUMN,
];

function readWkt(text: string): { geometry: unknown } | { problem: string } {
  try {
    const geometry: unknown = wkx.Geometry.parse(text).toGeoJSON();
    return { geometry };
  } catch (error) {
    return {
      problem: `${WKT_EXPECTED}; found "${text.slice(0, 40)}${text.length > 40 ? '…' : ''}" (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}

export function readCsvFeatures(text: string, file: string): RawFeature[] {
  let rows;
  try {
    rows = parseCsv(text, file);
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    const message = (p: DataProblem): string =>
      `expected ${p.expected}${p.found === null ? '' : `, found "${p.found}"`}`;
    throw new ImportRejectedError(
      file,
      error.problems.map((p) => ({ file, where: `line ${p.line}`, ref: null, message: message(p) })),
    );
  }
  const records: unknown = parse(text, { bom: true, to_line: 1 });
  const header = Array.isArray(records) && Array.isArray(records[0]) ? (records[0] as string[]) : [];
  const wktColumn = header.find((name) => name.toLowerCase() === WKT_COLUMN);
  return rows.map((row): RawFeature => {
    const properties: Record<string, unknown> = {};
    for (const name of header) if (name !== wktColumn) properties[name] = row.get(name);
    const where = `line ${row.line}`;
    const wkt = wktColumn === undefined ? '' : row.get(wktColumn).trim();
    if (wkt === '') return { where, properties, geometry: undefined, ...missingWkt(wktColumn) };
    const read = readWkt(wkt);
    return 'problem' in read
      ? { where, properties, geometry: undefined, geometryProblem: { field: WKT_COLUMN, expected: read.problem } }
      : { where, properties, geometry: read.geometry };
  });
}

/** An empty cell: fine for an activity, a problem for a polygon record (read-records decides). */
function missingWkt(column: string | undefined): Pick<RawFeature, 'geometryProblem'> {
  return {
    geometryProblem: {
      field: column ?? WKT_COLUMN,
      expected: `${WKT_EXPECTED} (the ${column === undefined ? 'file has no wkt column' : 'cell is empty'})`,
    },
  };
}

const cell = (value: FlatValue | undefined): string =>
  value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
const wktOf = (geometry: AreaGeometry): string => wkx.Geometry.parseGeoJSON(geometry).toWkt();

export function writeCsv(records: ClearanceRecords, out: string): void {
  const rows: string[][] = [];
  const add = (properties: Record<string, FlatValue>, geometry: AreaGeometry | null): void => {
    rows.push(
      CSV_COLUMNS.map((column) =>
        column === WKT_COLUMN ? (geometry === null ? '' : wktOf(geometry)) : cell(properties[column]),
      ),
    );
  };
  for (const a of records.areas) add(areaProperties(a, 'text'), a.geometry);
  for (const a of records.activities) add(activityProperties(a), null);
  for (const r of records.releases) add(releaseProperties(r), r.geometry);
  for (const d of records.devices) add(devicesProperties(d), null);
  writeFileSync(out, stringify([[...CSV_COLUMNS], ...rows]));
}
