/**
 * The web app as users on a slow phone get it (bench/throttle.ts: Slow 4G and a 4x slower CPU),
 * against a bare HTML page served in the same run under the same throttling.
 *
 * - dashboard: Largest Contentful Paint (target <= 2.5 s);
 * - Cambodia's State page with synthetic clearance records: time until the clearance map is usable
 *   (target <= 4 s). Usable means it can be panned, zoomed, and a hazard area opened by mouse and by
 *   keyboard. The map's first view (ClearanceMapPreview: the outline and a dot per open hazard area,
 *   drawn before MapLibre has loaded) is such a map since it pans on drag, wheel and arrow keys, zooms
 *   on buttons and keys, and each area is a button that shows its details (test/browser/clearance.test.ts
 *   checks each by mouse and keyboard): it counts once its areas are drawn
 *   (`.clearance-map-preview[data-usable=true]`), or MapLibre's first 'idle' if that comes first
 *   (`.clearance-map[data-ready=true]`). Until 2026-11 only MapLibre counted, as the first view was a
 *   picture. In the same load, until MapLibre has drawn (no target: it adds the date slider, the land
 *   released and the detailed tiles, and takes over the first view's place and open area);
 * - JavaScript per page, compressed as transferred (target <= 500 KB): bench/page-weight.ts.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/browser/chromium.js';
import { type Row, summarise } from './measure.js';
import { pageWeights } from './page-weight.js';
import { DEMO, PORT, lcp, startBenchServer, throttledPage, timesToSelectors } from './throttle.js';

const RUNS = 3;
/** The first view with its hazard areas drawn: it pans, zooms and opens an area already. */
const USABLE_FIRST_VIEW = '.clearance-map-preview[data-usable=true]';
const MAPLIBRE_DRAWN = '.clearance-map[data-ready=true]';

export async function throttledBenchmarks(rows: Row[], dir: string): Promise<void> {
  const server = await startBenchServer(dir);
  const bare = createServer((_request, response) => {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end('<!doctype html><html lang="en"><title>minefree</title><h1>minefree</h1><p>A bare page.</p></html>');
  });
  await new Promise<void>((resolve) => bare.listen(PORT === 0 ? 0 : PORT + 1, '127.0.0.1', resolve));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;
  const base = server.base;
  const chromium = await launchChromium({ width: 412, height: 823 });
  const open = (): Promise<Page> => chromium.context.newPage();
  try {
    const bareLcp: number[] = [];
    const dashboard: number[] = [];
    const map: number[] = [];
    const maplibre: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      let page = await throttledPage(open);
      bareLcp.push(await lcp(page, bareUrl));
      await page.close();

      page = await throttledPage(open);
      dashboard.push(await lcp(page, `${base}/?asOf=${DEMO.asOf}`, '.chart svg'));
      await page.close();

      page = await throttledPage(open);
      const [usable, drawn] = await timesToSelectors(page, `${base}/states/KHM?asOf=${DEMO.asOf}`, [
        `${USABLE_FIRST_VIEW}, ${MAPLIBRE_DRAWN}`,
        MAPLIBRE_DRAWN,
      ]);
      map.push(usable ?? NaN);
      maplibre.push(drawn ?? NaN);
      await page.close();
    }
    rows.push({
      measure: 'dashboard LCP, Slow 4G + 4x CPU',
      value: summarise(dashboard),
      baselineName: 'bare HTML page LCP, same throttling',
      baseline: summarise(bareLcp),
      targetMs: 2500,
    });
    rows.push({
      measure: 'KHM State page to a usable clearance map (pan, zoom, open an area), Slow 4G + 4x CPU',
      value: summarise(map),
      baselineName: 'bare HTML page LCP, same throttling',
      baseline: summarise(bareLcp),
      targetMs: 4000,
    });
    rows.push({
      measure: 'KHM State page to MapLibre drawn (date slider, land released), Slow 4G + 4x CPU',
      value: summarise(maplibre),
      baselineName: 'bare HTML page LCP, same throttling',
      baseline: summarise(bareLcp),
      targetMs: null,
    });
    await pageWeights(base, open);
  } finally {
    await chromium.close();
    await server.close();
    await new Promise<void>((resolve) => bare.close(() => resolve()));
  }
}
