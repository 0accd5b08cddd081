import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { SYSTEM } from '../store/audit.js';
import { openDatabase } from '../store/database.js';
import { initDatabase } from '../setup/seed.js';
import { ROLES, type Role, createUser } from '../accounts/store.js';
import { configFromEnv } from '../server/config.js';
import { MIN_PASSWORD_LENGTH, hashPassword, passwordProblem } from '../accounts/passwords.js';

async function readPassword(): Promise<string> {
  const fromEnv = process.env.MINEFREE_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new UsageError('set MINEFREE_PASSWORD, or run in a terminal to type the password');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question('Password: ');
  } finally {
    rl.close();
  }
}

export function registerServerCommands(program: Command): void {
  program
    .command('serve')
    .alias('start')
    .description('serve the web app and the API (PORT, HOST, DATABASE_URL, MINEFREE_DB)')
    .action(async () => (await import('./serve.js')).serve()); // Fastify and the routes: loaded only to serve

  program
    .command('init')
    .description('create and migrate the database and load data/ (MINEFREE_DB or DATABASE_URL)')
    .option('--reset', 'reload the reference data from data/ (accounts and the audit log are kept)')
    .action(async (o: { reset?: boolean }) => {
      const config = configFromEnv();
      const store = await openDatabase({ url: config.databaseUrl, file: config.dbFile });
      try {
        const result = await initDatabase(store, { reset: o.reset ?? false });
        const counts = Object.entries(result.counts)
          .map(([table, n]) => `${table} ${n}`)
          .join(', ');
        process.stdout.write(
          `${result.seeded ? 'Loaded data/' : 'Database already loaded (use --reset to reload)'}: ${counts}\n`,
        );
      } finally {
        await store.close();
      }
    });

  program
    .command('user')
    .description('accounts')
    .command('add')
    .description('create an account; the password comes from MINEFREE_PASSWORD or is asked for')
    .requiredOption('--email <EMAIL>', 'sign-in email')
    .requiredOption('--name <NAME>', 'full name')
    .requiredOption('--role <admin|editor|viewer>', 'admin and editor can change records; viewer can only read')
    .action(async (o: { email: string; name: string; role: string }) => {
      if (!(ROLES as readonly string[]).includes(o.role))
        throw new UsageError(`--role "${o.role}": expected one of ${ROLES.join(', ')}`);
      if (!/^[^@\s]+@[^@\s]+$/.test(o.email)) throw new UsageError(`--email "${o.email}": expected an email address`);
      const password = await readPassword();
      if (password.length < MIN_PASSWORD_LENGTH)
        throw new UsageError(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
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
        process.stdout.write(`Created ${user.role} account ${user.email}.\n`);
      } finally {
        await store.close();
      }
    });
}
