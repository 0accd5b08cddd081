import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../test/browser/chromium.js';
import { startBenchServer, throttledPage } from './throttle.js';

const dir = mkdtempSync(join(tmpdir(), 'ww-shots-'));
const bench = await startBenchServer(dir);
for (const width of [1280, 375]) {
  const chromium = await launchChromium({ width, height: 900 });
  const page = await throttledPage(() => chromium.context.newPage());
  await page.goto(`${bench.base}/states/KHM?asOf=2026-06-30`, { waitUntil: 'commit' });
  await page.waitForSelector('.clearance-map-preview svg circle', { timeout: 120_000 });
  await page.locator('#clearance-map-heading').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/ww/shots/khm-preview-${width}.png` });
  await page.waitForSelector('.clearance-map[data-ready=true]', { timeout: 120_000 });
  await page.waitForTimeout(500);
  await page.locator('#clearance-map-heading').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/ww/shots/khm-map-${width}.png` });
  await chromium.close();
}
await bench.close();
