// Backup and restore on both engines: a loaded database with accounts, written to a backup,
// changed afterwards, restored, and compared table by table (every table, every row) with what it
// held when the backup was made. PostgreSQL both ways: pg_dump/pg_restore and the logical export.
// Then the commands themselves on an SQLite file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createUser } from '../src/accounts/store.js';
import { initDatabase } from '../src/setup/seed.js';
import { SYSTEM } from '../src/store/audit.js';
import { type BackupKind, type BackupOptions, backupDatabase, restoreDatabase } from '../src/store/backup.js';
import type { Store } from '../src/store/database.js';
import { TEST_PG_URL, forEachDatabase } from '../src/store/test-databases.js';

const dir = mkdtempSync(join(tmpdir(), 'minefree-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const newFile = (): string => join(dir, `backup-${(files += 1)}`);

/** Every table of the database and its rows, sorted, as text. */
async function everyTable(store: Store): Promise<Record<string, string[]>> {
  const names =
    store.dialect === 'sqlite'
      ? (
          await sql<{
            name: string;
          }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(store.db)
        ).rows.map((r) => r.name)
      : (
          await sql<{ name: string }>`select table_name as name from information_schema.tables
            where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(store.db)
        ).rows.map((r) => r.name);
  const out: Record<string, string[]> = {};
  for (const name of names.sort()) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.id(name)}`.execute(store.db);
    out[name] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

/** Changes every kind of thing a restore must undo: rows added, rows removed, a sequence moved. */
async function changeAfterBackup(store: Store): Promise<void> {
  await createUser(store, { email: 'later@example.org', name: 'Later', role: 'viewer', passwordHash: 'h' }, SYSTEM);
  await store.db.deleteFrom('sessions').execute();
  await store.db.deleteFrom('reported_figures').where('indicator', 'like', 'casualties%').execute();
}

forEachDatabase((database) => {
  const ways: [string, BackupOptions, BackupKind][] =
    database.name === 'sqlite'
      ? [['the online backup API', {}, 'sqlite']]
      : [
          ['pg_dump and pg_restore', { url: TEST_PG_URL }, 'pg_dump'],
          ['the logical export (no pg_dump)', { url: TEST_PG_URL, pgDump: null }, 'logical'],
        ];

  describe.each(ways)('%s', (_, options, expectedKind) => {
    it('restores every table, row for row, as it was when the backup was made', async () => {
      const store = await database.open();
      await initDatabase(store);
      await createUser(
        store,
        { email: 'editor@example.org', name: 'An editor', role: 'editor', state: 'KHM', passwordHash: 'h' },
        SYSTEM,
      );
      const before = await everyTable(store);
      expect(Object.keys(before).length).toBeGreaterThan(15);
      expect(before.users).toHaveLength(1);
      const file = newFile();
      expect(await backupDatabase(store, file, options)).toBe(expectedKind);

      await changeAfterBackup(store);
      expect(await everyTable(store)).not.toEqual(before);

      expect(await restoreDatabase(store, file, options)).toBe(expectedKind);
      expect(await everyTable(store)).toEqual(before);
      // The restored database goes on numbering after its largest id.
      const next = await createUser(
        store,
        { email: 'next@example.org', name: 'Next', role: 'viewer', passwordHash: 'h' },
        SYSTEM,
      );
      expect(next.id).toBeGreaterThan(1);
    }, 120_000);
  });

  it('refuses a file that is not a backup, and changes nothing', async () => {
    const store = await database.open();
    await initDatabase(store);
    const before = await everyTable(store);
    const file = join(dir, 'not-a-backup.txt');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, 'hello');
    await expect(restoreDatabase(store, file, { url: TEST_PG_URL })).rejects.toThrow(/not a minefree backup/);
    expect(await everyTable(store)).toEqual(before);
  }, 60_000);
});

describe('minefree backup and restore', () => {
  const bin = fileURLToPath(new URL('../bin/minefree.js', import.meta.url));
  const db = join(dir, 'cli.db');
  const minefree = (...args: string[]) =>
    spawnSync(process.execPath, [bin, ...args], {
      encoding: 'utf8',
      env: { ...process.env, MINEFREE_DB: db, DATABASE_URL: '', MINEFREE_PASSWORD: 'a long enough password' },
    });

  it('backs up, and restores what was there at the backup', () => {
    expect(minefree('user', 'add', '--email', 'a@example.org', '--name', 'A', '--role', 'admin').status).toBe(0);
    const file = join(dir, 'cli-backup.db');
    const backup = minefree('backup', file);
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toContain(`Backup written to ${file}`);
    expect(minefree('backup', file).status).toBe(2); // never overwrites
    expect(minefree('user', 'add', '--email', 'b@example.org', '--name', 'B', '--role', 'viewer').status).toBe(0);
    const restored = minefree('restore', file);
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toContain('Restored the database');
    const list = JSON.parse(minefree('user', 'list', '--json').stdout) as { email: string }[];
    expect(list.map((u) => u.email)).toEqual(['a@example.org']);
    expect(minefree('restore', join(dir, 'nothing-here.db')).status).toBe(2);
  }, 120_000);
});
