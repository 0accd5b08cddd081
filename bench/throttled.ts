/**
 * The web app as users on a slow phone get it: Chromium throttled through the DevTools protocol to
 * DevTools' "Slow 4G" (562.5 ms latency, 1.47 Mbit/s down, 675 kbit/s up) and a 4x slower CPU,
 * against a bare HTML page served in the same run under the same throttling.
 *
 * - dashboard: Largest Contentful Paint (target <= 2.5 s);
 * - Cambodia's State page with synthetic clearance records: time until the clearance map has drawn
 *   (target <= 4 s);
 * - JavaScript per page, compressed as transferred (target <= 500 KB).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { saveClearanceRecords } from '../src/clearance/store.js';
import { startServer } from '../src/server/start.js';
import { openDatabase } from '../src/store/database.js';
import { initDatabase } from '../src/setup/seed.js';
import { SYSTEM } from '../src/store/audit.js';
import { launchChromium } from '../test/browser/chromium.js';
import { demoClearance } from '../test/browser/seeded-pages.js';
import { type Row, summarise } from './measure.js';

const SLOW_4G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1474.56 * 1024) / 8,
  uploadThroughput: (675 * 1024) / 8,
};
const CPU_SLOWDOWN = 4;
const RUNS = 3;
const JS_TARGET_KB = 500;

interface Globals {
  __lcp?: number;
}

/** A new tab with the cache off, the network and CPU throttled. */
async function throttledPage(newPage: () => Promise<Page>): Promise<Page> {
  const page = await newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  // Recorded from the first paint on, before any script of the page runs.
  await page.addInitScript(() => {
    new PerformanceObserver((list) => {
      const entries = list.getEntries();
      const last = entries[entries.length - 1];
      if (last) (globalThis as Globals).__lcp = last.startTime;
    }).observe({ type: 'largest-contentful-paint' as 'mark', buffered: true });
  });
  return page;
}

/** The page's LCP in ms, once the load is over. */
async function lcp(page: Page, url: string, ready?: string): Promise<number> {
  await page.goto(url, { waitUntil: 'networkidle', timeout: 120_000 });
  if (ready !== undefined) await page.waitForSelector(ready, { timeout: 180_000 });
  await page.waitForFunction(() => (globalThis as Globals).__lcp !== undefined, undefined, { timeout: 30_000 });
  return page.evaluate(() => (globalThis as Globals).__lcp ?? NaN);
}

/** Compressed bytes of the scripts the page loaded (as transferred). */
const scriptBytes = (page: Page): Promise<number> =>
  page.evaluate(() =>
    (
      performance.getEntriesByType('resource') as unknown as {
        name: string;
        encodedBodySize: number;
        initiatorType: string;
      }[]
    )
      .filter((e) => e.initiatorType === 'script' || /\.m?js(\?|$)/.test(e.name))
      .reduce((sum, e) => sum + e.encodedBodySize, 0),
  );

export async function throttledBenchmarks(rows: Row[], dir: string): Promise<void> {
  const demo = { iso3: 'KHM', areas: 200, seed: 7, asOf: '2026-06-30' } as const;
  const store = await openDatabase({ file: join(dir, 'throttled.db') });
  await initDatabase(store);
  await saveClearanceRecords(store, demo.iso3, demoClearance(demo), SYSTEM, { origin: 'bench: demo clearance' });
  const server = await startServer({ port: 0, store });
  const bare = createServer((_request, response) => {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end('<!doctype html><html lang="en"><title>minefree</title><h1>minefree</h1><p>A bare page.</p></html>');
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;
  const base = server.url.replace(/\/$/, '');
  const chromium = await launchChromium({ width: 412, height: 823 });
  const open = (): Promise<Page> => chromium.context.newPage();
  const js: [string, number][] = [];
  try {
    const bareLcp: number[] = [];
    const dashboard: number[] = [];
    const map: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      let page = await throttledPage(open);
      bareLcp.push(await lcp(page, bareUrl));
      await page.close();

      page = await throttledPage(open);
      dashboard.push(await lcp(page, `${base}/?asOf=2026-06-30`, '.chart svg'));
      if (run === 0) js.push(['dashboard', await scriptBytes(page)]);
      await page.close();

      page = await throttledPage(open);
      const start = Date.now();
      await page.goto(`${base}/states/KHM?asOf=${demo.asOf}`, { waitUntil: 'commit' });
      await page.waitForSelector('.clearance-map[data-ready=true]', { timeout: 180_000 });
      map.push(Date.now() - start);
      if (run === 0) {
        await page.waitForLoadState('networkidle');
        js.push(['State page with clearance (KHM)', await scriptBytes(page)]);
      }
      await page.close();
    }
    // Each page once it has drawn (lazy chunks start only after the first script has run).
    for (const [path, ready] of [
      ['/map', '.world-map[data-ready=true]'],
      ['/figures', '.chart svg'],
      // Its map and charts load after the heading: 'main h1' alone measured only the first script (142 KB).
      ['/stockpiles', '.world-map[data-ready=true]'],
      ['/states', 'tbody tr'],
    ] as const) {
      const page = await throttledPage(open);
      await page.goto(`${base}${path}`, { waitUntil: 'commit' });
      await page.waitForSelector(ready, { timeout: 180_000 });
      await page.waitForLoadState('networkidle');
      js.push([path, await scriptBytes(page)]);
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
    console.log(`\nJavaScript per page, compressed as transferred (target <= ${JS_TARGET_KB} KB):`);
    for (const [name, bytes] of js) {
      const kb = bytes / 1024;
      console.log(
        `  ${name.padEnd(34)} ${kb.toFixed(0).padStart(6)} KB  ${kb <= JS_TARGET_KB ? 'meets target' : 'MISSES target'}`,
      );
    }
  } finally {
    await chromium.close();
    await server.close();
    await new Promise<void>((resolve) => bare.close(() => resolve()));
    await store.close();
  }
}
