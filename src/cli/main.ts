import { Command, CommanderError } from 'commander';
import { DataError, UsageError } from '../core/errors.js';
import { t } from '../i18n/index.js';
import { RejectedWriteError } from '../core/rejection.js';
import { registerAccountCommands } from './account-commands.js';
import { registerBackupCommands } from './backup-commands.js';
import { registerClearanceCommands } from './clearance-commands.js';
import { registerCooperationCommands } from './cooperation-commands.js';
import { registerReportingCommands } from './reporting-commands.js';
import { registerServerCommands } from './server-commands.js';
import { registerStockpilesCommands } from './stockpiles-commands.js';
import { registerTransparencyCommands } from './transparency-commands.js';
import { registerTreatyCommands } from './treaty-commands.js';
import { registerVictimsCommands } from './victims-commands.js';

/** Exit status for a bad argument: the user can fix the command line. */
const USAGE_EXIT = 2;

export function buildProgram(): Command {
  const program = new Command('minefree')
    .description(t('cli:program.description'))
    .exitOverride()
    .configureOutput({ outputError: () => undefined });

  registerTreatyCommands(program);
  registerTransparencyCommands(program);
  registerClearanceCommands(program);
  registerStockpilesCommands(program);
  registerCooperationCommands(program);
  registerReportingCommands(program);
  registerVictimsCommands(program);
  registerServerCommands(program);
  registerAccountCommands(program);
  registerBackupCommands(program);
  return program;
}

/** Runs the command line; returns the exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0; // --help, --version
      process.stderr.write(`${t('cli:error.prefix', { message: error.message.replace(/^error: /, '') })}\n`);
      return USAGE_EXIT;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`${t('cli:error.prefix', { message: error.message })}\n`);
      return USAGE_EXIT;
    }
    if (error instanceof RejectedWriteError || error instanceof DataError) {
      process.stderr.write(`${t('cli:error.prefix', { message: error.message })}\n`);
      return 1;
    }
    throw error;
  }
}
