/**
 * The clearance section of a State page in Chromium, on a real server whose database holds
 * synthetic demo records for Cambodia: the notice, the map drawing a hazard area from the vector
 * tiles, the date slider, a popup, both charts, and a 375 px screen.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/core/date.js';
import { forEachDatabase } from '../../src/store/test-databases.js';
import { demoClearance, useSeededBrowserPages } from './seeded-pages.js';

const REQUEST = {
  submitted: parseDate('2026-03-31'),
  requestedDeadline: parseDate('2035-12-31'),
  remainingAreaM2: 2e6,
  budgetUsd: 1.5e8,
  workPlan: [2031, 2032, 2033].map((year) => ({ year, plannedReleaseM2: 4e5 })),
};
const DEMO = { iso3: 'KHM', areas: 60, seed: 7, asOf: '2026-06-30', request: REQUEST } as const;
const PAGE = `/states/KHM?asOf=${DEMO.asOf}`;

interface RenderedFeature {
  properties: Record<string, unknown>;
}

/** The little of the page's globals these tests read (the root tsconfig has no DOM types). */
interface PageGlobals {
  __minefreeClearanceMap?: {
    fitBounds(
      bounds: [[number, number], [number, number]],
      options: { animate: boolean; padding: number; maxZoom: number },
    ): void;
    once(event: 'idle', listener: () => void): void;
    queryRenderedFeatures(options: { layers: string[] }): RenderedFeature[];
    project(lngLat: [number, number]): { x: number; y: number };
    getCanvas(): { getBoundingClientRect(): { left: number; top: number } };
    getFilter(layer: string): unknown;
  };
  document: { documentElement: { scrollWidth: number; clientWidth: number } };
}

const HAZARD_LAYERS = ['clearance-hazard-open', 'clearance-hazard-open-edge'];

// An area still open on the date, recorded after the slider's first stop (31 January of the first year).
const records = demoClearance(DEMO);
const area = records.areas.find((a) => a.statusDate === null && a.informationDate > '2020-03-01');
if (!area) throw new Error('the demo made no area open on the date and recorded after March 2020');
const [west, south, east, north] = area.bbox;

/** Zooms the map onto the chosen area and waits until it has drawn. */
async function zoomToArea(page: Page): Promise<void> {
  await page.evaluate(
    (box) => {
      const map = (globalThis as unknown as PageGlobals).__minefreeClearanceMap;
      if (!map) throw new Error('the clearance map is not exposed on window.__minefreeClearanceMap');
      return new Promise<void>((resolve) => {
        map.once('idle', () => resolve());
        map.fitBounds(box, { animate: false, padding: 40, maxZoom: 14 });
      });
    },
    [
      [west, south],
      [east, north],
    ] as [[number, number], [number, number]],
  );
}

/** How many colours the clearance map's print copy holds (sampled; 0 when there is none), run in the page. */
const COLOURS_OF_PRINT_IMAGE = `(async () => {
  const image = document.querySelector('.clearance-map-print');
  if (!image || !image.src.startsWith('data:image/png')) return 0;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  const seen = new Set();
  for (let i = 0; i < data.length; i += 4 * 97) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
  return seen.size;
})()`;

/** The ids of the hazard areas the map draws in its view. */
const drawnAreaIds = (page: Page): Promise<string[]> =>
  page.evaluate((layers) => {
    const map = (globalThis as unknown as PageGlobals).__minefreeClearanceMap;
    return (map?.queryRenderedFeatures({ layers }) ?? []).map((f) => String(f.properties.id));
  }, HAZARD_LAYERS);

// The same page on each engine: the tiles and the summary are read from SQLite, then from PostgreSQL.
forEachDatabase((database) => {
  const { open, done } = useSeededBrowserPages(DEMO, database);

  describe('clearance section in Chromium', () => {
    it('says the data are synthetic, draws the hazard areas from the tiles, and filters them by the slider date', async () => {
      const tiles: number[] = [];
      const page = await open(PAGE);
      page.on('response', (response) => {
        if (response.url().includes('/clearance/tiles/')) tiles.push(response.status());
      });
      const section = page.getByRole('region', { name: 'Mine clearance (Article 5)' });
      await section.waitFor({ timeout: 15_000 });
      await expect
        .poll(() => section.getByTestId('synthetic-notice').textContent(), { timeout: 10_000 })
        .toContain('Synthetic demonstration data — not real records');
      expect(
        await section
          .getByRole('heading', { name: /Map of hazard areas and released land \(synthetic demonstration data\)/ })
          .count(),
      ).toBe(1);

      await page.waitForSelector('.clearance-map[data-ready=true] canvas', { timeout: 30_000 });
      // The whole State: the areas, smaller than a pixel at this scale, are drawn as points.
      await expect
        .poll(async () => Number(await page.locator('.clearance-map').getAttribute('data-drawn')), { timeout: 15_000 })
        .toBeGreaterThan(0);
      await zoomToArea(page);
      await expect.poll(() => drawnAreaIds(page), { timeout: 15_000 }).toContain(area.id);
      expect(tiles.filter((status) => status === 200).length, 'tiles answered with data').toBeGreaterThan(0);

      // Back to the first stop (the end of January of the first year): the area is not recorded yet.
      const slider = section.getByRole('slider', { name: 'Show the records on' });
      await slider.fill('0');
      await expect.poll(() => section.getByTestId('clearance-slider-date').textContent()).toMatch(/^31 January \d{4}$/);
      await expect.poll(() => drawnAreaIds(page), { timeout: 10_000 }).not.toContain(area.id);
      const filter = await page.evaluate(() =>
        (globalThis as unknown as PageGlobals).__minefreeClearanceMap?.getFilter('clearance-hazard-open'),
      );
      expect(JSON.stringify(filter)).toMatch(/\d{4}0131/);

      // And back to the end: it is drawn again.
      const last = await slider.getAttribute('max');
      await slider.fill(last ?? '0');
      await expect.poll(() => drawnAreaIds(page), { timeout: 10_000 }).toContain(area.id);
      await done(page);
    });

    it('shows a clicked area in plain words', async () => {
      const page = await open(PAGE);
      await page.waitForSelector('.clearance-map[data-ready=true]', { timeout: 30_000 });
      await zoomToArea(page);
      await expect.poll(() => drawnAreaIds(page), { timeout: 15_000 }).toContain(area.id);
      await page.locator('.clearance-map').scrollIntoViewIfNeeded();
      const point = await page.evaluate(
        (centre) => {
          const map = (globalThis as unknown as PageGlobals).__minefreeClearanceMap;
          if (!map) throw new Error('no clearance map');
          const { x, y } = map.project(centre);
          const box = map.getCanvas().getBoundingClientRect();
          return { x: box.left + x, y: box.top + y };
        },
        [(west + east) / 2, (south + north) / 2] as [number, number],
      );
      await page.mouse.click(point.x, point.y);
      const popup = page.locator('.clearance-popup');
      await expect.poll(() => popup.count(), { timeout: 5_000 }).toBe(1);
      expect(await popup.textContent()).toMatch(/(hazardous area|Land (cleared|cancelled|reduced))/);
      expect(await popup.textContent()).toContain('synthetic demonstration record');
      await done(page);
    });

    it('draws the remaining area against the deadline and the area released each year', async () => {
      const page = await open(PAGE);
      for (const id of ['clearance-remaining-chart', 'clearance-released-chart']) {
        // A chart's code loads when its place comes near the viewport (LazyChart).
        await page.locator(`#${id.replace('-chart', '-heading')}`).scrollIntoViewIfNeeded();
        const chart = page.getByTestId(id);
        await expect.poll(() => chart.locator('svg').count(), { timeout: 15_000 }).toBe(1);
        expect(await chart.getAttribute('role')).toBe('img');
        expect(await chart.getAttribute('aria-label')).toContain('synthetic demonstration data');
      }
      expect(await page.getByRole('heading', { name: /Remaining area against the Article 5 deadline/ }).count()).toBe(
        1,
      );
      expect(await page.getByTestId('clearance-verdict').textContent()).toMatch(
        /^(On track|At risk|Off track|Not enough data)$/,
      );
      await done(page);
    });

    it('shows the latest extension request and its work plan against the land released', async () => {
      const page = await open(PAGE);
      const plan = page.getByTestId('extension-plan');
      await plan.waitFor({ timeout: 15_000 });
      expect(await plan.textContent()).toContain('submitted on 31 March 2026: a deadline of 31 December 2035');
      expect(await plan.textContent()).toContain('not decided yet');
      const rows = plan.getByRole('row');
      expect(await rows.count()).toBe(4);
      expect(await rows.nth(1).textContent()).toBe('203140 hanot started');
      await done(page);
    });

    it('says in one sentence that a State without records has none, with no map or chart', async () => {
      const page = await open('/states/FRA?asOf=2026-06-30');
      const section = page.getByRole('region', { name: 'Mine clearance (Article 5)' });
      await expect
        .poll(() => section.locator('.clearance-none').textContent(), { timeout: 15_000 })
        .toContain('No hazard areas or land release are recorded');
      expect(await section.locator('.clearance-map, .clearance-chart').count()).toBe(0);
      await done(page);
    });

    it('fits a 375 px wide screen without sideways scrolling', async () => {
      const page = await open(PAGE);
      await page.setViewportSize({ width: 375, height: 800 });
      await page.waitForSelector('.clearance-map[data-ready=true]', { timeout: 30_000 });
      await page.locator('#clearance-released-heading').scrollIntoViewIfNeeded();
      await expect
        .poll(() => page.getByTestId('clearance-released-chart').locator('svg').count(), { timeout: 15_000 })
        .toBe(1);
      const [scroll, client] = await page.evaluate(() => {
        const { scrollWidth, clientWidth } = (globalThis as unknown as PageGlobals).document.documentElement;
        return [scrollWidth, clientWidth];
      });
      expect(scroll).toBeLessThanOrEqual(client);
      // Nor do the tables inside their own boxes: the hazard areas and land released each year stack as cards.
      await page.evaluate(`document.querySelectorAll('.clearance-section details').forEach((d) => { d.open = true; })`);
      await page.getByTestId('hazard-areas').locator('tbody tr').first().waitFor({ timeout: 15_000 });
      const overflow = await page.evaluate<string[]>(
        `[...document.querySelectorAll('.clearance-section .table-scroll')].map(
          (box) => (box.getAttribute('aria-label') || '') + ': ' + (box.scrollWidth - box.clientWidth))`,
      );
      expect(overflow.length).toBeGreaterThanOrEqual(3);
      expect(overflow.filter((line) => !line.endsWith(': 0'))).toEqual([]);
      await done(page);
    }, 90_000);

    it('prints the map as an image copied from it (its WebGL canvas prints blank)', async () => {
      const page = await open(PAGE);
      await page.waitForSelector('.clearance-map[data-ready=true]', { timeout: 30_000 });
      await page.pdf({ format: 'A4' });
      // The image was drawn from the map: more than one colour (a blank copy is one).
      const colours = await page.evaluate<number>(COLOURS_OF_PRINT_IMAGE);
      expect(colours).toBeGreaterThan(2);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.clearance-map').isVisible()).toBe(false);
      expect(await page.locator('.clearance-map-print').isVisible()).toBe(true);
      await done(page);
    });
  });
});
