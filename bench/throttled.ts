/**
 * The web app as users on a slow phone get it (bench/throttle.ts: Slow 4G and a 4x slower CPU),
 * against a bare HTML page served in the same run under the same throttling.
 *
 * - dashboard: Largest Contentful Paint (target <= 2.5 s);
 * - Cambodia's State page with synthetic clearance records: time until the clearance map has drawn,
 *   that is MapLibre's first 'idle' with the hazard areas' tiles and the country shapes on screen
 *   (`.clearance-map[data-ready=true]`; target <= 4 s);
 * - JavaScript per page, compressed as transferred (target <= 500 KB): bench/page-weight.ts.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/browser/chromium.js';
import { type Row, summarise } from './measure.js';
import { pageWeights } from './page-weight.js';
import { DEMO, PORT, lcp, startBenchServer, throttledPage, timeToSelector } from './throttle.js';

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
    for (let run = 0; run < RUNS; run += 1) {
      let page = await throttledPage(open);
      bareLcp.push(await lcp(page, bareUrl));
      await page.close();

      page = await throttledPage(open);
      dashboard.push(await lcp(page, `${base}/?asOf=${DEMO.asOf}`, '.chart svg'));
      await page.close();

      page = await throttledPage(open);
      map.push(await timeToSelector(page, `${base}/states/KHM?asOf=${DEMO.asOf}`, '.clearance-map[data-ready=true]'));
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
    await pageWeights(base, open);
  } finally {
    await chromium.close();
    await server.close();
    await new Promise<void>((resolve) => bare.close(() => resolve()));
  }
}
