// The ledger in the database, on SQLite and PostgreSQL: data/ given back as read, writes all or nothing with their audit row.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDate } from '../core/date.js';
import { RejectedWriteError } from '../core/rejection.js';
import { initDatabase } from '../setup/seed.js';
import { SYSTEM, listRecentAudit } from '../store/audit.js';
import type { Store } from '../store/database.js';
import { forEachDatabase } from '../store/test-databases.js';
import { loadReference } from '../treaty/reference.js';
import { TreatyEngine } from '../treaty/status.js';
import { loadLedgers as readLedgers } from './reference.js';
import { LedgerRejectedError, addEntries, ledgersVersion, loadLedger, loadLedgers } from './store.js';
import { ledger } from './test-ledgers.js';

const { facts, sources } = loadReference();
const engine = new TreatyEngine(facts);
const expected = readLedgers(sources, engine);
const grc = ledger('GRC');

forEachDatabase((database) => {
  describe('stockpile ledgers', () => {
    let store: Store;
    const rows = async (): Promise<number> =>
      Number(
        (
          await store.db
            .selectFrom('stockpile_entries')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    beforeAll(async () => {
      store = await database.open();
      await initDatabase(store);
    });

    it('gives back the ledgers of data/, every field and type as read', async () => {
      const stored = await loadLedgers(store.db);
      expect(stored.size).toBe(expected.size);
      for (const [iso3, entries] of expected) {
        expect((stored.get(iso3) ?? []).map(({ id: _, ...e }) => e)).toEqual(entries);
      }
      const ukr = await loadLedger(store.db, 'UKR');
      expect(ukr.find((e) => e.kind === 'declared' && e.date === '2024-06')).toMatchObject({ quantity: 3_364_433 });
    });

    it('adds entries with one audit row, and the version moves', async () => {
      const before = await ledgersVersion(store);
      const added = await addEntries(
        store,
        'GRC',
        [
          { ...grc.destroyed('2025-03', 10_000), sources: ['S34'] },
          { ...grc.retained(2011, 6000, 158), sources: ['K1'] },
        ],
        { userId: null },
        { engine, asOf: parseDate('2025-12-31') },
      );
      expect(added.map((e) => e.kind)).toEqual(['destroyed', 'retained']);
      expect(await ledgersVersion(store)).toBeGreaterThan(before);
      const [audit] = await listRecentAudit(store, { limit: 1, entity: 'stockpile' });
      expect(audit).toMatchObject({ action: 'create', entityId: 'GRC', after: added });
    });

    it('refuses the whole write when one entry is wrong, naming it, and writes nothing', async () => {
      const count = await rows();
      const audits = (await listRecentAudit(store, { limit: 1000 })).length;
      const attempt = addEntries(
        store,
        'GRC',
        [grc.retained(2012, 6000), { ...grc.destroyed('2025-04', 1), quantity: -1 }],
        SYSTEM,
        { engine },
      );
      await expect(attempt).rejects.toBeInstanceOf(LedgerRejectedError);
      await expect(attempt).rejects.toMatchObject({ field: 'entries[1].quantity' });
      expect(await rows()).toBe(count);
      expect((await listRecentAudit(store, { limit: 1000 })).length).toBe(audits);
    });

    it('checks new entries against the stored ledger', async () => {
      // More destroyed than Greece's 325,413 declared in June 2024 (10,000 already recorded since).
      await expect(
        addEntries(store, 'GRC', [{ ...grc.destroyed('2025-06', 320_000), sources: ['S34'] }], SYSTEM, { engine }),
      ).rejects.toMatchObject({ field: 'entries[0].quantity' });
      // A second retained count for 2011.
      await expect(
        addEntries(store, 'GRC', [{ ...grc.retained(2011, 5), sources: ['K1'] }], SYSTEM, { engine }),
      ).rejects.toMatchObject({ field: 'entries[0].year' });
      // None held, beside Greece's stock.
      await expect(addEntries(store, 'GRC', [grc.noneHeld('2025')], SYSTEM, { engine })).rejects.toMatchObject({
        field: 'entries[0].kind',
      });
    });

    it('refuses an unknown source, an entry of another State and an empty write', async () => {
      await expect(
        addEntries(store, 'GRC', [{ ...grc.retained(2013, 6000), sources: ['S9999'] }], SYSTEM, { engine }),
      ).rejects.toMatchObject({ field: 'entries[0].sources', found: 'S9999' });
      await expect(
        addEntries(store, 'GRC', [ledger('UKR').retained(2013, 5)], SYSTEM, { engine }),
      ).rejects.toMatchObject({
        field: 'entries[0].iso3',
      });
      await expect(addEntries(store, 'GRC', [], SYSTEM, { engine })).rejects.toBeInstanceOf(RejectedWriteError);
    });

    it('reloads data/ on reset, dropping what was added', async () => {
      await initDatabase(store, { reset: true });
      expect((await loadLedger(store.db, 'GRC')).map(({ id: _, ...e }) => e)).toEqual(expected.get('GRC'));
    });
  });
});
