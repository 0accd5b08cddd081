/**
 * JavaScript per page of the app, compressed as transferred (target <= 500 KB), under the throttling
 * of bench/throttle.ts: once for the first screen (the page opened, its first screen drawn, no
 * request open for 3 s) and once more after scrolling to its end (what loads as its sections come
 * into view: the charts further down).
 */
import type { Page } from 'playwright-core';
import { DEMO, scriptBytes, settled, throttledPage } from './throttle.js';

export const JS_TARGET_KB = 500;

/** Every page of the app (src/web/README.md), with what shows that its first screen has drawn. */
const PAGES: readonly (readonly [name: string, path: string, ready: string])[] = [
  ['dashboard', `/?asOf=${DEMO.asOf}`, '.chart svg'],
  ['world map', '/map', '.world-map[data-ready=true]'],
  ['States', '/states', 'tbody tr'],
  ['State with clearance (KHM)', `/states/KHM?asOf=${DEMO.asOf}`, '.clearance-map[data-ready=true]'],
  ['State with a stockpile (BLR)', '/states/BLR', '[data-testid=stockpile-section] h2'],
  ['figures', '/figures', '.chart svg'],
  ['stockpiles', '/stockpiles', '.world-map[data-ready=true]'],
  ['reports', '/reports', 'main h1'],
  ['cooperation', '/cooperation', 'main h1'],
  ['victims', '/victims', 'main h1'],
  ['how to read minefree', '/about-data', 'main h1'],
  ['page not found', '/no-such-page', 'main h1'],
];

/** What the page's scroll needs of the browser's window (the benchmark's types have no DOM). */
interface Viewport {
  scrollBy(x: number, y: number): void;
  innerHeight: number;
  scrollY: number;
  document: { documentElement: { scrollHeight: number } };
}

/** Scrolls a screen at a time to the end of the page, letting each screen's requests finish. */
async function scrollToEnd(page: Page): Promise<void> {
  for (let step = 0; step < 40; step += 1) {
    const atEnd = await page.evaluate(() => {
      const view = globalThis as unknown as Viewport;
      view.scrollBy(0, view.innerHeight);
      return view.scrollY + view.innerHeight >= view.document.documentElement.scrollHeight - 1;
    });
    await settled(page, 1500);
    if (atEnd) return;
  }
}

export async function pageWeights(base: string, open: () => Promise<Page>): Promise<void> {
  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0).padStart(6)} KB`;
  console.log(`\nJavaScript per page, compressed as transferred (target <= ${JS_TARGET_KB} KB for the first screen):`);
  console.log(`  ${'page'.padEnd(30)} ${'first screen'.padStart(12)}  ${'verdict'.padEnd(13)}  scrolled to the end`);
  for (const [name, path, ready] of PAGES) {
    const page = await throttledPage(open);
    try {
      await page.goto(`${base}${path}`, { waitUntil: 'commit' });
      await page.waitForSelector(ready, { timeout: 180_000 });
      await settled(page);
      const first = await scriptBytes(page);
      await scrollToEnd(page);
      const all = await scriptBytes(page);
      const verdict = first / 1024 <= JS_TARGET_KB ? 'meets target' : 'MISSES target';
      console.log(`  ${name.padEnd(30)} ${kb(first).padStart(12)}  ${verdict.padEnd(13)}  ${kb(all)}`);
    } finally {
      await page.close();
    }
  }
}
