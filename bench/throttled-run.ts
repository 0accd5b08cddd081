/** `npx tsx bench/throttled-run.ts`: only the throttled browser figures of `npm run bench`. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureWebBuild } from '../src/server/web-build.js';
import { type Row, printTable } from './measure.js';
import { throttledBenchmarks } from './throttled.js';

await ensureWebBuild();
const dir = mkdtempSync(join(tmpdir(), 'minefree-bench-'));
const rows: Row[] = [];
try {
  await throttledBenchmarks(rows, dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
printTable(rows);
