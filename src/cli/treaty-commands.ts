/** The treaty engine's commands: status, one State, all States, deadlines, on any date. */
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { articleOption, asOfOption, stateArgument } from './args.js';
import { withEngine } from './database.js';
import { deadlinesText, stateText, statesText, statusText } from './present.js';

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
    .option('--as-of <YYYY-MM-DD>', 'the date to answer for (default: today)')
    .option('--json', 'print JSON (shapes in the README)');
}

export function registerTreatyCommands(program: Command): void {
  readCommand(program, 'status', 'States Parties, signatories, withdrawals and the latest State to join').action(
    async (o: ReadOptions) => {
      const asOf = asOfOption(o.asOf);
      const summary = await withEngine((engine) => engine.summary(asOf));
      print(o, summary, statusText(summary));
    },
  );

  readCommand(program, 'state', 'one State: status, entry into force, withdrawal, Article 4, 5 and 7 dates')
    .argument('<ISO3>', 'ISO 3166-1 alpha-3 code, for example KHM')
    .action(async (code: string, o: ReadOptions) => {
      const asOf = asOfOption(o.asOf);
      const iso3 = stateArgument(code);
      const state = await withEngine((engine) => engine.state(iso3, asOf));
      if (!state) throw new UsageError(`"${code}" is not in the reference data`);
      print(o, state, stateText(state, asOf));
    });

  readCommand(program, 'states', 'all 197 States with their status on the date').action(async (o: ReadOptions) => {
    const asOf = asOfOption(o.asOf);
    const states = await withEngine((engine) => engine.states(asOf));
    print(o, states, statesText(states));
  });

  readCommand(
    program,
    'deadlines',
    'every State with an Article 4, 5 or 7 deadline, by date, marked met, missed or open',
  )
    .requiredOption('--article <4|5|7>', 'which deadline: 4 stockpiles, 5 clearance, 7 initial report')
    .action(async (o: ReadOptions & { article?: string }) => {
      const article = articleOption(o.article);
      const asOf = asOfOption(o.asOf);
      const entries = await withEngine((engine) => engine.deadlines(article, asOf));
      print(o, entries, deadlinesText(entries));
    });
}
