// Sign-in sessions over the HTTP API: cookie flags, the stored token hash, sign-out, rate limit.
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { configFromEnv } from '../../src/server/config.js';
import { forEachDatabase } from '../../src/store/test-databases.js';
import { PASSWORD, expectProblem, useApp } from './harness.js';

const signInAs = (email: string, password: string): { method: 'POST'; url: string; payload: object } => ({
  method: 'POST',
  url: '/api/v1/session',
  payload: { email, password },
});

forEachDatabase((database) => {
  const h = useApp(database);

  it('signs in: an HttpOnly, SameSite=Strict cookie, the user and a CSRF token; only the token hash is stored', async () => {
    const response = await h.app.inject(signInAs('Editor@Example.org', PASSWORD));
    expect(response.statusCode).toBe(200);
    const body = response.json<{ user: object; csrfToken: string }>();
    expect(body.user).toEqual({ email: 'editor@example.org', name: 'An editor', role: 'editor', state: 'KHM' });
    expect(body.csrfToken).toMatch(/^[\w-]{43}$/);
    const cookie = response.cookies.find((c) => c.name === 'minefree_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    const token = cookie?.value ?? '';
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const stored = await h.store.db.selectFrom('sessions').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).toContain(createHash('sha256').update(token).digest('hex'));
    expect(stored.map((s) => s.token_hash)).not.toContain(token);
  });

  it('refuses a wrong password and an unknown email alike, with a 401 problem and no cookie', async () => {
    const wrong = await h.app.inject(signInAs('editor@example.org', 'wrong password'));
    const unknown = await h.app.inject(signInAs('nobody@example.org', PASSWORD));
    expect(expectProblem(wrong, 401).detail).toBe(expectProblem(unknown, 401).detail);
    expect(wrong.cookies).toHaveLength(0);
  });

  it('refuses a sign-in body without its fields, naming them', async () => {
    const body = expectProblem(await h.app.inject({ method: 'POST', url: '/api/v1/session', payload: {} }), 400);
    expect(body.errors?.map((e) => e.field).sort()).toEqual(['body.email', 'body.password']);
  });

  it('tells who is signed in, never cached; and signs out', async () => {
    expectProblem(await h.get('/api/v1/session'), 401);
    const { cookie, csrfToken } = await h.signIn('viewer');
    const session = await h.get('/api/v1/session', { cookie });
    expect(session.json()).toEqual({
      user: { email: 'viewer@example.org', name: 'An viewer', role: 'viewer', state: null },
      csrfToken,
    });
    expect(session.headers['cache-control']).toBe('no-store');
    expect(session.headers.etag).toBeUndefined();
    const out = await h.app.inject({
      method: 'DELETE',
      url: '/api/v1/session',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'minefree_session')?.value).toBe('');
    expectProblem(await h.get('/api/v1/session', { cookie }), 401);
  });

  it('makes the cookie Secure behind a trusted TLS proxy, and only then', async () => {
    const forwarded = { ...signInAs('editor@example.org', PASSWORD), headers: { 'x-forwarded-proto': 'https' } };
    const behindProxy = await (await h.another({ trustProxy: 1 })).inject(forwarded);
    expect(behindProxy.cookies.find((c) => c.name === 'minefree_session')?.secure).toBe(true);
    const untrusted = await (await h.another()).inject(forwarded);
    expect(untrusted.cookies.find((c) => c.name === 'minefree_session')?.secure).toBeFalsy();
  });

  it('rate-limits sign-in attempts with a 429 problem', async () => {
    const app = await h.another();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1)
      statuses.push((await app.inject(signInAs('editor@example.org', 'guess'))).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expectProblem(await app.inject(signInAs('editor@example.org', PASSWORD)), 429);
  });

  it('behind one trusted proxy, limits each client address as the proxy saw it, whatever X-Forwarded-For the client wrote', async () => {
    const app = await h.another({ trustProxy: 1 });
    const statuses: number[] = [];
    for (let i = 0; i < 42; i += 1) {
      const attempt = signInAs(`guess${i}@example.org`, 'guess');
      // The client wrote the first entry; the proxy appended the address it saw.
      const headers = { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.7` };
      statuses.push((await app.inject({ ...attempt, headers })).statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
    const right = await app.inject({
      ...signInAs('viewer@example.org', PASSWORD),
      headers: { 'x-forwarded-for': '192.0.2.1, 203.0.113.7' },
    });
    expectProblem(right, 429);
    // Another client behind the same proxy is not held back.
    const other = await app.inject({
      ...signInAs('viewer@example.org', PASSWORD),
      headers: { 'x-forwarded-for': '203.0.113.8' },
    });
    expect(other.statusCode).toBe(200);
  });

  it('throttles an account after 10 failed sign-ins from any addresses, with Retry-After', async () => {
    const app = await h.another({ trustProxy: 1 });
    const from = (i: number) => ({ 'x-forwarded-for': `203.0.113.${i}` });
    for (let i = 0; i < 10; i += 1)
      expect((await app.inject({ ...signInAs('admin@example.org', 'guess'), headers: from(i) })).statusCode).toBe(401);
    const throttled = await app.inject({ ...signInAs('Admin@Example.org', PASSWORD), headers: from(99) });
    expect(expectProblem(throttled, 429).detail).toContain('this account');
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    // Other accounts sign in as usual.
    expect((await app.inject({ ...signInAs('editor@example.org', PASSWORD), headers: from(98) })).statusCode).toBe(200);
  });

  it('takes as long for an unknown email as for a known one with a wrong password', async () => {
    const app = await h.another();
    const time = async (email: string): Promise<number> => {
      const start = process.hrtime.bigint();
      expect((await app.inject(signInAs(email, 'not the password'))).statusCode).toBe(401);
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    await time('nobody@example.org'); // the dummy hash is made on first use
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      known.push(await time('viewer@example.org'));
      unknown.push(await time(`nobody${i}@example.org`));
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    // Both hash (scrypt, tens of ms); without the dummy hash an unknown email answered in ~1 ms.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
  });

  it('ends the older session when the same account signs in again', async () => {
    const first = await h.signIn('admin');
    expect((await h.get('/api/v1/session', { cookie: first.cookie })).statusCode).toBe(200);
    const second = await h.signIn('admin');
    expectProblem(await h.get('/api/v1/session', { cookie: first.cookie }), 401);
    expect((await h.get('/api/v1/session', { cookie: second.cookie })).statusCode).toBe(200);
  });

  it('signs out only with the CSRF token of the session', async () => {
    const { cookie, csrfToken } = await h.signIn('editor');
    const without = await h.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie } });
    expect(expectProblem(without, 403).errors?.[0]?.field).toBe('header.x-csrf-token');
    expect((await h.get('/api/v1/session', { cookie })).statusCode).toBe(200);
    const out = await h.app.inject({
      method: 'DELETE',
      url: '/api/v1/session',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(out.statusCode).toBe(204);
    expectProblem(await h.get('/api/v1/session', { cookie }), 401);
  });
});

it('reads MINEFREE_TRUST_PROXY as a number of proxy hops', () => {
  expect(configFromEnv({}).trustProxy).toBe(0);
  expect(configFromEnv({ MINEFREE_TRUST_PROXY: '1' }).trustProxy).toBe(1);
  expect(configFromEnv({ MINEFREE_TRUST_PROXY: '2' }).trustProxy).toBe(2);
  expect(() => configFromEnv({ MINEFREE_TRUST_PROXY: 'true' })).toThrow(/number of proxies/);
});
