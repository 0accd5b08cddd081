// Many processes on one database (issue 15): two real `minefree serve` processes share one
// PostgreSQL schema (or one SQLite file). Both have read, and kept, every answer first; then a
// write through one — a treaty instrument, a hazard area, a stockpile ledger entry, a funding
// flow — is shown by the other's very next read (its read cache, its treaty engine, its tiles and
// its ETags follow), and the same the other way round. A session made by one is good on the other.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../src/accounts/store.js';
import { hashPassword } from '../src/accounts/passwords.js';
import { initDatabase } from '../src/setup/seed.js';
import { SYSTEM } from '../src/store/audit.js';
import { type DialectName, openDatabase } from '../src/store/database.js';
import { TEST_PG_URL, onAdmin } from '../src/store/test-databases.js';

const BIN = fileURLToPath(new URL('../bin/minefree.js', import.meta.url));
const PASSWORD = 'correct horse battery staple';
/** This file's ports: two per database. */
const PORTS: Record<DialectName, [number, number]> = { postgres: [8140, 8141], sqlite: [8142, 8143] };
/** The first start may build the web app. */
const START_MS = 240_000;

interface Server {
  name: string;
  url: string;
  child: ChildProcess;
  output: () => string;
}

/** `minefree serve` on `port`, resolved once it prints its address. */
function serve(name: string, port: number, env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: { ...process.env, DATABASE_URL: '', MINEFREE_DB: '', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err = (err + chunk.toString()).slice(-20_000)));
  const output = (): string => `${out}\n${err}`;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name}: no address printed\n${output()}`)), START_MS);
    child.on('exit', (code) => reject(new Error(`${name} exited (${String(code)})\n${output()}`)));
    child.stdout.on('data', () => {
      if (!/running at http:\/\/\S+/.test(out)) return;
      clearTimeout(timer);
      resolve({ name, url: `http://127.0.0.1:${port}/`, child, output });
    });
  });
}

async function stop(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

/** A fresh database, loaded from data/, with an admin; the environment that points `serve` at it. */
async function prepare(dialect: DialectName): Promise<{ env: Record<string, string>; dispose: () => Promise<void> }> {
  let env: Record<string, string>;
  let dispose: () => Promise<void>;
  let store;
  if (dialect === 'postgres') {
    const schema = `t_mp_${randomBytes(5).toString('hex')}`;
    await onAdmin(`create schema ${schema}`);
    store = await openDatabase({ url: TEST_PG_URL, schema });
    // The schema travels in the URL, as a deployment would give it (libpq's `options`).
    const options = encodeURIComponent(`-c search_path=${schema}`);
    env = { DATABASE_URL: `${TEST_PG_URL}${TEST_PG_URL.includes('?') ? '&' : '?'}options=${options}` };
    dispose = () => onAdmin(`drop schema ${schema} cascade`);
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'minefree-processes-'));
    store = await openDatabase({ file: join(dir, 'shared.db') });
    env = { MINEFREE_DB: join(dir, 'shared.db') };
    dispose = () => Promise.resolve(rmSync(dir, { recursive: true, force: true }));
  }
  try {
    await initDatabase(store);
    const passwordHash = await hashPassword(PASSWORD);
    await createUser(
      store,
      { email: 'admin@example.org', name: 'An admin', role: 'admin', state: null, passwordHash },
      SYSTEM,
    );
  } finally {
    await store.close();
  }
  return { env, dispose };
}

interface Session {
  cookie: string;
  csrfToken: string;
}

async function signIn(server: Server): Promise<Session> {
  const response = await fetch(new URL('api/v1/session', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@example.org', password: PASSWORD }),
  });
  expect(response.status).toBe(200);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

async function post(server: Server, path: string, body: unknown, session: Session): Promise<void> {
  const response = await fetch(new URL(path, server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  expect(response.status, `${server.name} POST ${path}: ${text.slice(0, 500)}`).toBe(201);
}

interface Read {
  status: number;
  etag: string | null;
  body: Buffer;
}

async function get(server: Server, path: string, headers: Record<string, string> = {}): Promise<Read> {
  const response = await fetch(new URL(path, server.url), { headers });
  return {
    status: response.status,
    etag: response.headers.get('etag'),
    body: Buffer.from(await response.arrayBuffer()),
  };
}

async function json<T>(server: Server, path: string): Promise<T> {
  const read = await get(server, path);
  expect(read.status, `${server.name} GET ${path}`).toBe(200);
  return JSON.parse(read.body.toString('utf8')) as T;
}

/** The z10 tile holding (lon, lat). */
function tileAt(z: number, lon: number, lat: number): string {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return `${z}/${Math.floor(((lon + 180) / 360) * n)}/${Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n)}`;
}

const TILE = `api/v1/states/KHM/clearance/tiles/${tileAt(10, 103.205, 13.105)}`;

/** The ids of the hazard areas in the tile (none when the answer is 204). */
async function tileAreas(server: Server): Promise<string[]> {
  const read = await get(server, TILE);
  if (read.status === 204) return [];
  expect(read.status).toBe(200);
  const layer = new VectorTile(new PbfReader(read.body)).layers.hazard_areas;
  if (layer === undefined) return [];
  return Array.from({ length: layer.length }, (_, i) => String(layer.feature(i).properties.id)).sort();
}

const hazardArea = (id: string, west: number) => ({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [west, 13.1],
            [west + 0.005, 13.1],
            [west + 0.005, 13.105],
            [west, 13.105],
            [west, 13.1],
          ],
        ],
      },
      properties: {
        id,
        localRef: id,
        name: `Area ${id}`,
        type: 'CHA',
        informationDate: '2020-03-01',
        organisation: 'CMAC',
      },
    },
  ],
});

const flow = (amount: number) => ({
  flows: [
    {
      donor: { id: 'NOR', name: 'Norway', kind: 'state' },
      recipient: 'KHM',
      sector: 'clearance-risk-education',
      year: 2020,
      amount,
      sources: ['S95'],
    },
  ],
});

const STATUS = 'api/v1/status?asOf=2027-06-01';
const STATES = 'api/v1/states?asOf=2027-06-01';
const CLEARANCE = 'api/v1/states/KHM/clearance?asOf=2026-01-01';
const STOCKPILE = 'api/v1/states/GRC/stockpiles?asOf=2025-02-01';
// No asOf: a flow written now is published today.
const FUNDING = 'api/v1/funding?year=2020&recipient=KHM';

/** What the public reads say, as this test compares them. */
interface Snapshot {
  statesParties: number;
  withdrawn: string[];
  hazardAreas: number;
  tile: string[];
  remaining: number;
  funding: number;
}

async function snapshot(server: Server): Promise<Snapshot> {
  const status = await json<{ statesParties: number }>(server, STATUS);
  const states = await json<{ iso3: string; status: string }[]>(server, STATES);
  const clearance = await json<{ records: { hazardAreas: number } }>(server, CLEARANCE);
  const stockpile = await json<{ remaining: number }>(server, STOCKPILE);
  const funding = await json<{ total: number | null }>(server, FUNDING);
  return {
    statesParties: status.statesParties,
    withdrawn: states.filter((s) => s.status === 'withdrawn').map((s) => s.iso3),
    hazardAreas: clearance.records.hazardAreas,
    tile: await tileAreas(server),
    remaining: stockpile.remaining,
    funding: funding.total ?? 0,
  };
}

interface Writes {
  withdraws: string;
  area: string;
  west: number;
  destroyed: number;
  amount: number;
}

/**
 * Four writes through `writer` — a withdrawal, a hazard area, a destruction, a flow — each
 * followed at once by `reader`'s reads, which must show it: the state after each is returned.
 */
async function writeAndSee(
  writer: Server,
  reader: Server,
  session: Session,
  start: Snapshot,
  w: Writes,
): Promise<Snapshot> {
  const steps: { path: string; body: unknown; after: (s: Snapshot) => Snapshot }[] = [
    {
      path: `api/v1/states/${w.withdraws}/instruments`,
      body: { kind: 'withdrawal', deposited: '2026-09-01', sources: ['S02'] },
      after: (s) => ({ ...s, statesParties: s.statesParties - 1, withdrawn: [...s.withdrawn, w.withdraws].sort() }),
    },
    {
      path: 'api/v1/states/KHM/clearance',
      body: hazardArea(w.area, w.west),
      after: (s) => ({ ...s, hazardAreas: s.hazardAreas + 1, tile: [...s.tile, w.area].sort() }),
    },
    {
      path: 'api/v1/states/GRC/stockpiles',
      body: { entries: [{ kind: 'destroyed', date: '2025-01', quantity: w.destroyed, sources: ['S34'] }] },
      after: (s) => ({ ...s, remaining: s.remaining - w.destroyed }),
    },
    { path: 'api/v1/funding/flows', body: flow(w.amount), after: (s) => ({ ...s, funding: s.funding + w.amount }) },
  ];
  let expected = start;
  for (const step of steps) {
    await post(writer, step.path, step.body, session);
    expected = step.after(expected);
    expect(await snapshot(reader), `${reader.name}'s next read after ${writer.name}'s POST ${step.path}`).toEqual(
      expected,
    );
  }
  return expected;
}

describe.each(['postgres', 'sqlite'] as const)('two `minefree serve` processes on one %s database', (dialect) => {
  let a: Server;
  let b: Server;
  let dispose = (): Promise<void> => Promise.resolve();
  const servers: Server[] = [];

  beforeAll(async () => {
    const prepared = await prepare(dialect);
    dispose = prepared.dispose;
    const [portA, portB] = PORTS[dialect];
    // One after the other: the first may build the web app, the second then finds it built.
    a = await serve('A', portA, prepared.env);
    servers.push(a);
    b = await serve('B', portB, prepared.env);
    servers.push(b);
  }, 2 * START_MS);

  afterAll(async () => {
    for (const server of servers.splice(0)) await stop(server);
    await dispose();
  });

  it('a write through either is shown by the next read of the other, caches and ETags following', async () => {
    const session = await signIn(a);
    // Both have read, and kept, every answer (and built the tile) before any write.
    const before = await snapshot(a);
    expect(await snapshot(b)).toEqual(before);
    expect(before.withdrawn).not.toContain('NZL');
    expect(before.tile).toEqual([]);
    const etagB = (await get(b, STATUS)).etag ?? '';
    expect((await get(b, STATUS, { 'if-none-match': etagB })).status).toBe(304);

    const afterA = await writeAndSee(a, b, session, before, {
      withdraws: 'NZL',
      area: 'KHM-MP-A',
      west: 103.2,
      destroyed: 1000,
      amount: 1000,
    });
    // B's ETag moved with the version: the old one is no longer a 304.
    expect((await get(b, STATUS, { 'if-none-match': etagB })).status).toBe(200);
    expect(await snapshot(a)).toEqual(afterA);

    // The other way round, with A's session: it is good on B too (sessions live in the database).
    const etagA = (await get(a, STOCKPILE)).etag ?? '';
    const afterB = await writeAndSee(b, a, session, afterA, {
      withdraws: 'AUS',
      area: 'KHM-MP-B',
      west: 103.206,
      destroyed: 500,
      amount: 2000,
    });
    expect(afterB).toMatchObject({
      statesParties: before.statesParties - 2,
      tile: ['KHM-MP-A', 'KHM-MP-B'],
      remaining: before.remaining - 1500,
      funding: before.funding + 3000,
    });
    expect((await get(a, STOCKPILE, { 'if-none-match': etagA })).status).toBe(200);
    expect(await snapshot(b)).toEqual(afterB);
  }, 120_000);

  it('a session made by one is good on the other, and a sign-out through one ends it on both', async () => {
    const session = await signIn(b);
    const whoIsIt = (server: Server): Promise<number> =>
      fetch(new URL('api/v1/session', server.url), { headers: { cookie: session.cookie } }).then((r) => r.status);
    expect(await whoIsIt(a)).toBe(200);
    const out = await fetch(new URL('api/v1/session', b.url), {
      method: 'DELETE',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    });
    expect(out.status).toBe(204);
    expect(await whoIsIt(a)).toBe(401);
  });
});
