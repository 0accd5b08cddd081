// `npm start` (npm → sh → node) stops on SIGTERM and SIGINT sent to npm, as a process manager or
// a container runtime sends them: every process exits and the port is free again. It logs each
// request as a JSON line on stderr.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'minefree-signals-'));
const children: ChildProcess[] = [];
afterAll(() => {
  // npm runs in a process group of its own: whatever is left of it is killed with the group.
  for (const child of children) {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

/** Whether something accepts connections on the port. */
const listening = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

async function portFreed(port: number, withinMs: number): Promise<boolean> {
  const until = Date.now() + withinMs;
  while (Date.now() < until) {
    if (!(await listening(port))) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

describe('npm start', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'exits on %s sent to npm and frees the port',
    async (signal) => {
      const npm = spawn('npm', ['start'], {
        cwd: root,
        env: { ...process.env, PORT: '0', MINEFREE_DB: join(dir, `${signal}.db`) },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
      children.push(npm);
      let output = '';
      npm.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      let logs = '';
      npm.stderr?.on('data', (chunk: Buffer) => (logs += chunk.toString()));
      // "close": npm and every process holding its output (the server) are gone.
      const exited = new Promise<void>((resolve) => npm.on('close', () => resolve()));
      const port = await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no address printed: ${output}`)), 170_000);
        npm.stdout?.on('data', () => {
          const match = /running at http:\/\/localhost:(\d+)/.exec(output);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(Number(match[1]));
          }
        });
      });
      expect(await listening(port)).toBe(true);
      // The server logs each request as one JSON line on stderr, with the id the response carries.
      const answer = await fetch(`http://127.0.0.1:${port}/api/v1/ping`);
      const id = answer.headers.get('x-request-id') ?? 'none';
      await new Promise((resolve) => setTimeout(resolve, 200));
      const line = logs.split('\n').find((l) => l.includes(id));
      expect(JSON.parse(line ?? '{}')).toMatchObject({ reqId: id, msg: 'answered', statusCode: 200 });
      npm.kill(signal);
      await exited;
      expect(await portFreed(port, 5_000)).toBe(true);
      expect(output).toContain('stopping');
    },
    180_000,
  );
});
