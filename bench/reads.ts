/**
 * Read-path benchmarks (issue 15), each a ratio against a baseline measured in the same run on
 * the same server: requests per second of /api/v1/status against /api/v1/ping, and of
 * /api/v1/states against a bare route returning the same bytes, 50 connections (autocannon), on
 * SQLite and PostgreSQL; and the cold land-release summary (the stored ledger, a fresh store)
 * against a plain SQL count and sum over the same State's hazard areas, on both databases.
 * Run alone with `npx tsx bench/reads.ts`; MINEFREE_BENCH_SECONDS sets each autocannon run (5 s),
 * MINEFREE_BENCH_AREAS the cold summary's areas (200,000), MINEFREE_BENCH_READS=cold runs only
 * the cold summaries (bench/cold-summary.ts), MINEFREE_BENCH_PG the PostgreSQL used.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { parseDate } from '../src/core/date.js';
import { buildApp } from '../src/server/app.js';
import { initDatabase } from '../src/setup/seed.js';
import { type Store, openDatabase } from '../src/store/database.js';
import { demoDatabase } from './clearance.js';
import { type ColdFigures, postgresColdSummary, sqliteColdSummary } from './cold-summary.js';
import { BENCH_PG_URL, createBenchSchema } from './pg-schema.js';

const PG_URL = BENCH_PG_URL;
const SECONDS = Number(process.env.MINEFREE_BENCH_SECONDS ?? 5);
const CONNECTIONS = 50;

export interface RatioRow {
  measure: string;
  value: number | null;
  baselineName: string;
  baseline: number | null;
  unit: string;
  /** Higher is better (requests/s): value/baseline must reach it; else (ms) value/baseline is shown. */
  target: string;
  met: boolean | null;
}

async function rate(url: string): Promise<{ perSecond: number; errors: number; p99: number }> {
  // Warm up (JIT, the first answer computed and kept) before measuring.
  await autocannon({ url, connections: CONNECTIONS, amount: 500 });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  return { perSecond: result.requests.average, errors: result.errors + result.non2xx, p99: result.latency.p99 };
}

async function openPostgres(): Promise<{ store: Store; drop: () => Promise<void> } | null> {
  const created = await createBenchSchema('bench');
  if (created === null) return null;
  const store = await openDatabase({ url: PG_URL, schema: created.schema });
  return {
    store,
    drop: async () => {
      await store.close();
      await created.drop();
    },
  };
}

async function serverRows(name: string, store: Store): Promise<RatioRow[]> {
  await initDatabase(store);
  const app = await buildApp({ store });
  const states = '/api/v1/states?asOf=2026-11-28';
  // The baseline: the same server, a route that returns the same bytes and does nothing else.
  let bytes: Buffer = Buffer.alloc(0);
  app.get('/bench/bare', (_request, reply) => reply.type('application/json; charset=utf-8').send(bytes));
  bytes = (await app.inject({ method: 'GET', url: states })).rawPayload;
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const status = await rate(`${base}/api/v1/status?asOf=2026-11-28`);
    const ping = await rate(`${base}/api/v1/ping`);
    const list = await rate(`${base}${states}`);
    const bare = await rate(`${base}/bench/bare`);
    const row = (measure: string, value: number, baselineName: string, baseline: number): RatioRow => ({
      measure: `${measure} (${name})`,
      value,
      baselineName,
      baseline,
      unit: 'req/s',
      target: '>= 0.50x',
      met: value / baseline >= 0.5,
    });
    const errors = status.errors + ping.errors + list.errors + bare.errors;
    if (errors > 0) console.log(`reads bench (${name}): ${errors} errors or non-2xx answers`);
    return [
      row('GET /api/v1/status, 50 connections', status.perSecond, 'GET /api/v1/ping', ping.perSecond),
      row('GET /api/v1/states, 50 connections', list.perSecond, 'bare route, same bytes', bare.perSecond),
    ];
  } finally {
    await app.close();
  }
}

/** The cold summary of a State holding `areas` synthetic hazard areas, on both databases, against SQL count and sum. */
async function coldSummaryRows(areas: number): Promise<RatioRow[]> {
  const file = await demoDatabase(areas);
  const asOf = parseDate('2026-06-30');
  const row = (name: string, figures: ColdFigures | null): RatioRow => ({
    measure: `cold land-release summary, ${areas.toLocaleString('en')} areas (${name})`,
    value: figures?.cold ?? null,
    baselineName: figures === null ? 'PostgreSQL not reachable: not measured' : 'SQL count + sum of the areas',
    baseline: figures?.plain ?? null,
    unit: 'ms',
    target: '< 50 ms',
    met: figures === null ? null : figures.cold < 50,
  });
  return [
    row('sqlite', await sqliteColdSummary(file, 'KHM', asOf)),
    row('postgres', await postgresColdSummary(file, 'KHM', asOf)),
  ];
}

/** Both servers' rows; PostgreSQL's say "not measured" when it cannot be reached. */
async function allServerRows(): Promise<RatioRow[]> {
  const rows: RatioRow[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'minefree-bench-reads-'));
  try {
    const sqlite = await openDatabase({ file: join(dir, 'reads.db') });
    try {
      rows.push(...(await serverRows('sqlite', sqlite)));
    } finally {
      await sqlite.close();
    }
    const postgres = await openPostgres();
    if (postgres === null)
      rows.push(
        ...['GET /api/v1/status', 'GET /api/v1/states'].map((m) => ({
          measure: `${m} (postgres)`,
          value: null,
          baselineName: 'PostgreSQL not reachable: not measured',
          baseline: null,
          unit: 'req/s',
          target: '>= 0.50x',
          met: null,
        })),
      );
    else
      try {
        rows.push(...(await serverRows('postgres', postgres.store)));
      } finally {
        await postgres.drop();
      }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

export async function readBenchmarks(): Promise<RatioRow[]> {
  // MINEFREE_BENCH_READS=cold: only the cold summaries (the servers' rows take about a minute).
  const servers = process.env.MINEFREE_BENCH_READS === 'cold' ? [] : await allServerRows();
  return [...servers, ...(await coldSummaryRows(Number(process.env.MINEFREE_BENCH_AREAS ?? 200_000)))];
}

const fixed = (n: number | null, unit: string): string =>
  n === null ? 'not measured' : unit === 'ms' ? `${n.toFixed(1)} ms` : `${Math.round(n)} ${unit}`;

export function printRatios(rows: readonly RatioRow[]): void {
  const lines = [['measure', 'value', 'baseline', 'baseline value', 'ratio', 'target', 'verdict']];
  for (const r of rows)
    lines.push([
      r.measure,
      fixed(r.value, r.unit),
      r.baselineName,
      fixed(r.baseline, r.unit),
      r.value === null || r.baseline === null ? '-' : `${(r.value / r.baseline).toFixed(2)}x`,
      r.target,
      r.met === null ? 'not measured' : r.met ? 'meets target' : 'MISSES target',
    ]);
  const widths = lines[0]?.map((_, i) => Math.max(...lines.map((l) => (l[i] ?? '').length))) ?? [];
  for (const l of lines) console.log(l.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  '));
}

if (process.argv[1]?.endsWith('reads.ts')) printRatios(await readBenchmarks());
