// Finding 10 of the hardening issue, in Chromium: the Figures page with figures stored under the
// indicator `__proto__` (and `constructor`) lists them, charts them and throws no script error.
import { describe, expect, it } from 'vitest';
import { addReportedFigure } from '../../src/transparency/store.js';
import type { ReportedFigure } from '../../src/transparency/model.js';
import { useBrowserPages } from './pages.js';

const figure = (indicator: string, period: string, value: number): ReportedFigure =>
  ({
    indicator,
    scope: 'global',
    period,
    value,
    qualifier: 'exact',
    unit: 'people',
    source: 'S95',
    citedDocument: null,
    citedPage: null,
    edition: 'Landmine Monitor 2020',
    published: '2020-11-12',
    notes: '',
  }) as ReportedFigure;

const { open, done } = useBrowserPages({
  prepare: async (store) => {
    for (const indicator of ['__proto__', 'constructor'])
      for (const [period, value] of [
        ['2018', 1234],
        ['2019', 4321],
      ] as const)
        await addReportedFigure(store, figure(indicator, period, value), { userId: null });
  },
});

describe('Figures page with an indicator named __proto__', () => {
  it('lists the indicator, shows its figures and chart, with no script error', async () => {
    const page = await open('/figures?indicator=__proto__&asOf=2021-01-01');
    await expect
      .poll(() => page.locator('table.figures-table tbody').textContent(), { timeout: 10_000 })
      .toContain('4,321');
    await page.waitForSelector('.figures-chart svg', { timeout: 10_000 });
    const options = await page.getByLabel('Figure', { exact: true }).locator('option').allTextContents();
    expect(options.join('|')).toContain('__proto__');
    await done(page);
  });

  it('opens the page with no indicator chosen and with constructor, with no script error', async () => {
    for (const path of ['/figures', '/figures?indicator=constructor&asOf=2021-01-01']) {
      const page = await open(path);
      await page.waitForSelector('select', { timeout: 10_000 });
      await expect.poll(() => page.locator('.load-status:not(.error)').count(), { timeout: 10_000 }).toBe(0);
      await done(page);
    }
  });
});
