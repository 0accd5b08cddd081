import type { Command } from 'commander';
import { t } from '../i18n/index.js';
import { openDatabase } from '../store/database.js';
import { initDatabase } from '../setup/seed.js';
import { configFromEnv } from '../server/config.js';

export function registerServerCommands(program: Command): void {
  program
    .command('serve')
    .alias('start')
    .description(t('cli:server.serve'))
    .action(async () => (await import('./serve.js')).serve()); // Fastify and the routes: loaded only to serve

  program
    .command('init')
    .description(t('cli:server.init'))
    .option('--reset', t('cli:server.reset'))
    .action(async (o: { reset?: boolean }) => {
      const config = configFromEnv();
      const store = await openDatabase({ url: config.databaseUrl, file: config.dbFile });
      try {
        const result = await initDatabase(store, { reset: o.reset ?? false });
        const counts = Object.entries(result.counts)
          .map(([table, n]) => t('cli:server.tableCount', { table, count: n }))
          .join(', ');
        process.stdout.write(`${t(result.seeded ? 'cli:server.loaded' : 'cli:server.alreadyLoaded', { counts })}\n`);
      } finally {
        await store.close();
      }
    });
}
