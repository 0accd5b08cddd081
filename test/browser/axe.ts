/**
 * The checks every page of the app gets, one line each in a browser test:
 *
 *   await expectAccessible(page, 'cooperation at 375 px');   // axe-core, WCAG 2.0/2.1/2.2 A and AA
 *   expect(await layoutShift(page)).toBeLessThanOrEqual(0.1); // CLS, from the browser's own entries
 *   await expectWellBehaved(page, 'cooperation');             // both
 *
 * axe-core's source is evaluated in the page through the DevTools protocol (page.evaluate), which
 * the Content Security Policy does not apply to, so the page is checked as users get it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The rule sets checked: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary: string }[];
}

interface AxeGlobals {
  axe?: {
    run(
      context: unknown,
      options: { runOnly: { type: 'tag'; values: string[] }; resultTypes: string[] },
    ): Promise<{ violations: AxeViolation[] }>;
  };
}

/** axe-core's WCAG A/AA violations on the page as it is now (`exclude`: CSS selectors left out). */
export async function axeViolations(page: Page, exclude: string[] = []): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => (globalThis as AxeGlobals).axe !== undefined);
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ({ tags, exclude }) => {
      const axe = (globalThis as AxeGlobals).axe;
      if (!axe) throw new Error('axe-core did not load in the page');
      const context =
        exclude.length === 0 ? { include: [['html']] } : { include: [['html']], exclude: exclude.map((s) => [s]) };
      const result = await axe.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
      }));
    },
    { tags: WCAG_TAGS, exclude },
  );
}

/** One readable line per violation and element, for the failure message. */
export function describeViolations(violations: AxeViolation[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact ?? '?'}): ${v.help} at ${n.target.join(' ')}: ${n.failureSummary}`),
  );
}

/** Fails with every WCAG A/AA violation axe-core finds on the page, each with its element. */
export async function expectAccessible(page: Page, what: string, exclude: string[] = []): Promise<void> {
  expect(describeViolations(await axeViolations(page, exclude)), `axe-core on ${what}`).toEqual([]);
}

interface ShiftEntry {
  value: number;
  startTime: number;
  hadRecentInput: boolean;
}

/**
 * The page's Cumulative Layout Shift so far: the largest session window (shifts less than 1 s
 * apart, at most 5 s long) of the layout-shift entries the browser buffered since the page
 * opened, leaving out shifts right after user input (as Chromium's own metric does).
 */
export async function layoutShift(page: Page): Promise<number> {
  const entries = await page.evaluate(
    () =>
      new Promise<ShiftEntry[]>((resolve) => {
        const found: ShiftEntry[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries() as unknown as ShiftEntry[])
            found.push({ value: e.value, startTime: e.startTime, hadRecentInput: e.hadRecentInput });
        });
        // Node's types know no browser entry types: the page's PerformanceObserver does.
        observer.observe({ type: 'layout-shift' as 'mark', buffered: true });
        // The buffered entries arrive in the observer's first callback, a task later.
        setTimeout(() => {
          for (const e of observer.takeRecords() as unknown as ShiftEntry[])
            found.push({ value: e.value, startTime: e.startTime, hadRecentInput: e.hadRecentInput });
          observer.disconnect();
          resolve(found);
        }, 50);
      }),
  );
  let worst = 0;
  let window = 0;
  let first = -Infinity;
  let last = -Infinity;
  for (const e of entries.filter((x) => !x.hadRecentInput).sort((a, b) => a.startTime - b.startTime)) {
    if (e.startTime - last > 1000 || e.startTime - first > 5000) {
      window = 0;
      first = e.startTime;
    }
    window += e.value;
    last = e.startTime;
    worst = Math.max(worst, window);
  }
  return worst;
}

/** The bar for every page: no WCAG A/AA violation, and CLS at most 0.1. */
export async function expectWellBehaved(page: Page, what: string, exclude: string[] = []): Promise<void> {
  await expectAccessible(page, what, exclude);
  expect(await layoutShift(page), `CLS on ${what}`).toBeLessThanOrEqual(0.1);
}
