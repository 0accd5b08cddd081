/**
 * What the throttled benchmarks share: Chromium throttled through the DevTools protocol to DevTools'
 * "Slow 4G" (562.5 ms latency, 1.47 Mbit/s down, 675 kbit/s up) and a 4x slower CPU, the cache off,
 * and the app on a fresh database with synthetic clearance records for Cambodia.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { saveClearanceRecords } from '../src/clearance/store.js';
import { startServer } from '../src/server/start.js';
import { SYSTEM } from '../src/store/audit.js';
import { openDatabase } from '../src/store/database.js';
import { initDatabase } from '../src/setup/seed.js';
import { demoClearance } from '../test/browser/seeded-pages.js';

const SLOW_4G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1474.56 * 1024) / 8,
  uploadThroughput: (675 * 1024) / 8,
};
const CPU_SLOWDOWN = 4;

/** MINEFREE_BENCH_PORT: the app's port (the bare page's is the next one); unset, any free port. */
export const PORT = Number(process.env.MINEFREE_BENCH_PORT ?? 0);

export const DEMO = { iso3: 'KHM', areas: 200, seed: 7, asOf: '2026-06-30' } as const;

interface Globals {
  __lcp?: number;
  __seen?: Record<string, number>;
}

/** What timeToSelector's page script needs of the browser (the benchmark's types have no DOM). */
interface PageDom {
  document: { querySelector(selector: string): unknown };
  MutationObserver: new (callback: () => void) => {
    observe(target: unknown, options: { subtree: boolean; childList: boolean; attributes: boolean }): void;
  };
}

/** Requests of each page still open, and when the last one started or ended. */
const traffic = new WeakMap<Page, { open: number; last: number }>();

/** A new tab with the cache off, the network and CPU throttled. */
export async function throttledPage(newPage: () => Promise<Page>): Promise<Page> {
  const page = await newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  const state = { open: 0, last: Date.now() };
  traffic.set(page, state);
  page.on('request', () => {
    state.open += 1;
    state.last = Date.now();
  });
  const done = (): void => {
    state.open -= 1;
    state.last = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
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

/**
 * Waits until the page has had no request open for `quietMs` (what its first screen loads has
 * arrived: lazy chunks start only after the scripts before them have run, so the page's load event
 * and Playwright's 'networkidle', which can fire in a gap while a script runs, come too early).
 */
export async function settled(page: Page, quietMs = 3000, timeoutMs = 120_000): Promise<void> {
  const state = traffic.get(page);
  if (state === undefined) throw new Error('settled() needs a page from throttledPage()');
  const until = Date.now() + timeoutMs;
  while (state.open > 0 || Date.now() - state.last < quietMs) {
    if (Date.now() > until) throw new Error(`${page.url()}: requests still open after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The page's LCP in ms, once the load is over. */
export async function lcp(page: Page, url: string, ready?: string): Promise<number> {
  await page.goto(url, { waitUntil: 'networkidle', timeout: 120_000 });
  if (ready !== undefined) await page.waitForSelector(ready, { timeout: 180_000 });
  await page.waitForFunction(() => (globalThis as Globals).__lcp !== undefined, undefined, { timeout: 30_000 });
  return page.evaluate(() => (globalThis as Globals).__lcp ?? NaN);
}

/**
 * Opens `url` and returns, for each selector, the time from the start of the navigation (the page's
 * time origin) until it first matched, taken in the page when it happens (not when Playwright's
 * polling notices); NaN for one that never matched. Returns once the last selector has matched.
 */
export async function timesToSelectors(page: Page, url: string, selectors: readonly string[]): Promise<number[]> {
  // No named function inside: tsx keeps names through a helper the page does not have (__name).
  await page.addInitScript((wanted: readonly string[]) => {
    const dom = globalThis as unknown as PageDom;
    const seen: Record<string, number> = ((globalThis as Globals).__seen ??= {});
    new dom.MutationObserver(() => {
      for (const selector of wanted)
        if (seen[selector] === undefined && dom.document.querySelector(selector) !== null)
          seen[selector] = performance.now();
    }).observe(dom.document, { subtree: true, childList: true, attributes: true });
  }, selectors);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForSelector(selectors[selectors.length - 1] ?? 'body', { timeout: 180_000 });
  return page.evaluate(
    (wanted) => wanted.map((selector) => (globalThis as Globals).__seen?.[selector] ?? NaN),
    selectors,
  );
}

/** Compressed bytes of the scripts the page loaded (as transferred). */
export const scriptBytes = (page: Page): Promise<number> =>
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

/** The app on a fresh database with the demo's synthetic clearance records for Cambodia. */
export async function startBenchServer(dir: string): Promise<{ base: string; close(): Promise<void> }> {
  const store = await openDatabase({ file: join(dir, 'throttled.db') });
  await initDatabase(store);
  await saveClearanceRecords(store, DEMO.iso3, demoClearance(DEMO), SYSTEM, { origin: 'bench: demo clearance' });
  const server = await startServer({ port: PORT, store });
  return {
    base: server.url.replace(/\/$/, ''),
    async close() {
      await server.close();
      await store.close();
    },
  };
}
