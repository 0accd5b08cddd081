/**
 * The web app as users on a slow phone get it (bench/throttle.ts: Slow 4G and a 4x slower CPU),
 * against a bare HTML page served in the same run under the same throttling.
 *
 * - dashboard: Largest Contentful Paint (target <= 2.5 s);
 * - Cambodia's State page with synthetic clearance records: time until the clearance map has drawn,
 *   that is MapLibre's first 'idle' with the hazard areas' tiles and the country shapes on screen
 *   (`.clearance-map[data-ready=true]`; target <= 4 s); and, in the same load, until its first view
 *   (ClearanceMapPreview: an SVG of the outline and the open hazard areas, drawn before MapLibre has
 *   loaded; no target: it is not the usable map, it cannot be panned, zoomed or clicked);
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
    const firstView: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      let page = await throttledPage(open);
      bareLcp.push(await lcp(page, bareUrl));
      await page.close();

      page = await throttledPage(open);
      dashboard.push(await lcp(page, `${base}/?asOf=${DEMO.asOf}`, '.chart svg'));
      await page.close();

      page = await throttledPage(open);
      const [preview, drawn] = await timesToSelectors(page, `${base}/states/KHM?asOf=${DEMO.asOf}`, [
        '.clearance-map-preview svg circle',
        '.clearance-map[data-ready=true]',
      ]);
      firstView.push(preview ?? NaN);
      map.push(drawn ?? NaN);
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
      measure: 'KHM State page to a drawn clearance map, Slow 4G + 4x CPU',
      value: summarise(map),
      baselineName: 'bare HTML page LCP, same throttling',
      baseline: summarise(bareLcp),
      targetMs: 4000,
    });
    rows.push({
      measure: "KHM State page to the map's first view (SVG: outline, open hazard areas), Slow 4G + 4x CPU",
      value: summarise(firstView),
      baselineName: 'bare HTML page LCP, same throttling',
      baseline: summarise(bareLcp),
      // Not the usable map above: no pan, zoom, popups or slider until MapLibre has drawn.
      targetMs: null,
    });
    await pageWeights(base, open);
  } finally {
    await chromium.close();
    await server.close();
    await new Promise<void>((resolve) => bare.close(() => resolve()));
  }
}
