// Builders for the file tests: small squares placed by hand, features written as a GIS would.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Polygon } from 'geojson';
import { SYSTEM } from '../../store/audit.js';
import type { Store } from '../../store/database.js';
import { importClearanceFile } from './import.js';
import { ImportRejectedError, describeImportProblem } from './problems.js';

export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'minefree-files-'));

/** A square `size` degrees wide with its south-west corner at (lon, lat), counter-clockwise. */
export function square(lon: number, lat: number, size = 0.001): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + size, lat],
        [lon + size, lat + size],
        [lon, lat + size],
        [lon, lat],
      ],
    ],
  };
}

export function areaFeature(
  n: number,
  extra: Record<string, unknown> = {},
  geometry: unknown = square(104 + (n % 40) * 0.01, 12 + Math.floor(n / 40) * 0.01),
) {
  return {
    type: 'Feature',
    properties: {
      id: `KHM-T${n}`,
      localRef: `T-${n}`,
      name: `Test area ${n}`,
      type: 'CHA',
      informationDate: '2020-01-15',
      organisation: 'CMAC',
      ...extra,
    },
    geometry,
  };
}

export function writeCollection(dir: string, name: string, features: readonly unknown[]): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features }));
  return path;
}

/** The problems an import of `path` is refused with, as the user reads them (fails if it is imported). */
export async function problemsOf(
  store: Store,
  path: string,
  options: { iso3?: 'KHM' | 'THA'; worker?: boolean } = {},
): Promise<string[]> {
  try {
    await importClearanceFile(
      store,
      path,
      options.iso3 ?? 'KHM',
      SYSTEM,
      options.worker === undefined ? {} : { worker: options.worker },
    );
  } catch (error) {
    if (error instanceof ImportRejectedError) return error.problems.map(describeImportProblem);
    throw error;
  }
  throw new Error(`${path} was imported`);
}
