/** `minefree serve` (and `npm start`): build the web app if needed, serve it and the API, stop cleanly on Ctrl-C or SIGTERM. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { t } from '../i18n/index.js';
import { configFromEnv } from '../server/config.js';
import { startServer } from '../server/start.js';
import { cannotBuild, ensureWebBuild } from '../server/web-build.js';
import { WEB_ROOT } from '../server/web.js';

/** Builds the web app when missing or stale; when it cannot be built, serves the API alone, with a warning. */
async function prepareWebApp(): Promise<void> {
  const reason = cannotBuild();
  if (reason !== null) {
    const built = existsSync(join(WEB_ROOT, 'index.html'));
    process.stderr.write(`${t(built ? 'cli:server.cannotBuild' : 'cli:server.cannotBuildApiOnly', { reason })}\n`);
    return;
  }
  process.stderr.write(`${t('cli:server.checkingBuild')}\n`);
  try {
    await ensureWebBuild();
  } catch (error) {
    process.stderr.write(`${t('cli:server.buildFailed')}\n${error instanceof Error ? error.message : String(error)}\n`);
  }
}

/** How long open requests get to finish after a stop signal before the process exits anyway. */
const STOP_GRACE_MS = 10_000;

export async function serve(): Promise<void> {
  // Listen for the stop signals first, so one sent while the server is still starting is not lost.
  let signalled: (() => void) | null = null;
  let signals = 0;
  const stopRequested = new Promise<void>((resolve) => (signalled = resolve));
  const onSignal = (): void => {
    signals += 1;
    if (signals > 1) process.exit(130); // a second Ctrl-C: stop now
    signalled?.();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const config = configFromEnv();
  await prepareWebApp();
  const server = await startServer({
    port: config.port,
    host: config.host,
    dbFile: config.dbFile,
    databaseUrl: config.databaseUrl,
    trustProxy: config.trustProxy,
    logger: true, // JSON lines on stderr: one per request, every 5xx with its stack
  });
  process.stdout.write(
    `${t('cli:server.running', { url: server.url, store: config.databaseUrl ? t('cli:server.postgres') : t('cli:server.sqlite', { file: config.dbFile ?? './minefree.db' }) })}\n`,
  );
  await stopRequested;
  process.stdout.write(`${t('cli:server.stopping')}\n`);
  // Requests still running get a grace period; then the process exits whatever holds it.
  setTimeout(() => process.exit(1), STOP_GRACE_MS).unref();
  try {
    await server.close();
  } catch (error) {
    process.stderr.write(`${t('cli:error.prefix', { message: String(error) })}\n`);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
