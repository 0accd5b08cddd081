/**
 * The victim assistance pages in Chromium against the real server (SQLite): the Victim assistance
 * page's counts beside the published ones, its map as a list and the casualties per year by edition;
 * Cambodia's section with synthetic casualty records (the records `minefree demo casualties` makes),
 * the small cells said in words, never as numbers; both at 1280 and 375 px. With
 * MINEFREE_SCREENSHOTS=<folder> set, each page is also saved there (to look at; nothing is compared).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/core/date.js';
import type { StateCode } from '../../src/core/states.js';
import { SYSTEM } from '../../src/store/audit.js';
import { demoCasualties } from '../../src/victims/demo/demo.js';
import { addRecords } from '../../src/victims/store.js';
import { insertFigures } from '../../src/transparency/store.js';
import { expectAccessible } from './axe.js';
import { openTable, screenshot, useBrowserPages } from './pages.js';

interface PageGlobals {
  document: { documentElement: { scrollWidth: number; clientWidth: number; scrollHeight: number } };
}

const KHM = 'KHM' as StateCode;
const { open, done } = useBrowserPages({
  prepare: async (store) => {
    const records = demoCasualties(KHM, 300, parseDate('2025-12-31'), 7);
    await addRecords(store, KHM, records, [], SYSTEM, { recorded: parseDate('2026-01-01'), source: 'test: demo' });
    // A made-up total published for Cambodia alone (data/ holds none yet), so its series has a year with both.
    await insertFigures(store.db, store.dialect, [
      {
        indicator: 'casualties_mines_erw',
        scope: 'KHM',
        period: '2016',
        value: 9,
        qualifier: 'exact',
        unit: 'casualties',
        source: 'S78',
        citedDocument: null,
        citedPage: null,
        edition: 'LM2020',
        published: parseDate('2020-11-12'),
        notes: 'test figure',
      },
    ]);
  },
});
const sideways = (page: Page): Promise<boolean> =>
  page.evaluate(() => {
    const { scrollWidth, clientWidth } = (globalThis as unknown as PageGlobals).document.documentElement;
    return scrollWidth > clientWidth;
  });

async function settled(page: Page): Promise<void> {
  await page.waitForSelector('main h1');
  await expect.poll(() => page.locator('.load-status').count(), { timeout: 20_000 }).toBe(0);
}

describe('victim assistance pages in Chromium', () => {
  for (const viewport of [
    { width: 1280, height: 900 },
    { width: 375, height: 800 },
  ]) {
    it(`shows the counts beside the published ones, the map as a list and the casualties by edition at ${viewport.width} px`, async () => {
      const page = await open('/victims?asOf=2018-12-31', viewport);
      await settled(page);
      expect(await page.locator('h1').textContent()).toBe('Victim assistance');
      const significant = page.getByTestId('victim-count-significantNumberOfVictims');
      // The count the API computes from data/victim_assistance_frameworks.csv on the date (more than one
      // State there); beside it the 31 the ICRC fact sheet quotes from Landmine Monitor 2017.
      const answer = await page.request.get(new URL('/api/v1/victims?asOf=2018-12-31', page.url()).href);
      const { counts } = (await answer.json()) as { counts: { significantNumberOfVictims: number } };
      expect(counts.significantNumberOfVictims).toBeGreaterThan(1);
      expect(await significant.locator('td').first().textContent()).toBe(String(counts.significantNumberOfVictims));
      expect(await significant.locator('td').nth(1).textContent()).toContain('31');
      const list = page.getByTestId('victim-map-list');
      await list.locator('summary').click();
      expect(await list.getByRole('link', { name: 'Cambodia' }).getAttribute('href')).toBe(
        '/states/KHM?asOf=2018-12-31',
      );
      const years = page.getByTestId('victim-years');
      await openTable(years);
      // 2016: 8,605 casualties in LM2017 (the latest edition on the date to publish 2016: LM2018 came out in November 2018).
      expect(await years.locator('tr', { hasText: /^2016/ }).textContent()).toMatch(/9,437|8,605/);
      // No record was stored by 2018: the records column says none, the device section says so.
      expect(await years.locator('tbody tr').first().locator('td').nth(2).textContent()).toBe('none');
      expect(await years.locator('tbody tr').first().locator('td').nth(3).textContent()).toBe('none');
      expect(await page.getByTestId('victim-devices').textContent()).toContain('No casualty records are kept here');
      expect(await sideways(page)).toBe(false);
      await screenshot(page, `victims-${viewport.width}`);
      await done(page);
    }, 90_000);

    it(`shows the global series beside the records and the casualties by device, withheld cells in words, at ${viewport.width} px`, async () => {
      const page = await open('/victims?asOf=2026-06-30', viewport);
      await settled(page);
      const years = page.getByTestId('victim-years');
      expect(await years.getByTestId('victim-global-synthetic').count()).toBe(1);
      await openTable(years);
      // 2016: every edition listed, oldest first; the difference is the records less the latest edition.
      const row = (await years.locator('tr', { hasText: /^2016/ }).locator('td').allTextContents()).map((c) =>
        c.trim(),
      );
      expect(row[0]).toBe('9,439');
      expect(row[1]).toMatch(/8,605 in Landmine Monitor 2017.*9,437 in Landmine Monitor 2018.*9,439/);
      const recorded = Number(row[2]?.replace(/,/g, ''));
      expect(recorded).toBeGreaterThanOrEqual(5);
      expect(Number(row[3]?.replace(/,/g, ''))).toBe(recorded - 9439);
      const devices = page.getByTestId('victim-devices');
      await openTable(devices);
      const cells = await devices.locator('tbody td').allTextContents();
      // 300 records over 26 years and 6 devices: most cells are small, said in words, never as numbers.
      expect(cells).toContain('fewer than 5, withheld');
      for (const cell of cells) {
        if (cell === 'fewer than 5, withheld') continue;
        expect(Number(cell.replace(/,/g, ''))).toBeGreaterThanOrEqual(5);
      }
      expect(await sideways(page)).toBe(false);
      // The charts and tables with records in them (the a11y suite's pages have none): axe, tables open.
      await expectAccessible(page, `/victims with records at ${viewport.width} px`);
      await screenshot(page, `victims-records-${viewport.width}`);
      await done(page);
    }, 90_000);

    it(`shows Cambodia's framework and casualty charts, small cells withheld in words, at ${viewport.width} px`, async () => {
      const page = await open('/states/KHM?asOf=2026-06-30', viewport);
      await settled(page);
      const section = page.getByTestId('state-victims');
      await section.waitFor();
      await expect.poll(() => section.getByTestId('victim-by-year').count(), { timeout: 20_000 }).toBe(1);
      expect(await section.getByTestId('victim-synthetic').textContent()).toContain('demonstration records');
      expect(await section.getByTestId('victim-framework').textContent()).toContain(
        'Significant number of victims: yes',
      );
      // Every observation of the framework data, oldest first, each with its source linked.
      const history = section.getByTestId('victim-history-entry');
      await expect.poll(() => history.count(), { timeout: 20_000 }).toBeGreaterThan(1);
      const days = await history.locator('h4').allTextContents();
      expect(days[0]).toBe('28 November 2014');
      expect(await history.first().getByRole('link').first().getAttribute('href')).toMatch(/^http/);
      // The series: the made-up total published for 2016 beside the records, with the difference.
      const series = section.getByTestId('victim-series');
      await openTable(series);
      const row = (await series.locator('tr', { hasText: /^2016/ }).locator('td').allTextContents()).map((c) =>
        c.trim(),
      );
      expect(row[0]).toBe('9');
      const recorded = row[2] === 'fewer than 5, withheld' ? null : Number(row[2]?.replace(/,/g, ''));
      const difference = recorded === null ? null : recorded - 9;
      expect(row[3]).toBe(difference === null ? 'none' : difference > 0 ? `+${difference}` : String(difference));
      for (const id of ['victim-by-sex', 'victim-by-age', 'victim-by-status']) {
        await expect.poll(() => section.getByTestId(id).count(), { timeout: 20_000 }).toBe(1);
        await section.getByTestId(id).locator('summary').click();
      }
      // The civilian/military table: every row a count or "fewer than 5, withheld", never a number below 5.
      // (A chart's table is built when first opened: wait for its rows.)
      const statusCells = section.getByTestId('victim-by-status').locator('tbody td');
      await expect.poll(() => statusCells.count(), { timeout: 10_000 }).toBe(4);
      const cells = await statusCells.allTextContents();
      for (const cell of cells) {
        if (cell === 'fewer than 5, withheld') continue;
        expect(Number(cell.replace(/,/g, ''))).toBeGreaterThanOrEqual(5);
      }
      // 300 records over 26 years: some years hold fewer than 5 killed, said in words.
      const byYear = section.locator('details.chart-table').first();
      await openTable(byYear);
      expect(await byYear.locator('tbody').textContent()).toContain('fewer than 5, withheld');
      expect(await sideways(page)).toBe(false);
      await expectAccessible(page, `/states/KHM with records at ${viewport.width} px`);
      await screenshot(page, `victims-state-${viewport.width}`);
      await done(page);
    }, 90_000);
  }
});
