/**
 * `npx tsx bench/throttled-trace.ts [path]`: where the throttled load of one page goes (default: the KHM
 * State page with synthetic clearance, until its clearance map has drawn). Prints each request's
 * start and end, its compressed size, and the main thread's long tasks, under the benchmark's
 * throttling (Slow 4G, 4x CPU).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureWebBuild } from '../src/server/web-build.js';
import { launchChromium } from '../test/browser/chromium.js';
import { startBenchServer, throttledPage } from './throttle.js';

interface Entry {
  name: string;
  start: number;
  firstByte: number;
  end: number;
  bytes: number;
}

await ensureWebBuild();
const path = process.argv[2] ?? '/states/KHM?asOf=2026-06-30';
const ready = process.argv[3] ?? '.clearance-map[data-ready=true]';
const dir = mkdtempSync(join(tmpdir(), 'minefree-trace-'));
const bench = await startBenchServer(dir);
const chromium = await launchChromium({ width: 412, height: 823 });
try {
  const page = await throttledPage(() => chromium.context.newPage());
  await page.addInitScript(() => {
    const tasks: [number, number][] = [];
    (globalThis as { __tasks?: [number, number][] }).__tasks = tasks;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask' as 'mark', buffered: true });
  });
  await page.goto(`${bench.base}${path}`, { waitUntil: 'commit' });
  await page.waitForSelector(ready, { timeout: 180_000 });
  const readyAt = await page.evaluate(() => performance.now());
  const { entries, tasks } = await page.evaluate(() => ({
    entries: (
      performance.getEntriesByType('resource') as unknown as (Omit<Entry, 'bytes'> & {
        startTime: number;
        responseStart: number;
        responseEnd: number;
        encodedBodySize: number;
      })[]
    ).map((e) => ({
      name: e.name.replace(/^https?:\/\/[^/]+/, ''),
      start: e.startTime,
      firstByte: e.responseStart,
      end: e.responseEnd,
      bytes: e.encodedBodySize,
    })),
    tasks: (globalThis as { __tasks?: [number, number][] }).__tasks ?? [],
  }));
  const f = (n: number): string => (n / 1000).toFixed(2).padStart(6);
  console.log(`${path}: ready at ${f(readyAt)} s`);
  for (const e of entries as Entry[])
    console.log(
      `${f(e.start)} ${f(e.firstByte)} ${f(e.end)} ${(e.bytes / 1024).toFixed(0).padStart(5)} KB  ${e.name.slice(0, 90)}`,
    );
  const busy = tasks.reduce((sum, [, d]) => sum + d, 0);
  console.log(`long tasks: ${tasks.length}, ${f(busy)} s in all`);
  for (const [s, d] of tasks) if (d > 150) console.log(`  at ${f(s)} s for ${f(d)} s`);
} finally {
  await chromium.close();
  await bench.close();
  rmSync(dir, { recursive: true, force: true });
}
