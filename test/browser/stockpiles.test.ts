/**
 * The stockpile pages in Chromium against the real server and the ledger in data/: the
 * Stockpiles page's counts on 1 March 2018, its map, chart and lists (Greece's stock "as declared"),
 * Belarus's section (missed deadline, with its source; the remaining stock against the deadline),
 * and both on a 375 px screen. With MINEFREE_SCREENSHOTS=<folder> set, each
 * page is also saved there at 1280 and 375 px (to look at; nothing is compared).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { bringIntoView, noLoadingLeft, openTable, screenshot, useBrowserPages } from './pages.js';

/** The little of the page's globals these tests read (the root tsconfig has no DOM types). */
interface PageGlobals {
  document: { documentElement: { scrollWidth: number; clientWidth: number; scrollHeight: number } };
}

const { open, done } = useBrowserPages();
const noSidewaysScroll = (page: Page): Promise<{ scroll: number; client: number }> =>
  page.evaluate(() => {
    const { scrollWidth, clientWidth } = (globalThis as unknown as PageGlobals).document.documentElement;
    return { scroll: scrollWidth, client: clientWidth };
  });

/** Waits until the page has stopped loading what it shows (the lists and the source titles). */
async function settled(page: Page): Promise<void> {
  await page.waitForSelector('main h1');
  await noLoadingLeft(page);
  await expect.poll(() => page.locator('.source-list .source-title.unknown').count(), { timeout: 10_000 }).toBe(0);
}

describe('stockpile pages in Chromium', () => {
  it('counts the States Parties by Article 4 state on 1 March 2018 and lists those holding stock', async () => {
    const page = await open('/stockpiles?asOf=2018-03-01');
    // With the Article 4 gaps pass of 1 Dec 2026 (K396-K401): ERI and HTI held none, CMR and COD completed in
    // time, Mauritius late (so missed); the Cook Islands, Estonia, Iraq, Nigeria and Togo are still not known.
    await expect
      .poll(() => page.getByTestId('stockpiles-states-parties').textContent(), { timeout: 10_000 })
      .toBe('164');
    expect(await page.getByTestId('stockpiles-no-stockpile').textContent()).toBe('66');
    expect(await page.getByTestId('stockpiles-completed').textContent()).toBe('87');
    expect(await page.getByTestId('stockpiles-holding').textContent()).toBe('4');
    expect(await page.getByTestId('stockpiles-missed').textContent()).toBe('10');
    expect(await page.getByTestId('stockpiles-unknown').textContent()).toBe('5');
    // "Not known" says what it means.
    expect(await page.locator('.figure', { hasText: 'Not known' }).textContent()).toContain(
      'the sources read so far say neither met nor missed',
    );

    const holding = page.getByTestId('stockpiles-holding-list');
    await expect
      .poll(() => holding.locator('tbody th').allTextContents(), { timeout: 15_000 })
      .toEqual(['Greece', 'Oman', 'Sri Lanka', 'Ukraine']);
    const greece = holding.locator('tr[data-iso3=GRC]');
    expect(await greece.getByRole('link', { name: 'Greece' }).getAttribute('href')).toBe('/states/GRC?asOf=2018-03-01');
    expect(await greece.locator('td').first().locator('time').getAttribute('datetime')).toBe('2008-03-01');
    expect(await greece.textContent()).toContain('missed');

    const missed = page.getByTestId('stockpiles-missed-list');
    await expect.poll(() => missed.locator('tbody tr').count()).toBe(10);
    expect(await missed.locator('tr[data-iso3=BLR]').textContent()).toContain('missed');

    // The published total with its source, listed at the end of the page.
    const reported = page.getByTestId('stockpiles-reported');
    expect(await reported.textContent()).toContain('more than 53 million mines');
    // The Monitor's FAQ of December 2017 (S32): public before the ICRC fact sheet of March 2018 that repeats it.
    expect(await reported.getByRole('link', { name: 'S32' }).getAttribute('href')).toBe('#source-S32');
    await settled(page);
    expect(await page.locator('#source-S32 .source-title').count()).toBe(1);

    // Greece's 1.6 million is the April 2008 declaration repeated, and the row says so.
    expect(await greece.getByTestId('stockpile-as-declared').textContent()).toBe('as declared on 2 April 2008');

    // The map, coloured by Article 4 state, with its legend's counts and its data as a table.
    const map = page.getByTestId('stockpiles-map');
    await expect.poll(() => map.locator('.world-map[data-ready=true]').count(), { timeout: 20_000 }).toBe(1);
    expect(await map.locator('.map-legend li', { hasText: 'missed' }).textContent()).toContain('10 States');
    const mapData = map.getByTestId('stockpiles-map-data');
    expect(await mapData.getAttribute('open')).toBeNull(); // collapsed
    await mapData.locator('summary').click();
    await expect.poll(() => mapData.locator('tbody tr').count()).toBe(164);
    expect(await mapData.locator('tr[data-iso3=GRC]').textContent()).toContain('missed');

    // The chart of mines destroyed per year, beside the published figures, with its data as a table.
    const years = page.getByTestId('stockpiles-years');
    // A chart's code loads when its place comes near the viewport (LazyChart).
    await bringIntoView(years);
    await expect
      .poll(() => years.locator('[data-testid=stockpiles-years-chart] svg').count(), { timeout: 15_000 })
      .toBe(1);
    const yearsData = years.getByTestId('stockpiles-years-data');
    await openTable(yearsData);
    const row2017 = yearsData.locator('tbody tr', { has: page.locator('th', { hasText: /^2017$/ }) });
    expect(await row2017.textContent()).toContain('more than 53 million mines (S32)');
    await mapData.locator('summary').click();
    await screenshot(page, 'stockpiles-1280');
    await done(page);
  });

  it('shows on Belarus’s page that it missed its deadline, citing the source, with its retained mines', async () => {
    const page = await open('/states/BLR?asOf=2026-01-01');
    const section = page.getByRole('region', { name: 'Stockpile destruction (Article 4)' });
    await expect
      .poll(() => section.getByTestId('stockpile-state').textContent(), { timeout: 10_000 })
      .toContain('missed');
    expect(await section.getByTestId('stockpile-meaning').textContent()).toContain(
      'Belarus missed its deadline of 1 March 2008',
    );
    const state = section.locator('.stockpile-state');
    const citation = state.getByRole('link', { name: 'S30' });
    expect(await citation.getAttribute('href')).toBe('#stockpile-source-S30');
    expect(await section.getByTestId('stockpile-declared').textContent()).toBe('about 3.4 million mines');
    expect(await section.getByTestId('stockpile-remaining').textContent()).toBe('0 mines');
    await settled(page);
    expect(await page.locator('#stockpile-source-S30 .source-title').count()).toBe(1);

    // The remaining stock against the deadline, its data in a collapsed table.
    await bringIntoView(section.locator('#stockpile-remaining-heading'));
    await expect.poll(() => section.locator('[data-testid=stockpile-remaining-chart] svg').count()).toBe(1);
    const remainingData = section.getByTestId('stockpile-remaining-data');
    expect(await remainingData.getAttribute('open')).toBeNull();
    await openTable(remainingData);
    expect(await remainingData.locator('tbody th').allTextContents()).toEqual([
      '2 April 2008',
      '5 April 2017',
      '1 January 2026',
    ]);
    await remainingData.locator('summary').click();

    await bringIntoView(section.locator('#stockpile-retained-heading'));
    await expect.poll(() => section.locator('[data-testid=stockpile-retained-chart] svg').count()).toBe(1);
    const retained = section.getByTestId('stockpile-retained-table');
    expect(await retained.locator('tbody th').allTextContents()).toEqual(['2010']);
    expect(await retained.locator('tbody td').first().textContent()).toBe('6,030');
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'belarus-1280');
    await done(page);
  });

  it('fits a 375 px wide screen without sideways scrolling', async () => {
    for (const [path, name] of [
      ['/stockpiles?asOf=2018-03-01', 'stockpiles-375'],
      ['/states/BLR?asOf=2026-01-01', 'belarus-375'],
    ] as const) {
      const page = await open(path);
      await page.setViewportSize({ width: 375, height: 800 });
      await settled(page);
      if (name === 'belarus-375') {
        await bringIntoView(page.locator('#stockpile-retained-heading'));
        await page.waitForSelector('[data-testid=stockpile-retained-chart] svg');
      }
      if (name === 'stockpiles-375') {
        await page.waitForSelector('.world-map[data-ready=true]', { timeout: 30_000 });
        await bringIntoView(page.getByTestId('stockpiles-years'));
        await page.waitForSelector('[data-testid=stockpiles-years-chart] svg');
      }
      const { scroll, client } = await noSidewaysScroll(page);
      expect(scroll, path).toBeLessThanOrEqual(client);
      await screenshot(page, name);
      await done(page);
    }
  }, 120_000); // two pages, each with its map or charts drawn
});
