/**
 * Every page of the app, at 1280 and 375 px, checked by axe-core (WCAG 2.0-2.2, A and AA) and for
 * layout shift (CLS <= 0.1), once it has loaded all it loads. A new page is one more row in PAGES.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, layoutShift } from './axe.js';
import { useSeededBrowserPages } from './seeded-pages.js';
import { noLoadingLeft } from './pages.js';

const DEMO = { iso3: 'KHM', areas: 40, seed: 7, asOf: '2026-06-30' } as const;
const { open, done } = useSeededBrowserPages(DEMO);

/** The little of the DOM these tests read (the root tsconfig has no DOM types). */
interface Node {
  getAttribute(name: string): string | null;
  textContent: string | null;
  querySelectorAll(selector: string): ArrayLike<Node>;
}

/** Waits until nothing on the page is still loading. */
async function settled(page: Page, ready?: string): Promise<void> {
  await page.waitForSelector('main h1, h1', { timeout: 15_000 });
  if (ready) await page.waitForSelector(ready, { timeout: 30_000 });
  // A chart further down waits, loading line and all, until it is scrolled near (LazyChart): not counted here.
  await expect
    .poll(() => page.locator('.load-status:not(.chart-slot > .load-status)').count(), { timeout: 15_000 })
    .toBe(0);
  // Late work (fonts, a chart's second layout) shows up as a shift within this pause if it moves anything.
  await page.waitForTimeout(500);
}

interface PageCase {
  name: string;
  path: string;
  /** A selector that exists once the page has drawn everything it draws. */
  ready?: string;
  /** What the check leaves out, with its reason (none today). */
  exclude?: string[];
}

export const PAGES: PageCase[] = [
  { name: 'dashboard', path: '/?asOf=2018-03-01', ready: '.chart svg' },
  { name: 'world map', path: '/map?asOf=2018-03-01', ready: '.world-map[data-ready=true]' },
  { name: 'States table', path: '/states?asOf=2018-03-01', ready: 'tbody tr' },
  { name: 'State page', path: '/states/LKA?asOf=2018-03-01', ready: '.timeline-event' },
  { name: 'withdrawn State', path: '/states/LTU?asOf=2026-06-30', ready: '.timeline-event' },
  {
    name: 'State page with clearance',
    path: `/states/KHM?asOf=${DEMO.asOf}`,
    ready: '.clearance-map[data-ready=true] canvas, [data-testid=clearance-released-chart] svg',
  },
  { name: 'figures', path: '/figures', ready: '.chart svg' },
  { name: 'stockpiles', path: '/stockpiles?asOf=2018-03-01' },
  { name: 'victim assistance', path: '/victims?asOf=2018-12-31' },
  { name: 'action plans', path: '/plans?asOf=2021-05-01', ready: '[data-testid=plan-actions]' },
  {
    name: 'draft Article 7 report',
    path: '/states/BLR/reports/2017/draft?asOf=2018-03-01',
    ready: 'section[data-form=J]',
  },
  { name: 'sign in', path: '/sign-in', ready: 'form.sign-in' },
  { name: 'words and marks', path: '/about-data' },
  { name: 'page not found', path: '/nowhere' },
  { name: 'fact sheet', path: '/factsheet?asOf=2018-03-01' },
  { name: 'API docs', path: '/api/v1/docs', ready: '#operations' },
];

const WIDTHS = [
  { width: 1280, height: 900 },
  { width: 375, height: 800 },
];

describe('every page: axe-core WCAG A/AA and layout shift', () => {
  for (const viewport of WIDTHS) {
    it.each(PAGES)(
      `$name at ${viewport.width} px`,
      async ({ name, path, ready, exclude }) => {
        const page = await open(path, viewport);
        await settled(page, ready);
        // The page's own load, before any scrolling (as a reader who has not scrolled yet sees it).
        expect(await layoutShift(page), `CLS of ${name} at ${viewport.width} px`).toBeLessThanOrEqual(0.1);
        // Then every chart further down too, scrolled through.
        await noLoadingLeft(page);
        await expectAccessible(page, `${name} at ${viewport.width} px`, exclude);
        await done(page);
      },
      90_000,
    );
  }
});

describe('states of pages beyond their first view', () => {
  it('the date field saying why it refuses a date', async () => {
    const page = await open('/?asOf=2018-03-01');
    await settled(page, '.chart svg');
    await page.getByLabel('Status on').fill('1990-05-01');
    await expect.poll(() => page.locator('.as-of-picker .hint').textContent()).toContain('3 December 1997');
    await expectAccessible(page, 'dashboard with a refused date');
    await done(page);
  });

  it('the data tables of the charts, opened', async () => {
    const page = await open(`/states/KHM?asOf=${DEMO.asOf}`, { width: 375, height: 800 });
    await settled(page, '.clearance-map[data-ready=true]');
    await noLoadingLeft(page);
    await page.waitForSelector('[data-testid=clearance-released-chart] svg', { timeout: 15_000 });
    for (const summary of await page.locator('details > summary').all()) await summary.click();
    await expectAccessible(page, 'State page with every details element open');
    await done(page);
  });
});

describe('the maps and charts by keyboard', () => {
  it('opens a State from the world map list with the keyboard', async () => {
    const page = await open('/map?asOf=2018-03-01');
    const list = page.getByTestId('map-state-list');
    await list.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => list.getAttribute('open')).toBe('');
    const lanka = list.getByRole('link', { name: 'Sri Lanka' });
    await lanka.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/states\/LKA\?asOf=2018-03-01/);
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 10_000 }).toBe('Sri Lanka');
    await done(page);
  });

  it('sorts the hazard areas table and shows an area on the clearance map with the keyboard', async () => {
    const page = await open(`/states/KHM?asOf=${DEMO.asOf}`);
    await page.waitForSelector('.clearance-map[data-ready=true]', { timeout: 30_000 });
    const table = page.getByTestId('hazard-areas');
    await table.locator('summary').focus();
    await page.keyboard.press('Enter');
    const rows = table.locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBeGreaterThan(1);

    const size = table.locator('thead th', { hasText: 'Size' });
    await size.getByRole('button').focus();
    await page.keyboard.press('Enter');
    expect(await size.getAttribute('aria-sort')).toBe('ascending');
    const sizes = await rows
      .locator('td.number')
      .evaluateAll((cells: Node[]) => cells.map((c) => Number((c.getAttribute('data-m2') ?? '').replace(/,/g, ''))));
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));

    const first = rows.first().locator('th button');
    const reference = await first.textContent();
    await first.focus();
    await page.keyboard.press('Enter');
    const popup = page.locator('.clearance-popup');
    await expect.poll(() => popup.count(), { timeout: 5_000 }).toBe(1);
    expect(await popup.textContent()).toContain(reference ?? '');
    await expectAccessible(page, 'State page with the hazard table open and an area shown');
    await done(page);
  });

  it('steps through a chart with the arrow keys, showing each point as hovering would', async () => {
    const page = await open('/?asOf=2018-03-01');
    await settled(page, '.chart svg');
    const chart = page.locator('.chart[role=img]');
    await chart.focus();
    await page.keyboard.press('End');
    // ECharts writes its tooltip as a div inside the chart's box.
    await expect
      .poll(() =>
        chart.evaluate((el: Node) =>
          Array.from(el.querySelectorAll('div'))
            .map((d) => d.textContent ?? '')
            .join(' '),
        ),
      )
      .toMatch(/States Parties/);
    await done(page);
  });

  it('names each source link by its document', async () => {
    const page = await open('/states/LKA?asOf=2018-03-01');
    await settled(page, '.timeline-event');
    const names = await page
      .locator('.source-refs a')
      .evaluateAll((links: Node[]) => links.map((a) => a.getAttribute('aria-label') ?? a.textContent ?? ''));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^S\d+: .{8,}/);
    await done(page);
  });

  it("moves, zooms and opens a hazard area on the clearance map's first view, by keyboard and mouse, before MapLibre", async () => {
    const page = await open('/about-data');
    const origin = new URL(page.url()).origin;
    // The map's code held back: the first view stays, as on a slow connection.
    let release: (() => Promise<void>) | null = null;
    await page.route('**/assets/ClearanceMap-*.js', (route) => {
      release = () => route.continue();
    });
    await page.goto(`${origin}/states/KHM?asOf=${DEMO.asOf}`);
    const view = page.locator('.clearance-map-preview[data-usable=true]');
    await view.waitFor({ timeout: 30_000 });
    const svg = view.locator('svg');
    const box = async (): Promise<number[]> => ((await svg.getAttribute('viewBox')) ?? '').split(' ').map(Number);
    const [x0 = NaN, y0 = NaN, w0 = NaN] = await box();

    // Keyboard: the arrows move it, + zooms in, the button zooms out again.
    await svg.focus();
    await page.keyboard.press('ArrowRight');
    const [x1 = NaN, , w1 = NaN] = await box();
    expect(x1).toBeGreaterThan(x0);
    expect(w1).toBeCloseTo(w0);
    await page.keyboard.press('+');
    expect((await box())[2]).toBeCloseTo(w0 / 2);
    await view.getByRole('button', { name: 'Zoom out' }).click();
    expect((await box())[2]).toBeCloseTo(w0);

    // Mouse: a drag moves it (the map follows the pointer: dragged right and down, the view goes left and up).
    const rect = await svg.boundingBox();
    if (!rect) throw new Error('the first view has no box');
    const [xBefore = NaN, yBefore = NaN] = await box();
    await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2);
    await page.mouse.down();
    await page.mouse.move(rect.x + rect.width / 2 + 60, rect.y + rect.height / 2 + 40, { steps: 4 });
    await page.mouse.up();
    const [xAfter = NaN, yAfter = NaN] = await box();
    expect(xAfter).toBeLessThan(xBefore);
    expect(yAfter).toBeLessThan(yBefore);
    expect(y0).not.toBeNaN();

    // Keyboard: Tab reaches the first area, the arrow the next, Enter opens it.
    const areas = view.locator('[role=button].first-view-area');
    expect(await areas.count()).toBeGreaterThan(1);
    await svg.focus();
    await page.keyboard.press('Tab');
    const first = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { activeElement: Node | null } }).document.activeElement?.getAttribute(
          'aria-label',
        ) ?? '',
    );
    expect(first).toBe(await areas.first().getAttribute('aria-label'));
    await page.keyboard.press('ArrowRight');
    const second = await areas.nth(1).getAttribute('aria-label');
    const reference = (second ?? '').split(',')[0] ?? '';
    await page.keyboard.press('Enter');
    const details = view.getByTestId('first-view-details');
    await expect.poll(() => details.textContent()).toContain(reference);
    expect(await details.textContent()).toContain('synthetic demonstration record');
    await expectAccessible(page, "the clearance map's first view with an area open");
    await details.getByRole('button', { name: 'Close' }).click();
    expect(await details.count()).toBe(0);

    // Mouse: a click on an area opens it.
    const dot = await areas.nth(2).boundingBox();
    if (!dot) throw new Error('no third area on screen');
    await page.mouse.click(dot.x + dot.width / 2, dot.y + dot.height / 2);
    await expect.poll(() => details.count()).toBe(1);
    const opened = (await details.textContent()) ?? '';
    expect(opened).toMatch(/hazardous area/);

    // MapLibre takes over with the same area open.
    if (release === null) throw new Error("the map's code was never asked for");
    await (release as () => Promise<void>)();
    await page.waitForSelector('.clearance-map[data-ready=true]', { timeout: 30_000 });
    const popup = page.locator('.clearance-popup');
    await expect.poll(() => popup.count(), { timeout: 10_000 }).toBe(1);
    const openedReference = /Reference(\S+?)Status/.exec(opened)?.[1] ?? 'none';
    expect(await popup.textContent()).toContain(openedReference);
    await done(page);
  }, 90_000);
});
