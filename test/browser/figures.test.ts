/**
 * The Figures page in Debian's Chromium against the real server and the reference data in data/:
 * every edition of a reported figure with its source, and the one known on the chosen date.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserPages } from './pages.js';

/** The little of the page's globals these tests read (the root tsconfig has no DOM types). */
interface PageGlobals {
  document: { documentElement: { scrollWidth: number; clientWidth: number } };
}

const { open, done } = useBrowserPages();

/** The table rows of one period ("2016"). */
const periodRows = (page: Page, period: string) =>
  page
    .locator('table.figures-table tbody tr')
    .filter({ has: page.locator('th', { hasText: new RegExp(`^${period}$`) }) });

describe('Figures page in Chromium', () => {
  it('shows the 2016 casualties of each edition and marks 9,437 as known on 1 January 2019', async () => {
    const page = await open('/figures');
    await page
      .getByLabel('Figure', { exact: true })
      .selectOption({ label: 'Casualties of mines and explosive remnants of war (per year)' });
    await page.waitForURL(/[?&]indicator=casualties_mines_erw/);
    await page.getByLabel('Status on').fill('2019-01-01');
    await page.waitForURL(/[?&]asOf=2019-01-01/);

    const rows = periodRows(page, '2016');
    await expect
      .poll(() => page.locator('table.figures-table thead').textContent(), { timeout: 10_000 })
      .toContain('On 1 January 2019');
    // Landmine Monitor 2017, the ICRC fact sheet citing it (S00), Landmine Monitor 2018 and 2020.
    expect(await rows.locator('td.figure-value').allTextContents()).toEqual([
      'at least 8,605 casualties',
      '8,605 casualties',
      '9,437 casualties',
      '9,439 casualties',
    ]);
    expect(await rows.locator('td.figure-edition').allTextContents()).toEqual([
      'Landmine Monitor 2017',
      'none named',
      'Landmine Monitor 2018',
      'Landmine Monitor 2020',
    ]);
    const ids = await rows.locator('td.figure-source .source-id').allTextContents();
    expect(ids.map((id) => id.replace(' (opens in a new tab)', ''))).toEqual(['S74', 'S00', 'S75', 'S78']);

    const known = rows.and(page.locator('[data-status=known]'));
    expect(await known.count()).toBe(1);
    expect(await known.locator('td.figure-value strong').textContent()).toBe('9,437 casualties');
    expect(await known.locator('td.figure-status').textContent()).toContain('Known on this date');
    expect(await rows.locator('td.figure-status').allTextContents()).toEqual([
      'Replaced by a later edition',
      'Replaced by a later edition',
      '✓ Known on this date',
      'Not yet published',
    ]);
    // The source is linked.
    expect(await known.getByRole('link', { name: /S75/ }).getAttribute('href')).toMatch(
      /^https?:\/\/.*landmine-monitor-2018/,
    );

    // The chart: one line per edition, each named in the legend, the known figures as their own line.
    await page.waitForSelector('.figures-chart svg', { timeout: 10_000 });
    const legend = await page.locator('.figures-chart svg text').allTextContents();
    for (const name of [
      'Known on 1 Jan 2019',
      'Landmine Monitor 2017',
      'S00 (14 Dec 2017)',
      'Landmine Monitor 2018',
      'Landmine Monitor 2020',
    ]) {
      expect(legend, name).toContain(name);
    }
    await done(page);
  });

  it('gives each point of the chart its edition, source and publication date', async () => {
    const page = await open('/figures?indicator=casualties_mines_erw&asOf=2019-01-01');
    await page.waitForSelector('.figures-chart svg', { timeout: 10_000 });
    const box = await page.locator('.figures-chart').boundingBox();
    if (!box) throw new Error('no chart on the page');
    // Move along the chart until the tooltip is about 2016.
    const tip = page.locator('.figures-tip');
    let text = '';
    for (let x = box.x + box.width * 0.5; x < box.x + box.width && !text.startsWith('2016'); x += 6) {
      await page.mouse.move(x, box.y + box.height * 0.6);
      text = (await tip.count()) > 0 ? ((await tip.first().textContent()) ?? '') : '';
    }
    expect(text).toMatch(/^2016/);
    expect(text).toContain('at least 8,605 casualties · Landmine Monitor 2017');
    expect(text).toContain('Source S74: Landmine Monitor 2017, Casualties, public from 14 December 2017');
    expect(text).toContain('9,437 casualties · Landmine Monitor 2018');
    expect(text).toContain('Known on 1 January 2019');
    expect(text).toContain('9,439 casualties · Landmine Monitor 2020');
    await done(page);
  });

  it('marks the 2016 figure of Landmine Monitor 2017 as known before Landmine Monitor 2018 came out', async () => {
    const page = await open('/figures?indicator=casualties_mines_erw&asOf=2018-01-01');
    const known = periodRows(page, '2016').and(page.locator('[data-status=known]'));
    await expect
      .poll(() => known.locator('td.figure-value').allTextContents(), { timeout: 10_000 })
      .toEqual(['at least 8,605 casualties']);
    await done(page);
  });

  it('lists every indicator by a readable name, and says so when one is not recorded', async () => {
    const page = await open('/figures?indicator=no_such_figure');
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 10_000 })
      .toContain('No reported figure is recorded under “no_such_figure”');
    const options = await page
      .getByLabel('Figure', { exact: true })
      .locator('option:not([disabled])')
      .allTextContents();
    expect(options.length).toBeGreaterThan(20);
    expect(options).toContain('International support for mine action (US dollars, per year)');
    expect(
      options.filter((o) => /^[a-z0-9_]+$/.test(o)),
      'indicators shown by their id',
    ).toEqual([]);
    await done(page);
  });

  it('fits a 375 px wide screen without sideways scrolling', async () => {
    const page = await open('/figures?indicator=casualties_mines_erw&asOf=2019-01-01');
    await page.setViewportSize({ width: 375, height: 800 });
    await page.waitForSelector('.figures-chart svg', { timeout: 10_000 });
    await expect.poll(() => page.locator('.load-status').count(), { timeout: 10_000 }).toBe(0);
    const [scroll, client] = await page.evaluate(() => {
      const { scrollWidth, clientWidth } = (globalThis as unknown as PageGlobals).document.documentElement;
      return [scrollWidth, clientWidth];
    });
    expect(scroll).toBeLessThanOrEqual(client);
    await done(page);
  });
});
