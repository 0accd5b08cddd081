/**
 * GeoJSON (RFC 7946): a FeatureCollection whose features carry the record fields as properties
 * (fields.ts). Hazard areas and releases have their polygon; activities and devices destroyed
 * have `"geometry": null`.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { StateCode } from '../../core/states.js';
import type { AreaGeometry, ClearanceRecords } from '../model.js';
import { activityProperties, areaProperties, devicesProperties, releaseProperties } from './fields.js';
import { type RawFeature, fileProblem } from './problems.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function readGeoJson(text: string, file: string): RawFeature[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw fileProblem(
      file,
      `expected GeoJSON, found text that is not JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const features =
    isRecord(value) && value.type === 'FeatureCollection'
      ? value.features
      : isRecord(value) && value.type === 'Feature'
        ? [value]
        : null;
  if (!Array.isArray(features))
    throw fileProblem(file, 'expected a GeoJSON FeatureCollection (or a single Feature) with a "features" list');
  return features.map((feature: unknown, index): RawFeature => rawFeatureOf(feature, `feature ${index + 1}`));
}

/** One member of a FeatureCollection's features, as the import reads it (`where` names it in messages). */
export function rawFeatureOf(feature: unknown, where: string): RawFeature {
  if (!isRecord(feature) || feature.type !== 'Feature') {
    return {
      where,
      properties: {},
      geometry: undefined,
      geometryProblem: {
        field: 'feature',
        expected: 'a GeoJSON Feature ({"type": "Feature", "properties", "geometry"})',
      },
    };
  }
  const properties = isRecord(feature.properties) ? feature.properties : {};
  // A top-level Feature id counts as the record id when the properties give none.
  if (properties.id === undefined && (typeof feature.id === 'string' || typeof feature.id === 'number'))
    properties.id = feature.id;
  return { where, properties, geometry: feature.geometry };
}

/** The `minefree` member of an export: whose records, and whether they are demo data. */
export interface ExportMeta {
  iso3: StateCode;
  synthetic: boolean;
}

export interface ClearanceFeature {
  type: 'Feature';
  /** The record's fields (fields.ts), `record` saying which kind it is. */
  properties: object;
  geometry: AreaGeometry | null;
}

/** GET /api/v1/states/{iso3}/clearance/records, and a .geojson export. */
export interface ClearanceFeatureCollection {
  type: 'FeatureCollection';
  minefree: ExportMeta;
  features: ClearanceFeature[];
}

export const exportMeta = (records: ClearanceRecords, iso3: StateCode): ExportMeta => ({
  iso3,
  synthetic: records.areas.some((a) => a.synthetic),
});

/** The records as features, in the order of every export: hazard areas, activities, land releases, devices. */
export function* geoJsonFeatures(records: ClearanceRecords): Generator<ClearanceFeature> {
  const feature = (properties: object, geometry: AreaGeometry | null): ClearanceFeature => ({
    type: 'Feature',
    properties,
    geometry,
  });
  for (const a of records.areas) yield feature(areaProperties(a, 'list'), a.geometry);
  for (const a of records.activities) yield feature(activityProperties(a), null);
  for (const r of records.releases) yield feature(releaseProperties(r), r.geometry);
  for (const d of records.devices) yield feature(devicesProperties(d), null);
}

export function geoJsonCollection(records: ClearanceRecords, meta: ExportMeta): ClearanceFeatureCollection {
  return { type: 'FeatureCollection', minefree: meta, features: [...geoJsonFeatures(records)] };
}

/** The same collection written feature by feature: a State's file can be larger than one string may be. */
export function writeGeoJson(records: ClearanceRecords, out: string, meta: ExportMeta): void {
  const fd = openSync(out, 'w');
  try {
    writeSync(fd, `{"type":"FeatureCollection","minefree":${JSON.stringify(meta)},"features":[\n`);
    let first = true;
    for (const feature of geoJsonFeatures(records)) {
      writeSync(fd, `${first ? '' : ',\n'}${JSON.stringify(feature)}`);
      first = false;
    }
    writeSync(fd, '\n]}\n');
  } finally {
    closeSync(fd);
  }
}
