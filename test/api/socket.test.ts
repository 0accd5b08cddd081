// The real binary and real sockets: `minefree user add` creates the first account, the server
// signs it in over HTTP, and `minefree serve` starts, answers and stops cleanly on SIGTERM.
import { spawn, spawnSync } from 'node:child_process';
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
  spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, MINEFREE_DB: dbFile, ...env },
  });

describe('first account and sign-in over a socket', () => {
  it('creates an admin with minefree user add and refuses a bad role or a short password', () => {
    const added = minefree(
      ['user', 'add', '--email', 'admin@example.org', '--name', 'First Admin', '--role', 'admin'],
      { MINEFREE_PASSWORD: 'a long enough password' },
    );
    expect(added.stderr).toBe('');
    expect(added.stdout).toContain('Created admin account admin@example.org');
    const badRole = minefree(['user', 'add', '--email', 'x@example.org', '--name', 'X', '--role', 'king'], {
      MINEFREE_PASSWORD: 'a long enough password',
    });
    expect(badRole.status).toBe(2);
    expect(badRole.stderr).toContain('admin, isu, editor, viewer');
    const short = minefree(
      ['user', 'add', '--email', 'y@example.org', '--name', 'Y', '--role', 'editor', '--state', 'KHM'],
      {
        MINEFREE_PASSWORD: 'short',
      },
    );
    expect(short.status).toBe(2);
    for (const weak of ['password1234', ' '.repeat(12), 'qwertyuiop12']) {
      const refused = minefree(
        ['user', 'add', '--email', 'z@example.org', '--name', 'Z', '--role', 'editor', '--state', 'KHM'],
        {
          MINEFREE_PASSWORD: weak,
        },
      );
      expect(refused.status).toBe(2);
      expect(refused.stdout).toBe('');
    }
  });

  it('signs in on the running server, reads the session and writes with the CSRF token', async () => {
    server = await startServer({ port: 0, dbFile });
    const url = (path: string): URL => new URL(path, server?.url);
    const login = await fetch(url('api/v1/session'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.org', password: 'a long enough password' }),
    });
    expect(login.status).toBe(200);
    const setCookie = login.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/minefree_session=.*HttpOnly.*SameSite=Strict/);
    const cookie = setCookie.split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const session = await fetch(url('api/v1/session'), { headers: { cookie } });
    expect(await session.json()).toMatchObject({ user: { email: 'admin@example.org', role: 'admin' } });

    const status = await fetch(url('api/v1/status?asOf=2017-12-14'));
    expect(((await status.json()) as { statesParties: number }).statesParties).toBe(163);
    const etag = status.headers.get('etag') ?? '';
    expect((await fetch(url('api/v1/status?asOf=2017-12-14'), { headers: { 'if-none-match': etag } })).status).toBe(
      304,
    );

    const write = await fetch(url('api/v1/sources'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ id: 'S991', title: 'A test source', url: null, published: '2026' }),
    });
    expect(write.status).toBe(201);
  });
});

describe('minefree serve', () => {
  it('prints its address, serves the API and the web app, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [bin, 'serve'], {
      env: { ...process.env, PORT: '0', MINEFREE_DB: join(dir, 'serve.db') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const address = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no address printed: ${output}`)), 170_000);
        child.stdout.on('data', () => {
          const match = /running at (http:\/\/\S+)/.exec(output);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      const status = await fetch(new URL('api/v1/status?asOf=2017-12-14', address));
      expect(((await status.json()) as { statesParties: number }).statesParties).toBe(163);
      const page = await fetch(new URL('states/KHM', address));
      expect(page.headers.get('content-type')).toContain('text/html');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output).toContain('stopping');
  }, 180_000);
});
