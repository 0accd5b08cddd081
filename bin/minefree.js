#!/usr/bin/env node
// Runs the compiled command line in dist/ (scripts/build.mjs compiles src/ with tsc when a
// source is newer than the last build). MINEFREE_FROM_SOURCE=1 runs the TypeScript sources
// through tsx instead, as the tests do, so that they never depend on dist/.
import { ensureBuilt } from '../scripts/build.mjs';

let entry = process.env.MINEFREE_FROM_SOURCE === '1' ? null : ensureBuilt();
if (entry === null) {
  const { register } = await import('tsx/esm/api');
  register();
  entry = '../src/cli/main.ts';
}
const { main } = await import(entry);
process.exitCode = await main(process.argv.slice(2));
