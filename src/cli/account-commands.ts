/**
 * `minefree user add|list|role|disable|enable`: accounts, for whoever runs the server (the command
 * line reads the database directly, so it acts as the system, not as a signed-in user).
 */
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { isStateCode } from '../core/states.js';
import { t } from '../i18n/index.js';
import { SYSTEM } from '../store/audit.js';
import { ROLES, type User, createUser, listUsers, setDisabled, setRole } from '../accounts/store.js';
import { MIN_PASSWORD_LENGTH, hashPassword, passwordProblem } from '../accounts/passwords.js';
import { withStore } from './database.js';
import { formatTable } from './table.js';

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

/** The role and State as given on the command line, checked before anything is read or written. */
function scopeOf(role: string, state: string | undefined): { role: string; state: string | null } {
  if (!(ROLES as readonly string[]).includes(role))
    throw new UsageError(t('cli:usage.oneOf', { option: '--role', value: role, choices: ROLES.join(', ') }));
  const iso3 = state?.trim().toUpperCase() ?? null;
  if (role === 'editor' && iso3 === null) throw new UsageError(t('cli:user.editorNeedsState'));
  if (role !== 'editor' && iso3 !== null) throw new UsageError(t('cli:user.stateOnlyForEditor', { role }));
  if (iso3 !== null && !isStateCode(iso3)) throw new UsageError(t('cli:usage.state', { value: state ?? '' }));
  return { role, state: iso3 };
}

const describeUser = (u: User): string =>
  t(u.state === null ? 'cli:user.described' : 'cli:user.describedWithState', {
    email: u.email,
    role: u.role,
    state: u.state,
  });

export function registerAccountCommands(program: Command): void {
  const user = program.command('user').description(t('cli:server.user'));

  user
    .command('add')
    .description(t('cli:server.userAdd'))
    .requiredOption('--email <EMAIL>', t('cli:server.email'))
    .requiredOption('--name <NAME>', t('cli:server.name'))
    .requiredOption('--role <admin|isu|editor|viewer>', t('cli:server.role'))
    .option('--state <ISO3>', t('cli:user.stateOption'))
    .action(async (o: { email: string; name: string; role: string; state?: string }) => {
      const scope = scopeOf(o.role, o.state);
      if (!/^[^@\s]+@[^@\s]+$/.test(o.email)) throw new UsageError(t('cli:server.badEmail', { value: o.email }));
      const password = await readPassword();
      if (password.length < MIN_PASSWORD_LENGTH)
        throw new UsageError(t('cli:server.passwordShort', { min: MIN_PASSWORD_LENGTH }));
      const weak = passwordProblem(password, [o.email, o.name]); // common, trivial or the account's own words
      if (weak !== null) throw new UsageError(weak);
      const passwordHash = await hashPassword(password);
      await withStore(async (store) => {
        const created = await createUser(
          store,
          { email: o.email, name: o.name, role: scope.role as User['role'], state: scope.state, passwordHash },
          SYSTEM,
        );
        process.stdout.write(`${t('cli:server.created', { role: describeRole(created), email: created.email })}\n`);
      });
    });

  user
    .command('list')
    .description(t('cli:user.list'))
    .option('--json', t('cli:option.json'))
    .action(async (o: { json?: boolean }) => {
      const users = await withStore(listUsers);
      if (o.json === true) {
        process.stdout.write(`${JSON.stringify(users, null, 2)}\n`);
        return;
      }
      const headers = [
        t('cli:user.column.email'),
        t('cli:user.column.name'),
        t('cli:user.column.role'),
        t('cli:user.column.state'),
        t('cli:user.column.status'),
        t('cli:user.column.created'),
      ];
      const rows = users.map((u) => [
        u.email,
        u.name,
        u.role,
        u.state ?? '',
        t(u.disabled ? 'cli:user.statusDisabled' : 'cli:user.statusActive'),
        u.createdAt.slice(0, 10),
      ]);
      process.stdout.write(`${formatTable(headers, rows)}\n`);
    });

  user
    .command('role')
    .description(t('cli:user.role'))
    .argument('<EMAIL>', t('cli:server.email'))
    .argument('<ROLE>', t('cli:server.role'))
    .option('--state <ISO3>', t('cli:user.stateOption'))
    .action(async (email: string, role: string, o: { state?: string }) => {
      const scope = scopeOf(role, o.state);
      const changed = await withStore((store) => setRole(store, email, scope.role, scope.state, SYSTEM));
      process.stdout.write(`${t('cli:user.roleChanged', { user: describeUser(changed) })}\n`);
    });

  for (const [name, disabled, description, done] of [
    ['disable', true, t('cli:user.disable'), 'cli:user.disabledDone'],
    ['enable', false, t('cli:user.enable'), 'cli:user.enabledDone'],
  ] as const) {
    user
      .command(name)
      .description(description)
      .argument('<EMAIL>', t('cli:server.email'))
      .action(async (email: string) => {
        const changed = await withStore((store) => setDisabled(store, email, disabled, SYSTEM));
        process.stdout.write(`${t(done, { user: describeUser(changed) })}\n`);
      });
  }
}

const describeRole = (u: User): string =>
  u.state === null ? u.role : t('cli:user.roleOfState', { role: u.role, state: u.state });
