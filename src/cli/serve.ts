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
    `${t('cli:server.running', { url: server.url, store: config.databaseUrl ? t('cli:server.postgres') : t('cli:server.sqlite', { file: config.dbFile ?? './minefree.db' }) })}\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.stdout.write(`${t('cli:server.stopping')}\n`);
      server
        .close()
        .catch((error: unknown) => process.stderr.write(`${t('cli:error.prefix', { message: String(error) })}\n`))
        .finally(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
