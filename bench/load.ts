/**
 * Load (issue 15): 200 concurrent clients for 5 minutes against a real `minefree serve` process,
 * on SQLite and on PostgreSQL. The clients mix the public reads (status, the States list, a State
 * page's API reads, stockpiles, victims, funding), clearance vector tiles and, from two of them,
 * a few writes of a signed-in national editor (a funding flow and a hazard area each, about one
 * a second per writer: every write moves the data version, so the read caches are emptied and
 * refilled under load). The verdict is 0 errors (socket errors, timeouts, 4xx or 5xx answers);
 * the requests per second and the p99 latency are printed against /api/v1/ping under the same
 * load on the same server, measured in the same run.
 *
 * Run alone with `npx tsx bench/load.ts`. MINEFREE_BENCH_LOAD_SECONDS (300) and
 * MINEFREE_BENCH_LOAD_CONNECTIONS (200) make a quick run possible; MINEFREE_BENCH_PG names the
 * PostgreSQL server (a fresh schema is made and dropped).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { createUser } from '../src/accounts/store.js';
import { hashPassword } from '../src/accounts/passwords.js';
import { saveClearanceRecords } from '../src/clearance/store.js';
import { initDatabase } from '../src/setup/seed.js';
import { SYSTEM } from '../src/store/audit.js';
import { type DialectName, type Store, openDatabase } from '../src/store/database.js';
import { demoClearance } from '../test/browser/seeded-pages.js';
import type { RatioRow } from './reads.js';
import { BENCH_PG_URL, createBenchSchema } from './pg-schema.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PG_URL = BENCH_PG_URL;
const SECONDS = Number(process.env.MINEFREE_BENCH_LOAD_SECONDS ?? 300);
const CONNECTIONS = Number(process.env.MINEFREE_BENCH_LOAD_CONNECTIONS ?? 200);
/** Of the connections, these write (the others read). */
const WRITERS = 2;
/** Requests per second of each writer (autocannon's connectionRate). */
const WRITES_PER_SECOND = 1;
/** The baseline runs at most this long: its rate settles in seconds. */
const BASELINE_SECONDS = Math.min(SECONDS, 30);
const PORTS: Record<DialectName, number> = { sqlite: 8150, postgres: 8151 };
const PASSWORD = 'correct horse battery staple';
const EDITOR = 'load-editor@example.org';
const STATE = 'KHM';
const DEMO = { iso3: STATE, areas: 200, seed: 7, asOf: '2026-06-30' } as const;
const AS_OF = '2026-11-28';

/** The z-level tile holding (lon, lat). */
function tileAt(z: number, lon: number, lat: number): string {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  const x = Math.floor(((lon + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return `${z}/${x}/${y}`;
}

/** What the readers ask, in turn: the dashboard's, a State page's and the pillars' reads, and tiles. */
function readPaths(tiles: readonly string[]): string[] {
  const state = `/api/v1/states/${STATE}`;
  return [
    `/api/v1/status?asOf=${AS_OF}`,
    '/api/v1/status',
    `/api/v1/states?asOf=${AS_OF}`,
    // A State page.
    `${state}?asOf=${AS_OF}`,
    `${state}/record`,
    `${state}/clearance?asOf=${AS_OF}`,
    `${state}/article5?asOf=${AS_OF}`,
    `${state}/stockpiles?asOf=${AS_OF}`,
    `${state}/victims?asOf=${AS_OF}`,
    `/api/v1/funding?asOf=${AS_OF}&recipient=${STATE}`,
    // The pillars' pages.
    `/api/v1/stockpiles?asOf=${AS_OF}`,
    `/api/v1/stockpiles/states?asOf=${AS_OF}`,
    `/api/v1/victims?asOf=${AS_OF}`,
    `/api/v1/funding?asOf=${AS_OF}`,
    `/api/v1/funding/years?asOf=${AS_OF}`,
    ...tiles.map((tile) => `${state}/clearance/tiles/${tile}`),
  ];
}

interface Prepared {
  env: Record<string, string>;
  tiles: string[];
  dispose: () => Promise<void>;
}

/** A fresh database: data/, 200 demo hazard areas in KHM, KHM's national editor. */
async function prepare(dialect: DialectName, dir: string): Promise<Prepared | null> {
  let store: Store;
  let env: Record<string, string>;
  let dispose: () => Promise<void>;
  if (dialect === 'postgres') {
    const created = await createBenchSchema('bench_load');
    if (created === null) return null;
    const { schema } = created;
    store = await openDatabase({ url: PG_URL, schema });
    const options = encodeURIComponent(`-c search_path=${schema}`);
    env = { DATABASE_URL: `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}options=${options}`, MINEFREE_DB: '' };
    dispose = created.drop;
  } else {
    const file = join(dir, 'load.db');
    store = await openDatabase({ file });
    env = { DATABASE_URL: '', MINEFREE_DB: file };
    dispose = () => Promise.resolve();
  }
  const records = demoClearance(DEMO);
  try {
    await initDatabase(store);
    await saveClearanceRecords(store, STATE, records, SYSTEM, { origin: 'bench: demo clearance' });
    const passwordHash = await hashPassword(PASSWORD);
    await createUser(store, { email: EDITOR, name: 'Load editor', role: 'editor', state: STATE, passwordHash }, SYSTEM);
  } finally {
    await store.close();
  }
  // Tiles where the areas are: the national z7 view and the z10 tiles of a few areas.
  const tiles = new Set<string>();
  for (const area of records.areas.slice(0, 40)) {
    const [west, south, east, north] = area.bbox;
    const lon = (west + east) / 2;
    const lat = (south + north) / 2;
    tiles.add(tileAt(7, lon, lat));
    if (tiles.size < 8) tiles.add(tileAt(10, lon, lat));
  }
  return { env, tiles: [...tiles], dispose };
}

interface Running {
  url: string;
  child: ChildProcess;
}

/** `minefree serve` as a user runs it (its request log included), in a process of its own. */
function serve(port: number, env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/minefree.js'), 'serve'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start: ${out}`)), 300_000);
    child.on('exit', (code) => reject(new Error(`the server exited (${String(code)}): ${out}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!/running at http:\/\/\S+/.test(out)) return;
      clearTimeout(timer);
      resolve({ url: `http://127.0.0.1:${port}`, child });
    });
  });
}

async function stop(server: Running): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

async function signIn(base: string): Promise<Record<string, string>> {
  const response = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: EDITOR, password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
}

/** A small square hazard area near Battambang, one per write, none on another. */
function hazardArea(n: number): string {
  const west = 103 + (n % 200) * 0.002;
  const south = 12.6 + Math.floor(n / 200) * 0.002;
  const ring = [
    [west, south],
    [west + 0.001, south],
    [west + 0.001, south + 0.001],
    [west, south + 0.001],
    [west, south],
  ];
  const id = `KHM-LOAD-${n}`;
  return JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: { type: 'Polygon', coordinates: [ring] },
        properties: {
          id,
          localRef: id,
          name: `Load ${n}`,
          type: 'SHA',
          informationDate: '2026-01-05',
          organisation: 'CMAC',
          // The demo records are synthetic, and a State holds real or synthetic records, never both.
          synthetic: true,
        },
      },
    ],
  });
}

/** A funding flow KHM received; the amount differs from one write to the next (an identical flow is refused). */
function flow(n: number): string {
  return JSON.stringify({
    flows: [
      {
        donor: { id: 'NOR', name: 'Norway', kind: 'state' },
        recipient: STATE,
        sector: 'clearance-risk-education',
        year: 2025,
        amount: 1000 + n,
        sources: ['S95'],
      },
    ],
  });
}

/** The first few failed writes, printed (reads are only counted: keeping every body would load the client). */
const failures: string[] = [];
function onResponse(status: number, body: string): void {
  if (status >= 400 && failures.length < 5) failures.push(`${status} ${body.slice(0, 300)}`);
}

interface Outcome {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  /** Socket errors, timeouts, 4xx and 5xx answers. */
  errors: number;
  detail: string;
}

function outcome(result: autocannon.Result): Outcome {
  const failed = result['4xx'] + result['5xx'];
  return {
    requests: result.requests.total,
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.timeouts + failed,
    detail: `${result.errors} socket errors, ${result.timeouts} timeouts, ${result['4xx']} 4xx, ${result['5xx']} 5xx`,
  };
}

/** The mixed load: readers and writers at once, for SECONDS. */
async function mixed(
  base: string,
  paths: readonly string[],
  auth: Record<string, string>,
): Promise<{ reads: Outcome; writes: Outcome }> {
  let n = 0;
  const readers = autocannon({
    url: base,
    connections: CONNECTIONS - WRITERS,
    duration: SECONDS,
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  const writers = autocannon({
    url: base,
    connections: WRITERS,
    connectionRate: WRITES_PER_SECOND,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/funding/flows',
        headers: auth,
        setupRequest: (request) => ({ ...request, body: flow((n += 1)) }),
        onResponse,
      },
      {
        method: 'POST',
        path: `/api/v1/states/${STATE}/clearance`,
        headers: auth,
        setupRequest: (request) => ({ ...request, body: hazardArea((n += 1)) }),
        onResponse,
      },
    ],
  });
  const [reads, writes] = await Promise.all([readers, writers]);
  return { reads: outcome(reads), writes: outcome(writes) };
}

async function baseline(base: string): Promise<Outcome> {
  return outcome(
    await autocannon({ url: `${base}/api/v1/ping`, connections: CONNECTIONS, duration: BASELINE_SECONDS }),
  );
}

const ms = (n: number): string => `${n.toFixed(0)} ms`;

function rows(name: string, load: { reads: Outcome; writes: Outcome }, base: Outcome): RatioRow[] {
  const { reads, writes } = load;
  const errors = reads.errors + writes.errors;
  const what = `${CONNECTIONS} clients, ${SECONDS} s (${name})`;
  console.log(
    `load (${name}): reads ${reads.requests} in ${SECONDS} s, ${Math.round(reads.perSecond)}/s, p50 ${ms(reads.p50)}, p99 ${ms(reads.p99)}, max ${ms(reads.max)}; ${reads.detail}`,
  );
  console.log(
    `load (${name}): writes ${writes.requests}, p50 ${ms(writes.p50)}, p99 ${ms(writes.p99)}, max ${ms(writes.max)}; ${writes.detail}`,
  );
  console.log(
    `load (${name}): baseline /api/v1/ping ${base.requests} in ${BASELINE_SECONDS} s, ${Math.round(base.perSecond)}/s, p99 ${ms(base.p99)}; ${base.detail}`,
  );
  for (const failure of failures.splice(0)) console.log(`load (${name}): failed: ${failure}`);
  const met = errors === 0;
  return [
    {
      measure: `mixed load, ${what}: requests/s`,
      value: reads.perSecond,
      baselineName: `GET /api/v1/ping, ${CONNECTIONS} clients`,
      baseline: base.perSecond,
      unit: 'req/s',
      target: `0 errors (${errors})`,
      met,
    },
    {
      measure: `mixed load, ${what}: p99 of reads`,
      value: reads.p99,
      baselineName: `GET /api/v1/ping, ${CONNECTIONS} clients`,
      baseline: base.p99,
      unit: 'ms',
      target: 'printed',
      met,
    },
    {
      measure: `mixed load, ${what}: p99 of ${writes.requests} writes`,
      value: writes.p99,
      baselineName: `GET /api/v1/ping, ${CONNECTIONS} clients`,
      baseline: base.p99,
      unit: 'ms',
      target: 'printed',
      met,
    },
  ];
}

function notMeasured(name: string, why: string): RatioRow[] {
  return [
    {
      measure: `mixed load, ${CONNECTIONS} clients, ${SECONDS} s (${name})`,
      value: null,
      baselineName: why,
      baseline: null,
      unit: 'req/s',
      target: '0 errors',
      met: null,
    },
  ];
}

export async function loadBenchmarks(): Promise<RatioRow[]> {
  const all: RatioRow[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'minefree-bench-load-'));
  try {
    for (const name of ['sqlite', 'postgres'] as const) {
      const prepared = await prepare(name, dir);
      if (prepared === null) {
        all.push(...notMeasured(name, 'PostgreSQL not reachable: not measured'));
        continue;
      }
      const server = await serve(PORTS[name], prepared.env);
      try {
        const auth = await signIn(server.url);
        const paths = readPaths(prepared.tiles);
        // Warm up: every answer computed once, the JIT settled.
        await autocannon({
          url: server.url,
          connections: 20,
          amount: 2000,
          requests: paths.map((path) => ({ method: 'GET', path })),
        });
        const base = await baseline(server.url);
        all.push(...rows(name, await mixed(server.url, paths, auth), base));
      } finally {
        await stop(server);
        await prepared.dispose();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return all;
}

if (process.argv[1]?.endsWith('load.ts')) {
  const { printRatios } = await import('./reads.js');
  printRatios(await loadBenchmarks());
}
