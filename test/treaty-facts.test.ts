// The facts verified against public sources (data/verified-facts.csv, issue 14), asked of the real
// `minefree` command, so that the data cannot silently regress. One `states` run per date.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/core/csv.js';
import { loadReference } from '../src/treaty/reference.js';

const bin = fileURLToPath(new URL('../bin/minefree.js', import.meta.url));
const dataDir = fileURLToPath(new URL('../data/', import.meta.url));
const env = { ...process.env, MINEFREE_DB: join(mkdtempSync(join(tmpdir(), 'minefree-facts-')), 'minefree.db') };
const COLUMNS = ['as_of', 'iso3', 'field', 'value', 'sources', 'notes'] as const;
const rows = parseCsv(readFileSync(join(dataDir, 'verified-facts.csv'), 'utf8'), 'verified-facts.csv', COLUMNS);
const { sources } = loadReference(dataDir);

const byDate = new Map<string, Record<string, unknown>[]>();
function statesOn(asOf: string): Record<string, unknown>[] {
  let states = byDate.get(asOf);
  if (states === undefined) {
    const result = spawnSync(process.execPath, [bin, 'states', '--as-of', asOf, '--json'], { encoding: 'utf8', env });
    expect(result.stderr).toBe('');
    states = JSON.parse(result.stdout) as Record<string, unknown>[];
    byDate.set(asOf, states);
  }
  return states;
}

function at(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown> | null)?.[key], value);
}

describe('verified facts (data/verified-facts.csv) through the command line', () => {
  it.each(rows.map((r) => [r.get('iso3'), r.get('field'), r.get('as_of'), r.get('value'), r.get('sources')] as const))(
    '%s %s on %s is "%s" (%s)',
    (iso3, field, asOf, value, ids) => {
      for (const id of ids.split(';')) expect(sources.has(id as never), id).toBe(true);
      const state = statesOn(asOf).find((s) => s.iso3 === iso3);
      expect(at(state, field)).toBe(value === '' ? null : value);
    },
    120_000,
  );
});

/** The three-letter codes in the table rows of the data README's section under `heading` (up to the next heading). */
function codesListedUnder(heading: string): Set<string> {
  const text = readFileSync(join(dataDir, 'README.md'), 'utf8');
  const start = text.indexOf(heading);
  if (start < 0) throw new Error(`data/README.md has no section "${heading}"`);
  const rest = text.slice(start + heading.length);
  const end = rest.search(/\n#{2,4} /);
  const rows = (end < 0 ? rest : rest.slice(0, end)).split('\n').filter((line) => line.startsWith('|'));
  return new Set(rows.flatMap((line) => line.match(/\b[A-Z]{3}\b/g) ?? []));
}

describe.each([4, 5])('Article %i marks not known on 30 November 2026 (issue 14)', (article) => {
  it('are each listed, with what would fill them, in data/README.md', () => {
    const listed = codesListedUnder(`#### Article ${article} on 30 November 2026: what is still not known`);
    const unknown = statesOn('2026-11-30')
      .filter((s) => at(s, `article${article}.state`) === 'unknown')
      .map((s) => String(s.iso3));
    expect(unknown.length).toBeGreaterThan(0);
    expect(unknown.filter((iso3) => !listed.has(iso3))).toEqual([]);
  }, 120_000);
});
