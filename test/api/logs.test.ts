// Structured logs: one JSON line per answered request with its id (the id every problem carries),
// and every 5xx with the error's stack. Tests build the app without a logger; this one captures it.
import { expect, it } from 'vitest';
import { forEachDatabase } from '../../src/store/test-databases.js';
import { expectProblem, useApp } from './harness.js';

interface Line {
  level: number;
  reqId?: string;
  msg: string;
  statusCode?: number;
  url?: string;
  err?: { message: string; stack: string };
}

forEachDatabase((database) => {
  const h = useApp(database);

  it('writes one JSON line per request with its id, and every 5xx with its stack', async () => {
    const lines: Line[] = [];
    const app = await h.another({
      logger: { stream: { write: (line: string) => lines.push(JSON.parse(line) as Line) } },
    });
    app.get('/test/fails', () => {
      throw new Error('a bug in a handler');
    });

    const ok = await app.inject({ method: 'GET', url: '/api/v1/status?asOf=2017-12-14' });
    expect(ok.statusCode).toBe(200);
    const id = String(ok.headers['x-request-id']);
    const mine = lines.filter((l) => l.reqId === id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ msg: 'answered', statusCode: 200, url: '/api/v1/status?asOf=2017-12-14' });

    const failed = await app.inject({ method: 'GET', url: '/test/fails' });
    const problem = expectProblem(failed, 500);
    expect(problem.detail).not.toContain('a bug in a handler');
    const logged = lines.filter((l) => l.reqId === problem.requestId);
    expect(logged.map((l) => l.msg)).toEqual(['request failed', 'answered']);
    expect(logged[0]?.level).toBe(50);
    expect(logged[0]?.err?.stack).toContain('a bug in a handler');
    expect(logged[0]?.err?.stack).toMatch(/logs\.test\.ts:\d+/);
  });
});
