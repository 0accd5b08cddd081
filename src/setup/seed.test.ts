import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataError } from '../core/errors.js';
import { createUser } from '../accounts/store.js';
import { addSource } from '../sources/store.js';
import { DEFAULT_DATA_DIR } from '../core/data-dir.js';
import { SYSTEM, listRecentAudit } from '../store/audit.js';
import type { Store } from '../store/database.js';
import { migrateToLatest, migrations } from './migrations.js';
import { type SeedData, countRows, initDatabase, readSeedData, seedDatabase } from './seed.js';
import { forEachDatabase } from '../store/test-databases.js';

const data = readSeedData();
const expected = {
  va_frameworks: data.frameworks.length,
  states: 197,
  sources: data.sources.size,
  reported_figures: data.figures.length,
  stockpile_entries: [...data.ledgers.values()].reduce((n, l) => n + l.length, 0),
  article7_reports: data.reports.length,
  article5_records: data.facts.article5.size,
  extension_decisions: [...data.facts.article5.values()].reduce((n, r) => n + r.extensions.length, 0),
  article5_events: [...data.facts.article5.values()].reduce(
    (n, r) => n + (r.declarations?.length ?? 0) + (r.reopenings?.length ?? 0),
    0,
  ),
  successions: data.facts.states.filter((s) => s.consent?.effective != null).length,
  treaty_notices: data.facts.states.reduce((n, s) => n + (s.notices?.length ?? 0), 0),
  former_names: data.facts.states.reduce((n, s) => n + (s.formerNames?.length ?? 0), 0),
  instruments: data.facts.states.reduce((n, s) => n + [s.signature, s.consent, s.withdrawal].filter(Boolean).length, 0),
};
const EMPTY = Object.fromEntries(Object.keys(expected).map((t) => [t, 0]));

/** A copy of data/ whose `file` has `line` appended. */
function dataWith(file: string, line: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'minefree-data-'));
  cpSync(DEFAULT_DATA_DIR, dir, { recursive: true });
  writeFileSync(join(dir, file), `${readFileSync(join(dir, file), 'utf8').trimEnd()}\n${line}\n`);
  return dir;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

forEachDatabase((database) => {
  describe('initDatabase', () => {
    it('migrates and loads data/ into an empty database, then leaves it alone', async () => {
      const store = await database.open();
      const first = await initDatabase(store);
      expect(first).toMatchObject({
        migrations: Object.keys(migrations(store.dialect)),
        seeded: true,
      });
      expect(first.counts).toEqual(expected);
      const again = await initDatabase(store);
      expect(again).toEqual({ migrations: [], seeded: false, counts: expected });
      const seeds = await listRecentAudit(store, { entity: 'database' });
      expect(seeds).toHaveLength(1);
      expect(seeds[0]).toMatchObject({ action: 'seed', userId: null, before: null, after: expected });
    });

    it('reset reloads data/ and keeps users and the audit log', async () => {
      const store = await database.open();
      await initDatabase(store);
      await addSource(store, { id: 'X1', title: 'added by hand', url: null, published: null }, SYSTEM);
      const user = await createUser(
        store,
        { email: 'a@example.org', name: 'A', role: 'admin', passwordHash: 'h' },
        SYSTEM,
      );
      const result = await initDatabase(store, { reset: true });
      expect(result).toMatchObject({ seeded: true, counts: expected });
      expect(await store.db.selectFrom('sources').select('id').where('id', '=', 'X1').execute()).toEqual([]);
      expect(await store.db.selectFrom('users').select('id').execute()).toEqual([{ id: user.id }]);
      const entities = (await listRecentAudit(store)).map((e) => `${e.action} ${e.entity}`);
      expect(entities).toEqual(['seed database', 'create user', 'create source', 'seed database']);
      expect((await listRecentAudit(store, { limit: 1 }))[0]?.before).toMatchObject({ sources: expected.sources + 1 });
    });
  });

  describe('a load is all or nothing', () => {
    let store: Store;
    beforeAll(async () => {
      store = await database.open();
      await migrateToLatest(store);
    });

    it('a row data/ checks refuse: the error names it and nothing is written', async () => {
      const dir = dataWith('states.csv', 'KHM,Cambodia again,,,,,,,,S02,,');
      dirs.push(dir);
      const error: unknown = await initDatabase(store, { dataDir: dir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataError);
      expect(String(error)).toMatch(/states\.csv, line 199/);
      expect(await countRows(store.db)).toEqual(EMPTY);
    });

    it('a row only the database refuses, in the last table written: nothing is written', async () => {
      // The CSV checks refuse such a value too; the table's own check is the last line of defence.
      const broken: SeedData = { ...data, figures: [...data.figures, { ...data.figures[0]!, value: Infinity }] };
      await expect(seedDatabase(store, broken)).rejects.toThrow(/reported_figures_value_finite|constraint|infinity/i);
      expect(await countRows(store.db)).toEqual(EMPTY);
      expect(await listRecentAudit(store)).toEqual([]);
    });

    it('a figure with an unknown source, written after every other table: nothing is written', async () => {
      const broken: SeedData = { ...data, figures: [...data.figures, { ...data.figures[0]!, source: 'NOPE' }] };
      await expect(seedDatabase(store, broken)).rejects.toThrow();
      expect(await countRows(store.db)).toEqual(EMPTY);
    });

    it('a failed reset keeps the data that was there', async () => {
      await seedDatabase(store, data);
      const broken: SeedData = { ...data, figures: [...data.figures, { ...data.figures[0]!, source: 'NOPE' }] };
      await expect(seedDatabase(store, broken, { reset: true })).rejects.toThrow();
      expect(await countRows(store.db)).toEqual(expected);
      expect((await listRecentAudit(store)).map((e) => e.action)).toEqual(['seed']);
    });
  });
});
