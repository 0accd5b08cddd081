import { Command, CommanderError } from 'commander';
import { DataError, UsageError } from '../core/errors.js';
import { t } from '../i18n/index.js';
import { RejectedWriteError } from '../store/errors.js';
import { articleOption, asOfOption, stateArgument } from './args.js';
import { withEngine } from './database.js';
import { deadlinesText, stateText, statesText, statusText } from './present.js';
import { registerClearanceCommands } from './clearance-commands.js';
import { registerServerCommands } from './server-commands.js';
import { registerTransparencyCommands } from './transparency-commands.js';

/** Exit status for a bad argument: the user can fix the command line. */
const USAGE_EXIT = 2;

interface ReadOptions {
  asOf?: string;
  json?: boolean;
}

function print(options: ReadOptions, value: unknown, text: string): void {
  process.stdout.write(options.json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);
}

function readCommand(program: Command, name: string, description: string): Command {
  return program
    .command(name)
    .description(description)
    .option('--as-of <YYYY-MM-DD>', t('cli:option.asOf'))
    .option('--json', t('cli:option.json'));
}

export function buildProgram(): Command {
  const program = new Command('minefree')
    .description(t('cli:program.description'))
    .exitOverride()
    .configureOutput({ outputError: () => undefined });

  readCommand(program, 'status', t('cli:status.description')).action(async (o: ReadOptions) => {
    const asOf = asOfOption(o.asOf);
    const summary = await withEngine((engine) => engine.summary(asOf));
    print(o, summary, statusText(summary));
  });

  readCommand(program, 'state', t('cli:state.description'))
    .argument('<ISO3>', t('cli:option.iso3'))
    .action(async (code: string, o: ReadOptions) => {
      const asOf = asOfOption(o.asOf);
      const iso3 = stateArgument(code);
      const state = await withEngine((engine) => engine.state(iso3, asOf));
      if (!state) throw new UsageError(t('cli:usage.notInReference', { code }));
      print(o, state, stateText(state, asOf));
    });

  readCommand(program, 'states', t('cli:states.description')).action(async (o: ReadOptions) => {
    const asOf = asOfOption(o.asOf);
    const states = await withEngine((engine) => engine.states(asOf));
    print(o, states, statesText(states));
  });

  readCommand(program, 'deadlines', t('cli:deadlines.description'))
    .requiredOption('--article <4|5|7>', t('cli:deadlines.article'))
    .action(async (o: ReadOptions & { article?: string }) => {
      const article = articleOption(o.article);
      const asOf = asOfOption(o.asOf);
      const entries = await withEngine((engine) => engine.deadlines(article, asOf));
      print(o, entries, deadlinesText(entries));
    });

  registerTransparencyCommands(program);
  registerClearanceCommands(program);
  registerServerCommands(program);
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
