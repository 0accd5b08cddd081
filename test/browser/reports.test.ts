/**
 * The Reports page in Chromium against the real server and data/article7_reports.csv: on 1 July
 * 2015, 139 reports overdue (Tuvalu's initial report, 81 on 2014, 57 on 2000-2011), Oman's initial
 * report due; on 1 June 2019, Sri Lanka's initial report on record as late among 37 reports on
 * record; and the page on a 375 px screen. With
 * MINEFREE_SCREENSHOTS=<folder> set, the page is saved there at 1280 and 375 px (to look at).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserPages } from './pages.js';

interface PageGlobals {
  document: { documentElement: { scrollWidth: number; clientWidth: number; scrollHeight: number } };
}

const { open, done } = useBrowserPages();
const SHOTS = process.env.MINEFREE_SCREENSHOTS;

async function screenshot(page: Page, name: string): Promise<void> {
  if (SHOTS === undefined || SHOTS === '') return;
  mkdirSync(SHOTS, { recursive: true });
  const { width, height } = await page.evaluate(() => {
    const { scrollWidth, scrollHeight } = (globalThis as unknown as PageGlobals).document.documentElement;
    return { width: scrollWidth, height: scrollHeight };
  });
  const piece = 1400;
  for (let y = 0, n = 1; y < height && n <= 3; y += piece, n += 1) {
    const clip = { x: 0, y, width, height: Math.min(piece, height - y) };
    await page.screenshot({ path: join(SHOTS, `${name}-${n}.png`), fullPage: true, clip });
  }
}

async function settled(page: Page): Promise<void> {
  await page.waitForSelector('main h1');
  await expect.poll(() => page.locator('.load-status').count(), { timeout: 15_000 }).toBe(0);
  await expect.poll(() => page.locator('.source-list .source-title.unknown').count(), { timeout: 10_000 }).toBe(0);
}

describe('Reports page in Chromium', () => {
  it('shows on the dashboard the annual reports received by each recent 30 April, linked to the Reports page', async () => {
    const page = await open('/?asOf=2015-07-01');
    const rates = page.getByTestId('reporting-rates');
    const y2014 = rates.locator('tr[data-covers="2014"]');
    await y2014.waitFor({ timeout: 20_000 });
    expect(await y2014.locator('td').allTextContents()).toEqual(['30 April 2015', '161', '0', 'not computed']);
    expect(await rates.locator('tbody tr').count()).toBe(5);
    expect(await rates.getByRole('link').getAttribute('href')).toBe('/reports?asOf=2015-07-01');
    await done(page);
  }, 60_000);

  it('lists the overdue reports and the counts of each 30 April on 1 July 2015', async () => {
    const page = await open('/reports?asOf=2015-07-01');
    const overdue = page.getByTestId('reports-overdue');
    await expect.poll(() => overdue.locator('tbody tr').count(), { timeout: 15_000 }).toBe(139);
    const tuvalu = overdue.locator('tr[data-iso3=TUV]');
    expect(await tuvalu.textContent()).toContain('Initial report');
    expect(await tuvalu.textContent()).toContain('overdue');
    expect(await tuvalu.getByRole('link', { name: 'Tuvalu' }).getAttribute('href')).toBe('/states/TUV?asOf=2015-07-01');
    expect(await tuvalu.getByRole('link', { name: 'R1' }).getAttribute('href')).toBe('#source-R1');
    const y2014 = page.getByTestId('reports-annual').locator('tr[data-covers="2014"]');
    expect(await y2014.locator('td').allTextContents()).toEqual([
      '30 April 2015',
      '161',
      '0',
      '0',
      '81',
      '80',
      'not computed',
    ]);
    await settled(page);
    expect(await page.locator('#source-R1 .source-title').count()).toBe(1);
    await screenshot(page, 'reports-2015-1280');
    await done(page);
  });

  it('shows the reports on record with their marks on 1 June 2019', async () => {
    const page = await open('/reports?asOf=2019-06-01');
    const recorded = page.getByTestId('reports-recorded');
    await expect.poll(() => recorded.locator('tbody tr').count(), { timeout: 15_000 }).toBe(37);
    const lka = recorded.locator('tr[data-iso3=LKA]');
    expect(await lka.locator('time').first().getAttribute('datetime')).toBe('2018-11-28');
    expect(await lka.textContent()).toContain('29 November 2018');
    expect(await lka.textContent()).toContain('late');
    await settled(page);
    await screenshot(page, 'reports-2019-1280');
    await done(page);
  });

  it('fits a 375 px wide screen without sideways scrolling', async () => {
    const page = await open('/reports?asOf=2019-06-01');
    await page.setViewportSize({ width: 375, height: 800 });
    await settled(page);
    const { scroll, client } = await page.evaluate(() => {
      const { scrollWidth, clientWidth } = (globalThis as unknown as PageGlobals).document.documentElement;
      return { scroll: scrollWidth, client: clientWidth };
    });
    expect(scroll).toBeLessThanOrEqual(client);
    await screenshot(page, 'reports-2019-375');
    await done(page);
  });
});
