/**
 * The web app in Debian's Chromium against the real server and the reference data in data/:
 * the dashboard on a chosen date, a click on the map, a State page with its sources.
 */
import { describe, expect, it } from 'vitest';
import { noLoadingLeft, useBrowserPages } from './pages.js';

/** The little of the page's globals these tests read (the root tsconfig has no DOM types). */
interface PageGlobals {
  __minefreeMap?: {
    project(lngLat: [number, number]): { x: number; y: number };
    getCanvas(): { getBoundingClientRect(): { left: number; top: number } };
  };
  document: {
    documentElement: { scrollWidth: number; clientWidth: number };
    activeElement: { tagName: string; textContent: string | null } | null;
  };
}

const { open, done } = useBrowserPages();

describe('web app in Chromium', () => {
  it('shows 163 States Parties on the dashboard for 14 December 2017', async () => {
    const page = await open('/');
    await page.getByLabel('Status on').fill('2017-12-14');
    await page.waitForURL(/[?&]asOf=2017-12-14/);
    const parties = page.locator('[data-testid=states-parties]');
    await expect.poll(() => parties.textContent(), { timeout: 10_000 }).toBe('163');
    await expect.poll(() => page.locator('.chart svg').count()).toBe(1);
    await done(page);
  });

  it('announces the figures of a new date, and moves focus to the heading of the page a link opens', async () => {
    const page = await open('/?asOf=2018-03-01');
    const said = page.getByTestId('figures-announcement');
    await expect.poll(() => said.textContent(), { timeout: 10_000 }).toContain('164 States Parties');
    expect(await said.getAttribute('aria-live')).toBe('polite');
    await page.getByLabel('Status on').fill('2017-12-14');
    await expect.poll(() => said.textContent()).toContain('On 14 December 2017: 163 States Parties');
    await page.getByRole('link', { name: 'Sri Lanka' }).click();
    await page.waitForURL(/\/states\/LKA/);
    await expect
      .poll(() =>
        page.evaluate(() => {
          const active = (globalThis as unknown as PageGlobals).document.activeElement;
          return `${active?.tagName} ${active?.textContent}`;
        }),
      )
      .toBe('H1 Sri Lanka');
    await done(page);
  });

  it('refuses a date before the Convention opened for signature, saying why, and keeps the one shown', async () => {
    const page = await open('/?asOf=2018-03-01');
    await page.getByLabel('Status on').fill('1990-05-01');
    await expect.poll(() => page.locator('.as-of-picker .hint').textContent()).toContain('3 December 1997');
    expect(await page.getByLabel('Status on').getAttribute('aria-invalid')).toBe('true');
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2018-03-01');
    await done(page);
  });

  it('shows the date in the date field as the page writes dates, and reads a date typed that way', async () => {
    const page = await open('/?asOf=2018-03-01');
    const field = page.getByLabel('Status on');
    expect(await field.inputValue()).toBe('1 March 2018');
    await field.press('Control+a');
    await field.press('Backspace');
    await page.keyboard.type('1 March');
    await expect.poll(() => page.locator('.as-of-picker .hint').textContent()).toContain('full date');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await page.keyboard.type(' 2017');
    await page.waitForURL(/asOf=2017-03-01/);
    expect(await field.getAttribute('aria-invalid')).toBe('false');
    await done(page);
  });

  it('opens the page of the State clicked on the map', async () => {
    const page = await open('/map');
    await page.waitForSelector('.world-map[data-ready=true]', { timeout: 30_000 });
    // A point inside France (Bourges), projected to a pixel by the map itself.
    const point = await page.evaluate(() => {
      const map = (globalThis as unknown as PageGlobals).__minefreeMap;
      if (!map) throw new Error('the map is not exposed on window.__minefreeMap');
      const { x, y } = map.project([2.4, 47.1]);
      const box = map.getCanvas().getBoundingClientRect();
      return { x: box.left + x, y: box.top + y };
    });
    await page.mouse.click(point.x, point.y);
    await page.waitForURL(/\/states\/FRA(\?|$)/, { timeout: 10_000 });
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 10_000 }).toBe('France');
    await done(page);
  });

  it("says when the map's country shapes did not download, and draws the map when asked again", async () => {
    const page = await open('/about-data');
    // The shapes are a static file (countries-110m-<hash>.json): its download fails once, as on a dropped connection.
    const shapes = /countries-110m-[^/]*\.json$/;
    await page.route(shapes, (route) => route.abort('internetdisconnected'));
    await page.getByRole('link', { name: 'World map' }).click();
    const failed = page.getByTestId('map-failed');
    await failed.waitFor({ timeout: 30_000 });
    expect(await failed.getAttribute('role')).toBe('alert');
    expect(await failed.textContent()).toContain('did not download');
    expect(await page.locator('.world-map[data-ready=true]').count()).toBe(0);
    await page.unroute(shapes);
    await failed.getByRole('button', { name: 'Try again' }).click();
    await page.waitForSelector('.world-map[data-ready=true]', { timeout: 30_000 });
    expect(await failed.count()).toBe(0);
    await done(page);
  });

  it('shows Sri Lanka entering into force on 1 June 2018, citing source S06 with its link', async () => {
    const page = await open('/states/LKA');
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 10_000 }).toBe('Sri Lanka');
    const entry = page.locator('.timeline-event', { has: page.getByRole('heading', { name: 'Entry into force' }) });
    await expect.poll(() => entry.locator('time').getAttribute('datetime')).toBe('2018-06-01');

    // Each citation is named by its document, its id first: "S06: Sri Lanka accedes …, <date>".
    const citation = page
      .locator('.timeline-event')
      .getByRole('link', { name: /^S06: .*Sri Lanka/ })
      .first();
    expect(await citation.getAttribute('href')).toBe('#source-S06');
    const source = page.locator('#source-S06');
    expect(await source.textContent()).toContain('Sri Lanka accedes');
    const link = source.getByRole('link');
    expect(await link.getAttribute('href')).toMatch(/^https:\/\/www\.apminebanconvention\.org\//);
    expect(await link.getAttribute('target')).toBe('_blank');
    await done(page);
  });

  it('filters and sorts the States table', async () => {
    const page = await open('/states?asOf=2026-06-01');
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(197);

    await page.getByLabel('Filter by status').selectOption({ label: 'Withdrawn' });
    await expect
      .poll(() => rows.locator('th').allTextContents())
      .toEqual(['Estonia', 'Finland', 'Latvia', 'Lithuania', 'Poland']);

    await page.getByLabel('Filter by status').selectOption({ label: 'All statuses' });
    await page.getByLabel('Find a State').fill('lanka');
    await expect.poll(() => rows.locator('th').allTextContents()).toEqual(['Sri Lanka']);

    await page.getByLabel('Find a State').fill('');
    const eif = page.locator('thead th', { hasText: 'Entry into force' });
    await eif.getByRole('button').click();
    expect(await eif.getAttribute('aria-sort')).toBe('ascending');
    expect(await rows.first().locator('td time').first().getAttribute('datetime')).toBe('1999-03-01');
    await done(page);
  });

  it('fits a 375 px wide screen without sideways scrolling', async () => {
    for (const path of ['/', '/map', '/states', '/states/LKA']) {
      const page = await open(path);
      await page.setViewportSize({ width: 375, height: 800 });
      await page.waitForSelector(path === '/map' ? '.world-map[data-ready=true]' : 'main h1');
      await noLoadingLeft(page, 10_000);
      const [scroll, client] = await page.evaluate(() => {
        const { scrollWidth, clientWidth } = (globalThis as unknown as PageGlobals).document.documentElement;
        return [scrollWidth, clientWidth];
      });
      expect(scroll, path).toBeLessThanOrEqual(client);
      await done(page);
    }
  });
});
