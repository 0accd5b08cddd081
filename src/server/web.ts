import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { isCalendarDate } from '../core/date.js';
import { problem, sendProblem } from '../http/problem.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'public, no-cache';

/** src/web/dist, from src/server/ and from the compiled dist/server/ alike. */
export const WEB_ROOT = fileURLToPath(new URL('../../src/web/dist/', import.meta.url));

/** Today in UTC: the date a State page without `?asOf=` most likely asks for (the browser's own day). */
const todayUtc = (): string => new Date().toISOString().slice(0, 10);

/**
 * For a State page (`/states/KHM`), preload hints for the reads its first screen waits on: its
 * status, its record, its clearance summary and records (the map's first view). On a slow connection
 * they then arrive beside the app's code instead of a round trip after it has run (about 2 s on Slow
 * 4G with a 4x slower CPU). The app's own reads take them when the address is the same; a wrong
 * guess (`asOf` absent and the browser's day not UTC's) costs a small duplicate read, nothing else.
 * `shapes`, the built file of the world's coarse country shapes, is what the clearance map's first
 * view draws the State's outline from: preloaded too, it no longer waits for the app's code to run.
 */
export function statePagePreloads(url: string, shapes: string | null = null): string | null {
  const parsed = new URL(url, 'http://localhost');
  const match = /^\/states\/([A-Za-z]{3})\/?$/.exec(parsed.pathname);
  if (match === null) return null;
  const iso3 = (match[1] ?? '').toUpperCase();
  const given = parsed.searchParams.get('asOf');
  const asOf = given !== null && isCalendarDate(given) ? given : todayUtc();
  const api = `/api/v1/states/${iso3}`;
  const reads = [
    `${api}?asOf=${asOf}`,
    `${api}/record`,
    `${api}/clearance?asOf=${asOf}`,
    `${api}/clearance/records?geometry=bbox`,
  ];
  return [...reads, ...(shapes === null ? [] : [shapes])]
    .map((path) => `<${path}>; rel=preload; as=fetch; crossorigin=anonymous`)
    .join(', ');
}

/** `/assets/countries-110m-<hash>.json`, the coarse country shapes of the build in `root`, or null. */
function coarseShapesFile(root: string): string | null {
  const name = readdirSync(`${root}assets`).find((file) => /^countries-110m-[\w-]+\.json$/.test(file));
  return name === undefined ? null : `/assets/${name}`;
}

/**
 * The browser app at `/`: its built files, and index.html for any other page address so the
 * app's own routes (/map, /states/KHM) work when opened directly.
 */
export async function registerWeb(app: FastifyInstance, root: string = WEB_ROOT): Promise<void> {
  const built = existsSync(`${root}index.html`);
  const shapes = built ? coarseShapesFile(root) : null;
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
    const link = request.method === 'GET' && built ? statePagePreloads(request.url, shapes) : null;
    if (link !== null) void reply.header('link', link);
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
