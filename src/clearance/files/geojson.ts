/**
 * GeoJSON (RFC 7946): a FeatureCollection whose features carry the record fields as properties
 * (fields.ts). Hazard areas and releases have their polygon; activities and devices destroyed
 * have `"geometry": null`.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { ClearanceRecords } from '../model.js';
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
  return features.map((feature: unknown, index): RawFeature => {
    const where = `feature ${index + 1}`;
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
  });
}

/** Writes feature by feature: a State's file can be larger than one string may be. */
export function writeGeoJson(records: ClearanceRecords, out: string, meta: Record<string, unknown>): void {
  const fd = openSync(out, 'w');
  try {
    writeSync(fd, `{"type":"FeatureCollection","minefree":${JSON.stringify(meta)},"features":[\n`);
    let first = true;
    const write = (properties: object, geometry: unknown): void => {
      writeSync(fd, `${first ? '' : ',\n'}${JSON.stringify({ type: 'Feature', properties, geometry })}`);
      first = false;
    };
    for (const a of records.areas) write(areaProperties(a, 'list'), a.geometry);
    for (const a of records.activities) write(activityProperties(a), null);
    for (const r of records.releases) write(releaseProperties(r), r.geometry);
    for (const d of records.devices) write(devicesProperties(d), null);
    writeSync(fd, '\n]}\n');
  } finally {
    closeSync(fd);
  }
}
