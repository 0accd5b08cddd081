import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { t } from '../i18n/index.js';
import { SYSTEM } from '../store/audit.js';
import { openDatabase } from '../store/database.js';
import { initDatabase } from '../setup/seed.js';
import { ROLES, type Role, createUser } from '../accounts/store.js';
import { configFromEnv } from '../server/config.js';
import { MIN_PASSWORD_LENGTH, hashPassword, passwordProblem } from '../accounts/passwords.js';

async function readPassword(): Promise<string> {
  const fromEnv = process.env.MINEFREE_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new UsageError(t('cli:server.passwordSource'));
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(t('cli:server.passwordPrompt'));
  } finally {
    rl.close();
  }
}

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

  program
    .command('user')
    .description(t('cli:server.user'))
    .command('add')
    .description(t('cli:server.userAdd'))
    .requiredOption('--email <EMAIL>', t('cli:server.email'))
    .requiredOption('--name <NAME>', t('cli:server.name'))
    .requiredOption('--role <admin|editor|viewer>', t('cli:server.role'))
    .action(async (o: { email: string; name: string; role: string }) => {
      if (!(ROLES as readonly string[]).includes(o.role))
        throw new UsageError(t('cli:usage.oneOf', { option: '--role', value: o.role, choices: ROLES.join(', ') }));
      if (!/^[^@\s]+@[^@\s]+$/.test(o.email)) throw new UsageError(t('cli:server.badEmail', { value: o.email }));
      const password = await readPassword();
      if (password.length < MIN_PASSWORD_LENGTH)
        throw new UsageError(t('cli:server.passwordShort', { min: MIN_PASSWORD_LENGTH }));
      const weak = passwordProblem(password, [o.email, o.name]); // common, trivial or the account's own words
      if (weak !== null) throw new UsageError(weak);
      const config = configFromEnv();
      const store = await openDatabase({ url: config.databaseUrl, file: config.dbFile });
      try {
        await initDatabase(store);
        const user = await createUser(
          store,
          { email: o.email, name: o.name, role: o.role as Role, passwordHash: await hashPassword(password) },
          SYSTEM,
        );
        process.stdout.write(`${t('cli:server.created', { role: user.role, email: user.email })}\n`);
      } finally {
        await store.close();
      }
    });
}
