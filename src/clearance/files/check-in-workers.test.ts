import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { batchChecker } from './check-batch.js';
import { checkInWorkers } from './check-in-workers.js';
import type { FeatureOutcome } from './check-protocol.js';
import { featureBatches } from './geojson-stream.js';
import { areaFeature, tempDir } from './test-files.js';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 700 areas (three batches), one a line, with a feature that is not JSON and one outside the State. */
function writeFile(): string {
  const lines = Array.from({ length: 700 }, (_, i) => JSON.stringify(areaFeature(i + 1)));
  lines[300] = '{"type": "Feature", "properties": {"id": "KHM-T301"}, "geometry": nul}';
  lines[500] = JSON.stringify(
    areaFeature(
      501,
      {},
      {
        type: 'Polygon',
        coordinates: [
          [
            [2, 48],
            [2.01, 48],
            [2.01, 48.01],
            [2, 48],
          ],
        ],
      },
    ),
  );
  const path = join(dir, 'areas.geojson');
  writeFileSync(path, `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`);
  return path;
}

/** Outcomes with their packed polygons as plain arrays (a Buffer here, a Uint8Array from a worker). */
const plain = (outcomes: readonly FeatureOutcome[]): unknown[] =>
  outcomes.map((o) => ({ ...o, area: o.area?.map((v) => (v instanceof Uint8Array ? [...v] : v)) }));

async function collect(batches: AsyncGenerator<FeatureOutcome[], unknown>): Promise<FeatureOutcome[]> {
  const all: FeatureOutcome[] = [];
  for await (const outcomes of batches) all.push(...outcomes);
  return all;
}

describe('checking the features of a GeoJSON file in worker threads', () => {
  const path = writeFile();

  it('gives the outcomes of checking in this thread, in file order, whoever checks each batch', async () => {
    const check = batchChecker({ file: 'areas.geojson', iso3: 'KHM' });
    const here: FeatureOutcome[] = [];
    for await (const batch of featureBatches(path, 'areas.geojson')) here.push(...check({ seq: 0, ...batch }));
    expect(here).toHaveLength(700);
    expect(here[300]?.problems[0]?.message).toMatch(
      /^feature: expected a GeoJSON Feature, found text that is not JSON/,
    );
    expect(here[500]?.warning).toBeDefined();

    for (const checkHere of [false, true]) {
      const checked = checkInWorkers(path, 'areas.geojson', 'KHM', { workers: 2, checkHere });
      try {
        expect(plain(await collect(checked.batches))).toEqual(plain(here));
      } finally {
        await checked.close();
      }
    }
  });
});
