#!/usr/bin/env node
// How long the command line takes to answer: the median of 5 runs of each command, after one
// warm-up run (which also creates and loads the temporary SQLite database, and rebuilds dist/
// if the sources changed). Prints a Markdown table for the README.
//
//   node scripts/startup-times.mjs            the built CLI (dist/), as `minefree` runs it
//   MINEFREE_FROM_SOURCE=1 node scripts/...   the TypeScript sources through tsx, for comparison
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const RUNS = 5;
const bin = fileURLToPath(new URL('../bin/minefree.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'minefree-startup-'));
const env = { ...process.env, MINEFREE_DB: join(dir, 'minefree.db'), DATABASE_URL: '' };

const commands = [
  ['node -e 0', ['-e', '0']],
  ['minefree --help', [bin, '--help']],
  ['minefree status --json', [bin, 'status', '--json']],
];

function run(args) {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (result.status !== 0) {
    process.stderr.write(`node ${args.join(' ')} failed (${result.status}):\n${result.stderr}\n`);
    process.exit(1);
  }
  return ms;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

try {
  const rows = commands.map(([name, args]) => {
    run(args); // warm-up
    const times = Array.from({ length: RUNS }, () => run(args));
    return [name, Math.round(median(times))];
  });
  const source = process.env.MINEFREE_FROM_SOURCE === '1' ? ' (sources through tsx)' : '';
  const cpu = cpus();
  console.log(
    `Median of ${RUNS} runs${source}, ${new Date().toISOString().slice(0, 10)}, Node.js ${process.version}, ` +
      `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${process.platform}:\n`,
  );
  console.log('| command | median ms |\n|---|---:|');
  for (const [name, ms] of rows) console.log(`| \`${name}\` | ${ms} |`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
