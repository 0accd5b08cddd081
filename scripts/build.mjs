#!/usr/bin/env node
// Compiles src/ (not the web app, not the tests) to dist/ with plain tsc and tsconfig.build.json.
//
//   node scripts/build.mjs   (npm run build; npm's `prepare`, so `npm ci` runs it)
//
// bin/minefree.js imports ensureBuilt() from here: it costs a few milliseconds when dist/ is
// up to date (one stat per source file, compared with the time the last build started) and
// rebuilds, once, when a source is newer. Plain JavaScript so that it runs before anything is built.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SRC = join(ROOT, 'src');
const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, '.build-stamp.json');
const LOCK = join(DIST, '.build-lock');
/** tsc's incremental state (tsconfig.build.json): it re-emits only what changed, and never a deleted output. */
const BUILD_INFO = join(DIST, '.tsbuildinfo');
const STALE_LOCK_MS = 120_000;
/** The compiled command line. */
export const ENTRY = join(DIST, 'cli', 'main.js');
/** The files besides src/ whose change makes a rebuild. */
const CONFIGS = ['tsconfig.json', 'tsconfig.build.json'].map((name) => join(ROOT, name));

/**
 * The newest modification time (ms) of the files tsc compiles or copies under dir (.ts, and the
 * .json it imports: the message catalogue), leaving out the web app and the tests.
 */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path === join(SRC, 'web') || path === join(SRC, 'test-support')) continue;
      newest = Math.max(newest, newestSource(path));
    } else if (/\.(ts|json)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

function readStamp() {
  try {
    const stamp = JSON.parse(readFileSync(STAMP, 'utf8'));
    statSync(ENTRY);
    return stamp;
  } catch {
    return null;
  }
}

/** Why dist/ must be built: 'missing', 'stale', or null when it is up to date. */
export function buildNeeded() {
  const stamp = readStamp();
  if (!stamp) return 'missing';
  let newest = newestSource(SRC);
  for (const path of CONFIGS) {
    newest = Math.max(newest, statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Infinity);
  }
  return newest > stamp.startedAt ? 'stale' : null;
}

/** The TypeScript compiler's entry point, or null when TypeScript is not installed (`npm ci --omit=dev`). */
function tscPath() {
  try {
    return createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    return null;
  }
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Holds dist/.build-lock while body runs, so that two processes never compile at once. */
function withLock(body) {
  mkdirSync(DIST, { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      const held = statSync(LOCK, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      else sleep(200);
    }
  }
  try {
    return body();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/**
 * Runs tsc -p tsconfig.build.json and writes the stamp. Returns { ok, typeErrors, output }: ok when tsc
 * emitted the JavaScript (its exit status 2 means type errors, with the files emitted all the same).
 */
function compile(tsc, { clean }) {
  if (clean) rmSync(BUILD_INFO, { force: true });
  const startedAt = Date.now();
  const result = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`;
  const emitted = result.status === 0 || result.status === 2;
  if (emitted) {
    writeFileSync(STAMP, `${JSON.stringify({ startedAt }, null, 2)}\n`);
  }
  return { ok: emitted, typeErrors: result.status === 2, output };
}

/**
 * The URL of the compiled command line, built or rebuilt first when needed, or null when it
 * cannot be built here (then the caller runs the sources through tsx). Messages go to stderr.
 */
export function ensureBuilt() {
  const need = buildNeeded();
  if (!need) return pathToFileURL(ENTRY).href;
  const tsc = tscPath();
  if (!tsc) {
    process.stderr.write(
      `minefree: ${need === 'missing' ? 'no build in dist/' : 'dist/ is older than src/'} and TypeScript is not installed (npm ci installs it); running the sources through tsx (slower)\n`,
    );
    return null;
  }
  const result = withLock(() => {
    if (!buildNeeded()) return { ok: true }; // another process built it while this one waited
    process.stderr.write(
      `minefree: ${need === 'missing' ? 'no build yet' : 'src/ changed since the last build'}: compiling it to dist/ with tsc (a few seconds, once)\n`,
    );
    return compile(tsc, { clean: need === 'missing' });
  });
  if (!result.ok) {
    process.stderr.write(`${result.output}minefree: tsc failed; running the sources through tsx (slower)\n`);
    return null;
  }
  if (result.typeErrors) process.stderr.write('minefree: tsc found type errors (npm run typecheck shows them)\n');
  return pathToFileURL(ENTRY).href;
}

// `node scripts/build.mjs`: build everything now, and show tsc's messages.
if (process.argv[1] && fileURLToPath(import.meta.url) === realpathSync(process.argv[1])) {
  const tsc = tscPath();
  if (!tsc) {
    console.log(
      'minefree: TypeScript is not installed (npm ci --omit=dev?): not building dist/; bin/minefree.js will use tsx',
    );
  } else {
    const result = withLock(() => compile(tsc, { clean: true }));
    process.stdout.write(result.output);
    if (!result.ok || result.typeErrors) process.exitCode = 1;
  }
}
