/**
 * `npm run bench`: the performance targets, each printed against a baseline measured
 * in the same run on the same machine, so the ratio means something anywhere.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { parseDate } from '../src/core/date.js';
import { startServer } from '../src/server/start.js';
import { ensureWebBuild } from '../src/server/web-build.js';
import { CHROMIUM as CHROMIUM_PATH, CHROMIUM_FLAGS as CHROMIUM_ARGS } from '../test/browser/chromium.js';
import { loadReference } from '../src/treaty/reference.js';
import { TreatyEngine } from '../src/treaty/status.js';
import { clearanceBenchmarks } from './clearance.js';
import { loadBenchmarks } from './load.js';
import { printRatios, readBenchmarks } from './reads.js';
import { throttledBenchmarks } from './throttled.js';
import { type Row, printTable, summarise, time } from './measure.js';
import { victimsBenchmarks } from './victims.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const rows: Row[] = [];
const dir = mkdtempSync(join(tmpdir(), 'minefree-bench-'));

// 1. Status of all 197 States on a date, in process.
{
  const engine = new TreatyEngine(loadReference().facts);
  const dates = ['1999-03-01', '2008-03-01', '2017-12-14', '2026-11-28'].map(parseDate);
  let i = 0;
  const value = await time(2000, () => {
    const asOf = dates[i++ % dates.length] ?? dates[0];
    if (asOf) return [engine.states(asOf), engine.summary(asOf)];
  });
  const baseline = await time(2000, () =>
    Array.from({ length: 197 }, (_, n) => ({ n, status: 'state-party', date: '2026-11-28' })),
  );
  rows.push({
    measure: 'status of 197 States + summary (in process)',
    value,
    baselineName: '197 plain objects',
    baseline,
    targetMs: 2,
  });
}

// 2. The States list over a real socket, against a bare route of the same server.
{
  const server = await startServer({ port: 0, dbFile: join(dir, 'api.db') });
  const get = async (path: string, headers: Record<string, string> = {}): Promise<Response> => {
    const response = await fetch(new URL(path, server.url), { headers });
    await response.arrayBuffer();
    return response;
  };
  const states = 'api/v1/states?asOf=2026-11-28';
  const value = await time(300, () => get(states));
  const baseline = await time(300, () => get('api/v1/ping'));
  rows.push({
    measure: 'GET /api/v1/states (socket)',
    value,
    baselineName: 'GET /api/v1/ping, same server',
    baseline,
    targetMs: 10,
  });
  // A client that already has the list: the ETag is checked before any work.
  const etag = (await get(states)).headers.get('etag') ?? '';
  const revalidated = await time(300, () => get(states, { 'if-none-match': etag }));
  rows.push({
    measure: 'GET /api/v1/states, If-None-Match (304)',
    value: revalidated,
    baselineName: 'GET /api/v1/ping, same server',
    baseline,
    targetMs: 10,
  });
  await server.close();
}

// 3. First dashboard paint on a fresh start: process start to first-contentful-paint.
async function firstPaint(start: () => ChildProcess, url: string): Promise<number> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  const began = performance.now();
  const child = start();
  try {
    for (;;) {
      try {
        await fetch(url);
        break;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
    const navigationStart = await page.evaluate(() => performance.timeOrigin);
    return navigationStart + fcp - (performance.timeOrigin + began);
  } finally {
    child.kill('SIGTERM');
    await browser.close();
  }
}

{
  await ensureWebBuild();
  const samples: number[] = [];
  const base: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const port = 18700 + run;
    const db = join(dir, `fresh-${run}.db`);
    samples.push(
      await firstPaint(
        () =>
          spawn(process.execPath, [join(ROOT, 'bin/minefree.js'), 'serve'], {
            env: { ...process.env, PORT: String(port), MINEFREE_DB: db },
            stdio: 'ignore',
          }),
        `http://localhost:${port}/`,
      ),
    );
    const tiny = `const s=require('http').createServer((q,r)=>{r.setHeader('content-type','text/html');r.end('<!doctype html><h1>minefree</h1>')});s.listen(${port + 10})`;
    base.push(
      await firstPaint(
        () => spawn(process.execPath, ['-e', tiny], { stdio: 'ignore' }),
        `http://localhost:${port + 10}/`,
      ),
    );
  }
  rows.push({
    measure: 'first dashboard paint, fresh start + fresh DB',
    value: summarise(samples),
    baselineName: 'bare node:http page, same browser',
    baseline: summarise(base),
    targetMs: 3000,
  });
}

await clearanceBenchmarks(rows, dir);
await victimsBenchmarks(rows, dir);
const ratios = await readBenchmarks();
// 200 clients for 5 minutes per database (MINEFREE_BENCH_LOAD_SECONDS for a quick run).
ratios.push(...(await loadBenchmarks()));
await throttledBenchmarks(rows, dir);

rmSync(dir, { recursive: true, force: true });
printTable(rows);
console.log('');
printRatios(ratios);
