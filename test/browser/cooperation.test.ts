/**
 * The Cooperation page and a State's cooperation section in Chromium, against the real server with
 * a few funding flows and Senegal's extension request written before it starts: the year's support
 * from the flows, the flow diagram with its table, the trend with editions, needs against support;
 * on 1 March 2018 the published 2015 figures quoted. At 1280 and 375 px; with
 * MINEFREE_SCREENSHOTS=<folder>, each page is saved there to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { submitRequest } from '../../src/clearance/article5/service.js';
import type { FundingFlow } from '../../src/cooperation/model.js';
import { addFlows } from '../../src/cooperation/store.js';
import type { CalendarDate } from '../../src/core/date.js';
import { SYSTEM } from '../../src/store/audit.js';
import { noLoadingLeft, useBrowserPages } from './pages.js';

interface PageGlobals {
  document: { documentElement: { scrollWidth: number; clientWidth: number } };
}

const day = (d: string): CalendarDate => d as CalendarDate;
const flow = (over: Partial<FundingFlow>): FundingFlow => ({
  donor: { id: 'NOR', name: 'Norway', kind: 'state' },
  recipient: 'SEN',
  channel: 'bilateral',
  via: null,
  sector: 'clearance-risk-education',
  year: 2026,
  type: 'disbursement',
  funding: 'international',
  amount: 300_000,
  currency: 'USD',
  exchangeRate: null,
  rateSource: null,
  usd: 300_000,
  reversal: false,
  doubleCounted: false,
  published: day('2026-06-01'),
  iati: null,
  sources: ['S101'],
  notes: '',
  ...over,
});

const { open, done } = useBrowserPages({
  prepare: async (store) => {
    await submitRequest(
      store,
      {
        iso3: 'SEN',
        submitted: day('2025-03-31'),
        requestedDeadline: day('2036-03-01'),
        remainingAreaM2: 8_500,
        budgetUsd: 1_000_000,
        workPlan: [
          { year: 2026, plannedReleaseM2: 4_000 },
          { year: 2027, plannedReleaseM2: 4_500 },
        ],
        sourceId: 'S210',
      },
      SYSTEM,
    );
    await addFlows(
      store,
      [
        flow({}),
        flow({
          donor: { id: 'USA', name: 'United States', kind: 'state' },
          sector: 'victim-assistance',
          amount: 120_000,
          usd: 120_000,
        }),
        flow({
          donor: { id: 'USA', name: 'United States', kind: 'state' },
          recipient: 'AFG',
          amount: 500_000,
          usd: 500_000,
        }),
        flow({
          donor: { id: 'SEN', name: 'Senegal', kind: 'state' },
          funding: 'national',
          amount: 100_000,
          usd: 100_000,
        }),
      ],
      SYSTEM,
      day('2026-11-30'),
    );
  },
});
const SHOTS = process.env.MINEFREE_SCREENSHOTS;

async function screenshot(page: Page, name: string): Promise<void> {
  if (SHOTS === undefined || SHOTS === '') return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

const sideways = (page: Page) =>
  page.evaluate(() => {
    const { scrollWidth, clientWidth } = (globalThis as unknown as PageGlobals).document.documentElement;
    return scrollWidth - clientWidth;
  });

async function settled(page: Page): Promise<void> {
  await page.waitForSelector('main h1');
  await noLoadingLeft(page);
}

describe('the Cooperation page in Chromium', () => {
  it('shows the year from the flows, the diagram with its table, the trend and needs against support', async () => {
    const page = await open('/cooperation?asOf=2026-11-30');
    await settled(page);
    await expect.poll(() => page.getByTestId('cooperation-summary').getAttribute('data-basis')).toBe('flows');
    expect(await page.getByTestId('cooperation-international').textContent()).toBe('US$920,000');
    expect(await page.getByTestId('cooperation-national').textContent()).toBe('US$100,000');
    await page.waitForSelector('.cooperation-diagram svg');
    // The diagram's table is collapsed, and opens from the keyboard.
    const table = page.getByTestId('cooperation-diagram-table');
    expect(await table.isVisible()).toBe(false);
    await page.locator('[data-testid="cooperation-diagram"] summary').focus();
    await page.keyboard.press('Enter');
    expect(await table.isVisible()).toBe(true);
    // NOR→SEN, USA→SEN, USA→AFG, SEN→SEN (national), SEN→clearance, SEN→victim assistance, AFG→clearance.
    expect(await table.locator('tbody tr').count()).toBe(7);
    expect(await page.getByTestId('cooperation-trend-table').locator('tbody tr').count()).toBeGreaterThan(10);
    const needs = page.getByTestId('cooperation-needs-table');
    expect(await needs.locator('tbody tr').count()).toBe(2);
    expect(await needs.locator('tbody tr').first().textContent()).toContain('US$470,588.24');
    await screenshot(page, 'cooperation-1280');
    await page.setViewportSize({ width: 375, height: 800 });
    await page.waitForTimeout(300);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'cooperation-375');
    await done(page);
  }, 60_000);

  it('on 1 March 2018 quotes the published figures', async () => {
    const page = await open('/cooperation?asOf=2018-03-01');
    await settled(page);
    await expect.poll(() => page.getByTestId('cooperation-summary').getAttribute('data-basis')).toBe('reported');
    expect(await page.getByTestId('cooperation-international').textContent()).toBe('US$479,500,000');
    expect(await page.getByTestId('cooperation-diagram').textContent()).toContain('No funding flow');
    await screenshot(page, 'cooperation-2018-1280');
    await done(page);
  }, 60_000);

  it('a State page has its cooperation section', async () => {
    const page = await open('/states/SEN?asOf=2026-11-30');
    await settled(page);
    await expect
      .poll(() => page.getByTestId('state-funding-received').textContent(), { timeout: 15_000 })
      .toContain('US$420,000');
    expect(
      await page.getByTestId('state-funding').getByTestId('cooperation-needs-table').locator('tbody tr').count(),
    ).toBe(2);
    await page.getByTestId('state-funding').scrollIntoViewIfNeeded();
    await screenshot(page, 'state-sen-1280');
    await page.setViewportSize({ width: 375, height: 800 });
    await page.waitForTimeout(300);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'state-sen-375');
    await done(page);
  }, 60_000);
});
