/** `minefree backup FILE` and `minefree restore FILE` (src/store/backup.ts: how, for each engine). */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { t } from '../i18n/index.js';
import { configFromEnv } from '../server/config.js';
import { type BackupOptions, BackupError, backupDatabase, restoreDatabase } from '../store/backup.js';
import { withStore } from './database.js';
import { ImportFailed } from './shared.js';

/** MINEFREE_PG_DUMP: the pg_dump program to use, or `off` for the logical export; default pg_dump on the PATH. */
function options(): BackupOptions {
  const pgDump = process.env.MINEFREE_PG_DUMP;
  return {
    url: configFromEnv().databaseUrl,
    ...(pgDump === undefined || pgDump === '' ? {} : { pgDump: pgDump === 'off' ? null : pgDump }),
  };
}

const failed = (error: unknown): never => {
  if (error instanceof BackupError) throw new ImportFailed(t('cli:backup.failed', { reason: error.message }));
  throw error;
};

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description(t('cli:backup.backup'))
    .argument('<FILE>', t('cli:backup.file'))
    .action(async (file: string) => {
      if (existsSync(file)) throw new UsageError(t('cli:backup.exists', { file }));
      const kind = await withStore((store) => backupDatabase(store, file, options())).catch(failed);
      process.stdout.write(`${t('cli:backup.written', { file, kind })}\n`);
    });

  program
    .command('restore')
    .description(t('cli:backup.restore'))
    .argument('<FILE>', t('cli:backup.file'))
    .action(async (file: string) => {
      if (!existsSync(file)) throw new UsageError(t('cli:backup.missing', { file }));
      const kind = await withStore((store) => restoreDatabase(store, file, options())).catch(failed);
      process.stdout.write(`${t('cli:backup.restored', { file, kind })}\n`);
    });
}
