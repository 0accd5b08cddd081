/**
 * Writes the API's OpenAPI document (the same one `/api/v1/openapi.json` serves) to a file, from
 * the app built on an empty in-memory database, without listening: `npm run lint` checks it with
 * Redocly CLI. Usage: `tsx scripts/openapi.ts [out-file]` (default .tmp/openapi.json).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildApp } from '../src/server/app.js';
import { openDatabase } from '../src/store/database.js';

const out = process.argv[2] ?? '.tmp/openapi.json';
const store = await openDatabase({ file: ':memory:' });
try {
  const app = await buildApp({ store });
  await app.ready();
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(app.swagger(), null, 2)}\n`);
  await app.close();
} finally {
  await store.close();
}
