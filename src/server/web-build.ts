/**
 * The server serves src/web/dist. `minefree serve` and the browser tests build it when it is
 * missing or older than any of its sources; a lock directory keeps two processes from
 * building at the same time. The lock sits in the checkout (`.tmp/`, ignored by git), not in the
 * system's temporary folder: two checkouts on one machine build their own apps side by side.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WEB = join(ROOT, 'src/web');
const BUILT = join(WEB, 'dist/index.html');
const LOCK = join(ROOT, '.tmp', 'web-build.lock');
const STALE_LOCK_MS = 180_000;

function newestSource(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(
    0,
    ...readdirSync(path)
      .filter((name) => name !== 'dist' && name !== 'node_modules')
      .map((name) => newestSource(join(path, name))),
  );
}

function upToDate(): boolean {
  return (
    existsSync(BUILT) &&
    statSync(BUILT).mtimeMs >= Math.max(newestSource(WEB), statSync(join(ROOT, 'package-lock.json')).mtimeMs)
  );
}

function takeLock(): boolean {
  try {
    mkdirSync(join(ROOT, '.tmp'), { recursive: true });
    mkdirSync(LOCK);
    return true;
  } catch {
    const held = statSync(LOCK, { throwIfNoEntry: false });
    if (held && Date.now() - held.mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
    return false;
  }
}

/** Why the web app cannot be built here (no Vite, no app sources, as after `npm ci --omit=dev`), or null. */
export function cannotBuild(): string | null {
  if (!existsSync(join(WEB, 'vite.config.ts'))) return 'src/web/vite.config.ts is missing';
  if (!existsSync(join(ROOT, 'node_modules/vite/bin/vite.js'))) return 'Vite is not installed (run npm ci)';
  return null;
}

/** Builds src/web/dist when it is missing or stale; throws when the build fails. */
export async function ensureWebBuild(): Promise<void> {
  while (!upToDate()) {
    if (!takeLock()) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      continue;
    }
    try {
      if (upToDate()) return;
      const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
      const result = spawnSync(
        process.execPath,
        [vite, 'build', '--config', join(WEB, 'vite.config.ts'), '--logLevel', 'warn'],
        {
          cwd: ROOT,
          encoding: 'utf8',
          // vitest sets NODE_ENV=test (and a user's shell may set development): always ship React's production build.
          env: { ...process.env, NODE_ENV: 'production' },
        },
      );
      if (result.status !== 0) throw new Error(`web build failed:\n${result.stdout}\n${result.stderr}`);
      return;
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}
