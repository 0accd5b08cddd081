// Sign-in sessions over the HTTP API: cookie flags, the stored token hash, sign-out, rate limit.
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
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
    expect(body.user).toEqual({ email: 'editor@example.org', name: 'An editor', role: 'editor' });
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
      user: { email: 'viewer@example.org', name: 'An viewer', role: 'viewer' },
      csrfToken,
    });
    expect(session.headers['cache-control']).toBe('no-store');
    expect(session.headers.etag).toBeUndefined();
    const out = await h.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'minefree_session')?.value).toBe('');
    expectProblem(await h.get('/api/v1/session', { cookie }), 401);
  });

  it('makes the cookie Secure behind a trusted TLS proxy, and only then', async () => {
    const forwarded = { ...signInAs('editor@example.org', PASSWORD), headers: { 'x-forwarded-proto': 'https' } };
    const behindProxy = await (await h.another({ trustProxy: true })).inject(forwarded);
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
});
