/** The treaty engine's commands: status, one State, all States, deadlines, on any date. */
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { t } from '../i18n/index.js';
import { articleOption, asOfOption, stateArgument } from './args.js';
import { withEngine } from './database.js';
import { deadlinesText, stateText, statesText, statusText } from './present.js';
import { article7Deadlines, article7DeadlinesText } from './reporting-commands.js';

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

export function registerTreatyCommands(program: Command): void {
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
      if (article === 7) {
        const marked = await withEngine((engine, store) => article7Deadlines(engine, store, asOf));
        print(o, marked, article7DeadlinesText(marked));
        return;
      }
      const entries = await withEngine((engine) => engine.deadlines(article, asOf));
      print(o, entries, deadlinesText(entries));
    });
}
