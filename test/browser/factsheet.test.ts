/**
 * The fact sheet in Debian's Chromium: the server-rendered page for a date, reached from the web
 * app with a full page load, and its print layout (options bar hidden, the page prints to PDF).
 */
import { describe, expect, it } from 'vitest';
import { useBrowserPages } from './pages.js';

const { open, done } = useBrowserPages();

describe('fact sheet in Chromium', () => {
  it('shows 164 States on 1 March 2018, every note mark leading to an endnote', async () => {
    const page = await open('/factsheet?asOf=2018-03-01');
    expect(await page.locator('h1').textContent()).toBe('The Anti-Personnel Mine Ban Convention');
    expect(await page.locator('main').textContent()).toContain('164 States');

    const endnotes = page.locator('ol.endnotes > li');
    expect(await endnotes.count()).toBeGreaterThan(3);
    expect(await page.locator('ol.endnotes').textContent()).toContain('[S00]');

    const marks = page.locator('sup a[href^="#note-"]');
    const targets = await Promise.all((await marks.all()).map((a) => a.getAttribute('href')));
    const ids = new Set(
      await Promise.all((await endnotes.all()).map(async (li) => `#${(await li.getAttribute('id')) ?? ''}`)),
    );
    expect(targets.length).toBeGreaterThan(0);
    expect(
      targets.filter((href) => href === null || !ids.has(href)),
      'note marks without an endnote',
    ).toEqual([]);
    await done(page);
  });

  it('hides the options bar in print and prints to a PDF', async () => {
    const page = await open('/factsheet?asOf=2018-03-01');
    const options = page.locator('nav.print');
    expect(await options.isVisible()).toBe(true);

    await page.emulateMedia({ media: 'print' });
    expect(await options.isVisible()).toBe(false);
    expect(await page.locator('h1').isVisible()).toBe(true);
    expect(await page.locator('ol.endnotes').isVisible()).toBe(true);

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    await done(page);
  });

  it('is reached from the web app for the chosen date with a full page load', async () => {
    const page = await open('/?asOf=2018-03-01');
    const line = page.locator('.fact-sheet-links');
    await expect
      .poll(() => line.textContent(), { timeout: 10_000 })
      .toMatch(/^Fact sheet for this date \(web page.*, PDF.*\)$/);
    // Each link says what it opens, for screen readers listing the page's links.
    const webPage = line.getByRole('link', { name: 'web page of the fact sheet for 1 March 2018' });
    const pdf = line.getByRole('link', { name: 'PDF of the fact sheet for 1 March 2018' });
    expect(await webPage.getAttribute('href')).toBe('/factsheet?asOf=2018-03-01');
    expect(await pdf.getAttribute('href')).toBe('/factsheet?asOf=2018-03-01&format=pdf');

    // Choosing another date moves the navigation's fact sheet link with it.
    await page.getByLabel('Status on').fill('2018-03-02');
    await page.waitForURL(/[?&]asOf=2018-03-02/);
    const nav = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Fact sheet' });
    await expect.poll(() => nav.getAttribute('href')).toBe('/factsheet?asOf=2018-03-02');

    await nav.click();
    await page.waitForURL(/\/factsheet\?asOf=2018-03-02$/, { timeout: 10_000 });
    expect(await page.locator('.subtitle').textContent()).toBe('Fact sheet for 2 March 2018');
    // The server's page, not the app: no app header.
    expect(await page.locator('.site-header').count()).toBe(0);
    await done(page);
  });
});
