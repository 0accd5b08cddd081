// The store's bulk insert on SQLite and PostgreSQL: rows land in the caller's transaction, a row
// the database refuses anywhere (here after more than one PostgreSQL chunk) leaves nothing, and
// it refuses to run outside a transaction.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from './database.js';
import { type ValuesChunk, copyText } from './bulk.js';
import { migrateToLatest } from './migrate.js';
import { auditLogMigration } from './migrations/0001-audit-log.js';
import { forEachDatabase } from './test-databases.js';

const COLUMNS = ['id', 'at', 'user_id', 'action', 'entity', 'entity_id', 'before', 'after'] as const;
const row = (id: number): unknown[] => [
  id,
  '2026-11-30T00:00:00.000Z',
  null,
  'create',
  'bulk',
  `e${id}`,
  null,
  '{"n":1}',
];
const count = async (store: Store): Promise<number> => {
  const r = await sql<{ n: number }>`select count(*) as n from audit_log where entity = 'bulk'`.execute(store.db);
  return Number(r.rows[0]?.n);
};

forEachDatabase((database) => {
  describe('bulk insert', () => {
    let store: Store;
    beforeAll(async () => {
      store = await database.open();
      await migrateToLatest(store, (dialect) => ({ '0001-audit-log': auditLogMigration(dialect) }));
    });

    it('writes every row in the transaction, nulls and text as given', async () => {
      const rows = Array.from({ length: 1000 }, (_, i) => row(i + 1));
      const n = await store.db.transaction().execute((trx) => store.bulkInsert(trx, 'audit_log', COLUMNS, rows));
      expect(n).toBe(1000);
      expect(await count(store)).toBe(1000);
      const last = await store.db.selectFrom('audit_log').selectAll().where('id', '=', 1000).executeTakeFirstOrThrow();
      expect(last).toMatchObject({ entity_id: 'e1000', user_id: null, before: null, after: '{"n":1}' });
    });

    it('writes nothing when a row is refused, however far in', async () => {
      const before = await count(store);
      function* rows(): Generator<unknown[]> {
        for (let i = 0; i < 30_000; i++) yield row(5000 + i);
        yield row(5000); // the same id again
      }
      await expect(
        store.db.transaction().execute((trx) => store.bulkInsert(trx, 'audit_log', COLUMNS, rows())),
      ).rejects.toThrow();
      expect(await count(store)).toBe(before);
    });

    it('keeps text as given: tabs, newlines, backslashes, quotes and \\N', async () => {
      const texts = ['a\tb', 'line\nbreak\r\n', 'back\\slash', '"quoted", too', '\\N', '', 'é ∑ 😀'];
      const rows = texts.map((text, i) => [...row(70_000 + i).slice(0, 7), text]);
      await store.db.transaction().execute((trx) => store.bulkInsert(trx, 'audit_log', COLUMNS, rows));
      const stored = await store.db
        .selectFrom('audit_log')
        .select('after')
        .where('id', '>=', 70_000)
        .where('id', '<', 71_000)
        .orderBy('id')
        .execute();
      expect(stored.map((r) => r.after)).toEqual(texts);
    });

    it('takes chunks as they come, and writes nothing when their source fails part way', async () => {
      const before = await count(store);
      async function* chunks(fail: boolean): AsyncGenerator<unknown[][]> {
        for (let c = 0; c < 5; c++) {
          await Promise.resolve(); // a chunk that comes later, as from a file being read
          yield Array.from({ length: 700 }, (_, i) => row(80_000 + c * 700 + i));
        }
        if (fail) throw new Error('the source found a problem');
      }
      await expect(
        store.db.transaction().execute((trx) => store.bulkInsert(trx, 'audit_log', COLUMNS, chunks(true))),
      ).rejects.toThrow('the source found a problem');
      expect(await count(store)).toBe(before);
      const n = await store.db
        .transaction()
        .execute((trx) => store.bulkInsert(trx, 'audit_log', COLUMNS, chunks(false)));
      expect(n).toBe(3500);
      expect(await count(store)).toBe(before + 3500);
    });

    it('writes fixed columns once for every row, and a short last statement with them', async () => {
      const columns = ['id', 'at', 'user_id', 'action', 'entity_id', 'before', 'after'] as const;
      const fixed = { columns: ['entity'] as const, values: ['fixed\ttext'] };
      const rows = Array.from({ length: 250 }, (_, i) => [...row(90_000 + i).slice(0, 4), ...row(90_000 + i).slice(5)]);
      const n = await store.db.transaction().execute((trx) => store.bulkInsert(trx, 'audit_log', columns, rows, fixed));
      expect(n).toBe(250);
      const stored = await store.db
        .selectFrom('audit_log')
        .select(['entity', 'entity_id'])
        .where('id', '>=', 90_000)
        .orderBy('id')
        .execute();
      expect(stored).toHaveLength(250);
      expect(new Set(stored.map((r) => r.entity))).toEqual(new Set(['fixed\ttext']));
      expect(stored.at(-1)?.entity_id).toBe('e90249');
    });

    it.runIf(database.name === 'sqlite')(
      'binds labelled columns of ready chunks as indexes, the statement writing their labels (SQLite)',
      async () => {
        const columns = ['id', 'at', 'action', 'entity', 'entity_id', 'after'] as const;
        const labels = [null, null, ['create', "it's", 'delete'], null, null, null];
        const chunk = (first: number, rows: number): ValuesChunk => ({
          rows,
          width: columns.length,
          labels,
          writeRow: (r, into, at) => {
            const id = first + r;
            const values = [id, '2026-11-30T00:00:00.000Z', id % 3, 'labelled', `e${id}`, null];
            for (let c = 0; c < values.length; c++) into[at + c] = values[c];
          },
        });
        async function* chunks(): AsyncGenerator<ValuesChunk | unknown[][]> {
          await Promise.resolve(); // chunks that come later, as from a worker
          yield chunk(95_000, 150); // a full statement and part of the next
          yield chunk(95_150, 10); // the same labels: the same statement
          yield [[95_160, '2026-11-30T00:00:00.000Z', 'update', 'labelled', 'e95160', null]]; // rows as they are
        }
        const n = await store.db.transaction().execute((trx) => store.bulkInsert(trx, 'audit_log', columns, chunks()));
        expect(n).toBe(161);
        const stored = await store.db
          .selectFrom('audit_log')
          .select(['id', 'action'])
          .where('entity', '=', 'labelled')
          .orderBy('id')
          .execute();
        expect(stored).toHaveLength(161);
        expect(stored.slice(0, 4).map((r) => r.action)).toEqual(['delete', 'create', "it's", 'delete']);
        expect(stored.at(-2)).toEqual({ id: 95_159, action: 'delete' });
        expect(stored.at(-1)).toEqual({ id: 95_160, action: 'update' });
      },
    );

    it('runs only inside a transaction', async () => {
      await expect(store.bulkInsert(store.db, 'audit_log', COLUMNS, [row(99_999)])).rejects.toThrow(/transaction/);
    });
  });
});

describe('COPY text of bytes', () => {
  // The hex form bytea reads, its backslash doubled for COPY; a view reads only its own bytes.
  it.each<[string, Uint8Array, string]>([
    ['bytes, a backslash among them', new Uint8Array([0, 92, 255]), '\\\\x005cff'],
    ['no bytes', new Uint8Array(0), '\\\\x'],
    ['a Buffer viewing part of a larger one', Buffer.from([1, 2, 3, 4]).subarray(1, 3), '\\\\x0203'],
    ['a packed polygon of one point', new Uint8Array(new Float64Array([1]).buffer), '\\\\x000000000000f03f'],
  ])('%s', (_, value, text) => {
    expect(copyText(value)).toBe(text);
  });
});
