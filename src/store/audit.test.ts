import { beforeAll, describe, expect, it } from 'vitest';
import { listRecentAudit, writeAudit } from './audit.js';
import type { Store } from './database.js';
import { migrateToLatest } from './migrate.js';
import { auditLogMigration } from './migrations/0001-audit-log.js';
import { forEachDatabase } from './test-databases.js';

forEachDatabase((database) => {
  describe('audit log', () => {
    let store: Store;
    beforeAll(async () => {
      store = await database.open();
      await migrateToLatest(store, (dialect) => ({ '0001-audit-log': auditLogMigration(dialect) }));
    });

    it('writes who, when, what, before and after, and lists the latest first', async () => {
      const at = new Date('2026-11-28T10:00:00.000Z');
      await writeAudit(
        store.db,
        { userId: 7 },
        { action: 'create', entity: 'source', entityId: 'S99', before: null, after: { id: 'S99', title: 'x' } },
        at,
      );
      await writeAudit(
        store.db,
        { userId: null },
        { action: 'update', entity: 'source', entityId: 'S99', before: { title: 'x' }, after: { title: 'y' } },
        at,
      );
      const [latest, first] = await listRecentAudit(store, { entity: 'source' });
      expect(latest).toMatchObject({
        userId: null,
        action: 'update',
        entityId: 'S99',
        before: { title: 'x' },
        after: { title: 'y' },
      });
      expect(first).toMatchObject({
        at: '2026-11-28T10:00:00.000Z',
        userId: 7,
        action: 'create',
        before: null,
        after: { id: 'S99', title: 'x' },
      });
      expect((latest?.id ?? 0) > (first?.id ?? 0)).toBe(true);
      expect(await listRecentAudit(store, { limit: 1 })).toHaveLength(1);
    });

    it('leaves no row when the transaction it belongs to fails', async () => {
      const before = (await listRecentAudit(store)).length;
      await expect(
        store.db.transaction().execute(async (trx) => {
          await writeAudit(
            trx,
            { userId: 1 },
            { action: 'delete', entity: 'source', entityId: 'S98', before: { id: 'S98' }, after: null },
          );
          throw new Error('the change itself failed');
        }),
      ).rejects.toThrow('the change itself failed');
      expect(await listRecentAudit(store)).toHaveLength(before);
    });
  });
});
