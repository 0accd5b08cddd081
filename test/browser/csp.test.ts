// The Content Security Policy in Chromium: no page of the app (the map's worker included) and
// not the fact sheet reports a violation.
import { expect, it } from 'vitest';
import { useBrowserPages } from './pages.js';

const pages = useBrowserPages();

it.each(['/', '/map', '/states/KHM', '/figures', '/factsheet?asOf=2018-03-01'])(
  'opens %s with no CSP violation',
  async (path) => {
    const page = await pages.open(path);
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.reload({ waitUntil: 'networkidle' });
    await page.waitForTimeout(path === '/map' ? 2_000 : 300);
    expect(violations).toEqual([]);
    await pages.done(page);
  },
  60_000,
);
