/**
 * One real server and one Chromium per browser test file, and pages opened on it whose script
 * errors fail the test that opened them.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { ensureWebBuild } from '../../src/server/web-build.js';
import { type Chromium, launchChromium } from './chromium.js';
import { type TestServer, type TestServerOptions, startTestServer } from './server.js';

export interface BrowserPages {
  /** Opens the path in a new tab, at `viewport` (default 1280 x 900) from the first paint. */
  open: (path: string, viewport?: { width: number; height: number }) => Promise<Page>;
  /** Closes the page; a script error on it fails the test. */
  done: (page: Page) => Promise<void>;
}

/** Registers the file's beforeAll/afterAll: call it at the top level of a test file. */
export function useBrowserPages(options: TestServerOptions = {}): BrowserPages {
  let server: TestServer;
  let chromium: Chromium;
  const pageErrors = new WeakMap<Page, string[]>();

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startTestServer(options);
    chromium = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  return {
    open: async (path, viewport) => {
      const page = await chromium.context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      const errors: string[] = [];
      pageErrors.set(page, errors);
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${server.url}${path}`);
      return page;
    },
    done: async (page) => {
      await page.close();
      expect(pageErrors.get(page), 'script errors on the page').toEqual([]);
    },
  };
}

interface ScrollGlobals {
  document: { documentElement: { scrollWidth: number; scrollHeight: number } };
}

/**
 * With MINEFREE_SCREENSHOTS=<folder> set, the whole page saved there in pieces of at most 1,400 px
 * high (a long page at 375 px is unreadable in one image): to look at, nothing is compared.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const folder = process.env.MINEFREE_SCREENSHOTS;
  if (folder === undefined || folder === '') return;
  mkdirSync(folder, { recursive: true });
  const { width, height } = await page.evaluate(() => {
    const { scrollWidth, scrollHeight } = (globalThis as unknown as ScrollGlobals).document.documentElement;
    return { width: scrollWidth, height: scrollHeight };
  });
  const piece = 1400;
  for (let y = 0, n = 1; y < height; y += piece, n += 1) {
    const clip = { x: 0, y, width, height: Math.min(piece, height - y) };
    await page.screenshot({ path: join(folder, `${name}-${n}.png`), fullPage: true, clip });
  }
}

/**
 * Scrolls down a screen at a time to the end of the page, then back to the top: a chart further
 * down loads only once its place comes near the viewport (LazyChart), so "nothing is still loading"
 * holds only for a page that has been scrolled through, as a reader would.
 */
export async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const view = globalThis as unknown as {
      scrollBy(x: number, y: number): void;
      scrollTo(x: number, y: number): void;
      innerHeight: number;
      scrollY: number;
      document: { documentElement: { scrollHeight: number } };
    };
    for (let step = 0; step < 60; step += 1) {
      view.scrollBy(0, view.innerHeight);
      // Two frames: the intersection observers see the new position.
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (view.scrollY + view.innerHeight >= view.document.documentElement.scrollHeight - 1) break;
    }
    view.scrollTo(0, 0);
  });
}

/** Waits until no loading line is left on the page, scrolling through it so its lazy charts load too. */
export async function noLoadingLeft(page: Page, timeout = 15_000): Promise<void> {
  await expect
    .poll(
      async () => {
        await scrollThrough(page);
        return page.locator('.load-status').count();
      },
      { timeout },
    )
    .toBe(0);
}

/**
 * Opens a chart's collapsed data table and waits for its first row: a ChartTable builds its body
 * only once opened, after the click has returned, so reading its cells at once can find none.
 */
export async function openTable(details: Locator): Promise<void> {
  await details.locator('summary').click();
  await details.locator('tbody tr').first().waitFor({ state: 'attached' });
}

/**
 * Scrolls the element to the middle of the viewport. Playwright's scrollIntoViewIfNeeded first
 * waits for the element to keep its box for two animation frames, and on a starved CI machine it
 * once waited 30 s for that below sections that render after the first paint; the tests only need
 * the place in view, so lazy charts near it load.
 */
export async function bringIntoView(element: Locator): Promise<void> {
  await element.evaluate((node) =>
    (node as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: 'center' }),
  );
}
