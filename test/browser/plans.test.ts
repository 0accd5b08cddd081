/**
 * The Action plans page in Chromium against the real server and data/: the plan in force the day
 * before and on the day the Oslo Action Plan was adopted, its actions marked by how much of their
 * wording is the plan's, the indicators with their values or why not computable, and the page on a
 * 375 px screen. With MINEFREE_SCREENSHOTS=<folder> set, the page is saved there at 1280 and 375 px.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, useBrowserPages } from './pages.js';

interface PageGlobals {
  document: { documentElement: { scrollWidth: number; clientWidth: number; scrollHeight: number } };
}

const { open, done } = useBrowserPages();

async function settled(page: Page): Promise<void> {
  await page.waitForSelector('main h1');
  await page.getByTestId('plan-indicators').waitFor({ timeout: 15_000 });
  await expect.poll(() => page.locator('.load-status').count(), { timeout: 15_000 }).toBe(0);
  await expect.poll(() => page.locator('.source-list .source-title.unknown').count(), { timeout: 10_000 }).toBe(0);
}

describe('Action plans page in Chromium', () => {
  it('shows the Maputo Action Plan the day before Oslo was adopted, and the Oslo Action Plan on that day', async () => {
    const before = await open('/plans?asOf=2019-11-28');
    await settled(before);
    expect(await before.locator('[data-testid=plans-list] li[aria-current=true]').getAttribute('data-plan')).toBe(
      'maputo',
    );
    await done(before);
    const page = await open('/plans?asOf=2019-11-29');
    await settled(page);
    expect(await page.locator('[data-testid=plans-list] li[aria-current=true]').getAttribute('data-plan')).toBe('oslo');
    expect(await page.getByRole('heading', { level: 2, name: /Actions of the Oslo Action Plan/ }).count()).toBe(1);
    await done(page);
  });

  it('marks each action by how much of its wording is the plan, and each indicator with its value or why not', async () => {
    const page = await open('/plans?asOf=2021-05-01');
    await settled(page);
    const described = page.locator('[data-testid=plan-actions] li[data-extent=described]');
    expect(await described.count()).toBeGreaterThan(0);
    expect(await described.first().textContent()).toContain("Not the plan's words");
    const partial = page.locator('[data-testid=plan-actions] li[data-extent=partial]').first();
    expect(await partial.textContent()).toContain("Part of the plan's words");
    const indicators = page.getByTestId('plan-indicators');
    const workPlans = indicators.locator('li[data-indicator=article5-work-plans]');
    expect(await workPlans.getAttribute('data-computable')).toBe('false');
    expect(await workPlans.textContent()).toContain(
      'Not computable: minefree holds no records of Article 5 work plans.',
    );
    const bound = indicators.locator('li[data-indicator=article5-bound]');
    expect(await bound.getAttribute('data-computable')).toBe('true');
    expect(await bound.locator('.plan-indicator-value').textContent()).toMatch(/^\d+ States Parties$/);
    const source = bound.locator('.source-refs a').first();
    const href = (await source.getAttribute('href')) ?? '';
    expect(await page.locator(`${href} .source-title`).count()).toBe(1);
    await screenshot(page, 'plans-2021-1280');
    await done(page);
  });

  it('fits a 375 px wide screen without sideways scrolling', async () => {
    const page = await open('/plans?asOf=2021-05-01');
    await page.setViewportSize({ width: 375, height: 800 });
    await settled(page);
    const { scroll, client } = await page.evaluate(() => {
      const { scrollWidth, clientWidth } = (globalThis as unknown as PageGlobals).document.documentElement;
      return { scroll: scrollWidth, client: clientWidth };
    });
    expect(scroll).toBeLessThanOrEqual(client);
    await screenshot(page, 'plans-2021-375');
    await done(page);
  });
});
