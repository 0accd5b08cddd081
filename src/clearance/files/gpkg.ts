/**
 * GeoPackage (OGC 12-128r18) through @ngageoint/geopackage: feature tables `hazard_areas` and
 * `land_releases` (WGS84, EPSG:4326), attribute tables `activities` and `devices_destroyed`,
 * columns named as in every other format (fields.ts). A GeoPackage from a GIS with a single
 * feature table of hazard areas under another name imports too.
 */
import { renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Feature } from 'geojson';
import {
  BoundingBox,
  FeatureColumn,
  type GeoPackage,
  GeoPackageAPI,
  GeoPackageDataType,
  GeometryColumns,
  GeometryType,
  UserColumn,
} from '@ngageoint/geopackage';
import { boundingBox } from '../geometry/area.js';
import type { AreaGeometry, BBox, ClearanceRecords } from '../model.js';
import {
  FIELDS,
  type FlatValue,
  RECORD_FIELD,
  type RecordKind,
  activityProperties,
  areaProperties,
  devicesProperties,
  releaseProperties,
} from './fields.js';
import { type RawFeature, fileProblem } from './problems.js';

export const GPKG_TABLES: Record<RecordKind, string> = {
  'hazard-area': 'hazard_areas',
  activity: 'activities',
  'land-release': 'land_releases',
  'devices-destroyed': 'devices_destroyed',
};

const BOOLEAN_COLUMNS = new Set(['synthetic', 'previouslyUnknown']);
const PK = 'fid';
const GEOMETRY = 'geom';
const WGS84 = 4326;

function featureRows(gp: GeoPackage, table: string, kind: RecordKind): RawFeature[] {
  const iterator = gp.iterateGeoJSONFeatures(table);
  const pk = iterator.featureDao.table.getPkColumnName();
  const out: RawFeature[] = [];
  // Read to the end: the library keeps the statement open until then, and closing would fail.
  for (const feature of iterator) {
    const { [pk]: rowId, ...properties } = (feature.properties ?? {}) as Record<string, unknown>;
    const row = typeof rowId === 'number' || typeof rowId === 'string' ? rowId : (feature.id ?? '?');
    out.push({ where: `table ${table}, row ${row}`, properties, geometry: feature.geometry, kind });
  }
  return out;
}

function attributeRows(gp: GeoPackage, table: string, kind: RecordKind): RawFeature[] {
  const dao = gp.getAttributeDao(table);
  const pk = dao.table.getPkColumnName();
  return dao.queryForAll().map((row) => {
    const { [pk]: rowId, ...properties } = row as Record<string, unknown>;
    return { where: `table ${table}, row ${String(rowId)}`, properties, geometry: undefined, kind };
  });
}

function areaTable(file: string, tables: readonly string[]): string {
  if (tables.includes(GPKG_TABLES['hazard-area'])) return GPKG_TABLES['hazard-area'];
  const others = tables.filter((t) => t !== GPKG_TABLES['land-release']);
  if (others.length === 1 && others[0] !== undefined) return others[0];
  throw fileProblem(
    file,
    `expected a feature table named ${GPKG_TABLES['hazard-area']}${others.length > 0 ? ` (found ${others.join(', ')})` : ' (found no feature table)'}`,
  );
}

export async function readGeoPackage(path: string, file: string): Promise<RawFeature[]> {
  let gp: GeoPackage;
  try {
    gp = await GeoPackageAPI.open(path);
  } catch (error) {
    throw fileProblem(file, `expected a GeoPackage (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    const features = gp.getFeatureTables();
    const attributes = gp.getAttributesTables();
    const out = featureRows(gp, areaTable(file, features), 'hazard-area');
    if (attributes.includes(GPKG_TABLES.activity)) out.push(...attributeRows(gp, GPKG_TABLES.activity, 'activity'));
    if (features.includes(GPKG_TABLES['land-release']))
      out.push(...featureRows(gp, GPKG_TABLES['land-release'], 'land-release'));
    if (attributes.includes(GPKG_TABLES['devices-destroyed']))
      out.push(...attributeRows(gp, GPKG_TABLES['devices-destroyed'], 'devices-destroyed'));
    return out;
  } finally {
    gp.close();
  }
}

function columnType(column: string): GeoPackageDataType {
  if (BOOLEAN_COLUMNS.has(column)) return GeoPackageDataType.BOOLEAN;
  if (column === 'areaM2') return GeoPackageDataType.DOUBLE;
  if (column === 'count') return GeoPackageDataType.INTEGER;
  return GeoPackageDataType.TEXT;
}

const columnsOf = (kind: RecordKind): string[] => [
  ...FIELDS[kind],
  ...(kind === 'hazard-area' || kind === 'land-release' ? ['areaM2'] : []),
];

/** POLYGON or MULTIPOLYGON when every row is one (what a GIS shows best), else GEOMETRY. */
function geometryType(geometries: readonly AreaGeometry[]): GeometryType {
  if (geometries.length > 0 && geometries.every((g) => g.type === 'Polygon')) return GeometryType.POLYGON;
  if (geometries.length > 0 && geometries.every((g) => g.type === 'MultiPolygon')) return GeometryType.MULTIPOLYGON;
  return GeometryType.GEOMETRY;
}

function extent(boxes: readonly BBox[]): BoundingBox {
  if (boxes.length === 0) return new BoundingBox(-180, 180, -90, 90);
  let [west, south, east, north] = [180, 90, -180, -90];
  for (const [w, s, e, n] of boxes)
    [west, south, east, north] = [Math.min(west, w), Math.min(south, s), Math.max(east, e), Math.max(north, n)];
  return new BoundingBox(west, east, south, north);
}

/** A row's cells: the table says the kind, and a missing cell is NULL. */
function cells(properties: Record<string, FlatValue>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [column, value] of Object.entries(properties)) {
    if (column !== RECORD_FIELD && value !== null && typeof value !== 'object') out[column] = value;
  }
  return out;
}

async function writeFeatures(
  gp: GeoPackage,
  kind: RecordKind,
  rows: readonly { properties: Record<string, FlatValue>; geometry: AreaGeometry; bbox: BBox }[],
): Promise<void> {
  const table = GPKG_TABLES[kind];
  const type = geometryType(rows.map((r) => r.geometry));
  const geometryColumns = new GeometryColumns();
  geometryColumns.table_name = table;
  geometryColumns.column_name = GEOMETRY;
  geometryColumns.geometry_type_name = GeometryType.nameFromType(type);
  geometryColumns.z = 0;
  geometryColumns.m = 0;
  geometryColumns.srs_id = WGS84;
  const columns = [
    FeatureColumn.createPrimaryKeyColumn(0, PK),
    FeatureColumn.createGeometryColumn(1, GEOMETRY, type, false),
    ...columnsOf(kind).map((name, i) => FeatureColumn.createColumn(i + 2, name, columnType(name), false)),
  ];
  gp.createFeatureTable(table, geometryColumns, columns, extent(rows.map((r) => r.bbox)), WGS84);
  const features: Feature[] = rows.map((r) => ({
    type: 'Feature',
    properties: cells(r.properties),
    geometry: r.geometry,
  }));
  await gp.addGeoJSONFeaturesToGeoPackage(features, table, false, 5000);
}

function writeAttributes(gp: GeoPackage, kind: RecordKind, rows: readonly Record<string, FlatValue>[]): void {
  const table = GPKG_TABLES[kind];
  gp.createAttributesTable(table, [
    UserColumn.createPrimaryKeyColumn(0, PK),
    ...columnsOf(kind).map((name, i) => UserColumn.createColumn(i + 1, name, columnType(name), false)),
  ]);
  const dao = gp.getAttributeDao(table);
  // One transaction for the table: row by row, each insert would be its own commit.
  gp.connection.transaction(() => {
    for (const row of rows) dao.create(dao.getRow(cells(row)));
  });
}

/** Writes beside `out`, then moves it in place: a failed export leaves no half file. */
export async function writeGeoPackage(records: ClearanceRecords, out: string): Promise<void> {
  // The library only creates files named .gpkg.
  const temporary = join(dirname(out), `.${basename(out)}.${process.pid}.partial.gpkg`);
  rmSync(temporary, { force: true });
  const gp = await GeoPackageAPI.create(temporary);
  try {
    await writeFeatures(
      gp,
      'hazard-area',
      records.areas.map((a) => ({ properties: areaProperties(a, 'text'), geometry: a.geometry, bbox: a.bbox })),
    );
    writeAttributes(gp, 'activity', records.activities.map(activityProperties));
    await writeFeatures(
      gp,
      'land-release',
      records.releases.map((r) => ({
        properties: releaseProperties(r),
        geometry: r.geometry,
        bbox: boundingBox(r.geometry),
      })),
    );
    writeAttributes(gp, 'devices-destroyed', records.devices.map(devicesProperties));
  } catch (error) {
    gp.close();
    rmSync(temporary, { force: true });
    throw error;
  }
  gp.close();
  renameSync(temporary, out);
}
