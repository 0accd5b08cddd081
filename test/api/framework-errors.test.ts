// Fastify's and Node's own refusals are problem+json like every other error: a malformed
// address, a path segment or an address too long (414), headers too large (431, on a real
// socket), an unsupported media type (415), a body too large (413) and malformed JSON (400).
import { connect } from 'node:net';
import { afterAll, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server/start.js';
import { forEachDatabase } from '../../src/store/test-databases.js';
import { expectProblem, useApp } from './harness.js';

/** Sends raw bytes on a socket and returns everything the server answers. */
function raw(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' }, () => socket.write(request));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

forEachDatabase((database) => {
  const h = useApp(database);
  let server: RunningServer | null = null;
  afterAll(async () => {
    await server?.close();
  });

  it('answers a malformed percent-escape with a 400 problem', async () => {
    const body = expectProblem(await h.get('/api/v1/states/%E0%A4%A'), 400);
    expect(body.errors?.[0]?.field).toBe('path');
    expect(typeof body.requestId).toBe('string');
  });

  it('answers a path segment or an address too long with a 414 problem that does not echo it', async () => {
    const segment = await h.get(`/api/v1/states/${'K'.repeat(500)}`);
    expect(expectProblem(segment, 414).detail).not.toContain('KKKK');
    expectProblem(await h.get(`/api/v1/status?asOf=${'9'.repeat(9000)}`), 414);
  });

  it('answers an unsupported media type, a body too large and malformed JSON with problems', async () => {
    const post = (payload: string, type: string) =>
      h.app.inject({ method: 'POST', url: '/api/v1/session', payload, headers: { 'content-type': type } });
    expectProblem(await post('<email/>', 'application/xml'), 415);
    expectProblem(
      await post(JSON.stringify({ email: 'x'.repeat(2 * 1024 * 1024), password: 'p' }), 'application/json'),
      413,
    );
    expectProblem(await post('{"email": ', 'application/json'), 400);
  });

  it('answers headers too large with a 431 problem on a real socket', async () => {
    server = await startServer({ port: 0, store: h.store });
    const { port } = new URL(server.url);
    const answer = await raw(
      Number(port),
      `GET /api/v1/status HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer).toMatch(/content-type: application\/problem\+json/i);
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { status: number; requestId: string };
    expect(body.status).toBe(431);
    expect(body.requestId).toMatch(/^[\w-]{36}$/);
    const garbage = await raw(Number(port), 'NOT HTTP AT ALL\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400 [\s\S]*application\/problem\+json/i);
  });
});
