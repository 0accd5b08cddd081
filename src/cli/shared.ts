/** Pieces every command file uses: a refused import's exit, and commands grouped under one verb. */
import type { Command } from 'commander';
import { DataError } from '../core/errors.js';

/** Ends the command with exit status 1 (main treats a DataError as refused input). */
export class ImportFailed extends DataError {
  constructor(message: string) {
    super([]);
    this.message = message;
  }
}

/** `minefree import …`, `minefree export …`: the verb's command, made by the first pillar that needs it. */
export function subcommand(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}
