import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { problem, sendProblem } from '../http/problem.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'public, no-cache';

/** src/web/dist, from src/server/ and from the compiled dist/server/ alike. */
export const WEB_ROOT = fileURLToPath(new URL('../../src/web/dist/', import.meta.url));

/**
 * The browser app at `/`: its built files, and index.html for any other page address so the
 * app's own routes (/map, /states/KHM) work when opened directly.
 */
export async function registerWeb(app: FastifyInstance, root: string = WEB_ROOT): Promise<void> {
  const built = existsSync(`${root}index.html`);
  if (built)
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      // `/` is the dashboard, sent with its first screen already in the HTML (src/web/app/shell.tsx).
      index: ['dashboard.html', 'index.html'],
      // The build wrote .br and .gz beside each text file: sent as they are when the browser accepts them.
      preCompressed: true,
      setHeaders: (response, path) => {
        // A file under assets/ has its content's hash in its name: it never changes, so it is never asked again.
        response.header('cache-control', /[\\/]assets[\\/]/.test(path) ? IMMUTABLE : REVALIDATE);
      },
    });
  app.setNotFoundHandler((request, reply) => {
    if (request.method !== 'GET' || request.url.startsWith('/api/') || !built) {
      const detail =
        built || request.url.startsWith('/api/')
          ? `No ${request.method} ${request.url.split('?')[0] ?? ''}.`
          : 'The web app is not built: run `npm run build:web`.';
      return sendProblem(reply, problem(404, detail));
    }
    return reply.header('cache-control', REVALIDATE).type('text/html; charset=utf-8').sendFile('index.html');
  });
}
