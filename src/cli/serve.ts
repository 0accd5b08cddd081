/** `minefree serve` (and `npm start`): build the web app if needed, serve it and the API, stop cleanly on Ctrl-C or SIGTERM. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { configFromEnv } from '../server/config.js';
import { startServer } from '../server/start.js';
import { cannotBuild, ensureWebBuild } from '../server/web-build.js';
import { WEB_ROOT } from '../server/web.js';

/** Builds the web app when missing or stale; when it cannot be built, serves the API alone, with a warning. */
async function prepareWebApp(): Promise<void> {
  const reason = cannotBuild();
  if (reason !== null) {
    const built = existsSync(join(WEB_ROOT, 'index.html'));
    process.stderr.write(
      `minefree: warning: cannot build the web app (${reason}); ${built ? 'serving the existing build' : 'serving the API only'}.\n`,
    );
    return;
  }
  process.stderr.write('minefree: checking the web app build…\n');
  try {
    await ensureWebBuild();
  } catch (error) {
    process.stderr.write(
      `minefree: warning: the web app did not build; serving the API and any previous build.\n${error instanceof Error ? error.message : String(error)}\n`,
    );
  }
}

export async function serve(): Promise<void> {
  const config = configFromEnv();
  await prepareWebApp();
  const server = await startServer({
    port: config.port,
    host: config.host,
    dbFile: config.dbFile,
    databaseUrl: config.databaseUrl,
    trustProxy: config.trustProxy,
  });
  process.stdout.write(
    `minefree is running at ${server.url} (${config.databaseUrl ? 'PostgreSQL' : `SQLite file ${config.dbFile ?? './minefree.db'}`}). Press Ctrl-C to stop.\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.stdout.write('minefree: stopping…\n');
      server
        .close()
        .catch((error: unknown) => process.stderr.write(`minefree: ${String(error)}\n`))
        .finally(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
