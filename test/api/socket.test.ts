// The real binary and a real socket: create the first account with `minefree user add`, then sign in over HTTP.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server/start.js';

const bin = fileURLToPath(new URL('../../bin/minefree.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'minefree-socket-'));
const dbFile = join(dir, 'minefree.db');
let server: RunningServer | null = null;
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const minefree = (args: string[], env: Record<string, string> = {}): ReturnType<typeof spawnSync> =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, MINEFREE_DB: dbFile, ...env } });

describe('first account and sign-in over a socket', () => {
  it('creates an admin with minefree user add and refuses a bad role', () => {
    const added = minefree(['user', 'add', '--email', 'admin@example.org', '--name', 'First Admin', '--role', 'admin'], { MINEFREE_PASSWORD: 'a long enough password' });
    expect(added.stderr).toBe('');
    expect(added.stdout).toContain('Created admin account admin@example.org');
    const bad = minefree(['user', 'add', '--email', 'x@example.org', '--name', 'X', '--role', 'king'], { MINEFREE_PASSWORD: 'a long enough password' });
    expect(bad.status).toBe(2);
  });

  it('signs in on the running server and reads the session', async () => {
    server = await startServer({ port: 0, dbFile });
    const login = await fetch(new URL('api/v1/session', server.url), {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@example.org', password: 'a long enough password' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/minefree_session=.*HttpOnly.*SameSite=Strict/);
    const session = await fetch(new URL('api/v1/session', server.url), { headers: { cookie: cookie.split(';')[0] ?? '' } });
    expect(await session.json()).toMatchObject({ user: { email: 'admin@example.org', role: 'admin' } });
    const status = await fetch(new URL('api/v1/status?asOf=2017-12-14', server.url));
    expect(((await status.json()) as { statesParties: number }).statesParties).toBe(163);
  });
});
