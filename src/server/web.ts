import { existsSync, readFileSync } from 'node:fs';
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

/** The app's first files as its index.html asks for them: the entry script, its modules, its style sheets. */
export interface FirstFiles {
  scripts: readonly string[];
  styles: readonly string[];
}

/** The script, module preload and style sheet addresses of a built index.html, in its order. */
export function firstFiles(html: string): FirstFiles {
  const attribute = (tag: string, name: string): string | null =>
    new RegExp(`\\s${name}="([^"]+)"`).exec(tag)?.[1] ?? null;
  const scripts: string[] = [];
  const styles: string[] = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
    if (tag.startsWith('<script') && attribute(tag, 'type') === 'module') {
      const src = attribute(tag, 'src');
      if (src !== null) scripts.push(src);
    } else if (tag.startsWith('<link')) {
      const rel = attribute(tag, 'rel');
      const href = attribute(tag, 'href');
      if (href !== null && rel === 'modulepreload') scripts.push(href);
      if (href !== null && rel === 'stylesheet') styles.push(href);
    }
  }
  return { scripts, styles };
}

/**
 * For a State page (`/states/KHM`), preload hints for what its first screen waits on. On a slow
 * connection they then arrive beside the app's code instead of a round trip after it has run (about
 * 2 s on Slow 4G with a 4x slower CPU); the app's own reads take them when the address is the same,
 * and a wrong guess (`asOf` absent and the browser's day not UTC's) costs a small duplicate read.
 * First the app's own files (`first`, from index.html): a browser opens at most six connections to
 * a server, and the hints are asked for before the page's own tags, so without them the largest
 * file, the script, waited for a free connection behind the reads. Then the State's status, record,
 * clearance summary and records, and its outline (the clearance map's first view draws those two).
 */
export function statePagePreloads(url: string, first: FirstFiles = { scripts: [], styles: [] }): string | null {
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
    `${api}/clearance/outline`,
  ];
  return [
    ...first.scripts.map((path) => `<${path}>; rel=modulepreload; crossorigin=anonymous`),
    ...first.styles.map((path) => `<${path}>; rel=preload; as=style; crossorigin=anonymous`),
    ...reads.map((path) => `<${path}>; rel=preload; as=fetch; crossorigin=anonymous`),
  ].join(', ');
}

/**
 * The browser app at `/`: its built files, and index.html for any other page address so the
 * app's own routes (/map, /states/KHM) work when opened directly.
 */
export async function registerWeb(app: FastifyInstance, root: string = WEB_ROOT): Promise<void> {
  const built = existsSync(`${root}index.html`);
  const first = built ? firstFiles(readFileSync(`${root}index.html`, 'utf8')) : undefined;
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
    const link = request.method === 'GET' && built ? statePagePreloads(request.url, first) : null;
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
