// Funding flows in the database, on SQLite and PostgreSQL: given back as written, writes all or
// nothing with their audit row, double counting marked, IATI activities re-imported idempotently.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CalendarDate } from '../core/date.js';
import { RejectedWriteError } from '../core/rejection.js';
import { initDatabase } from '../setup/seed.js';
import { SYSTEM, listRecentAudit } from '../store/audit.js';
import type { Store } from '../store/database.js';
import { forEachDatabase } from '../store/test-databases.js';
import type { FundingFlow } from './model.js';
import { FlowsRejectedError, addFlows, flowsVersion, importActivities, loadFlows } from './store.js';
import { UNMAS, flow } from './test-flows.js';

const asOf = '2025-06-30' as CalendarDate;
const strip = ({ id: _, ...f }: FundingFlow & { id: number }): FundingFlow => f;

forEachDatabase((database) => {
  describe('funding flows', () => {
    let store: Store;
    const count = async (): Promise<number> => (await loadFlows(store.db)).length;
    const audits = async (): Promise<number> => (await listRecentAudit(store, { limit: 10_000 })).length;
    beforeAll(async () => {
      store = await database.open();
      await initDatabase(store);
    });

    it('gives back every field as written, with one audit row, and the version moves', async () => {
      const before = await flowsVersion(store);
      const flows = [
        flow({ usd: 1_234_567.89, amount: 1_234_567.89 }),
        flow({
          donor: { id: 'XM-DAC-918-3', name: 'European Union', kind: 'institution' },
          recipient: null,
          channel: 'trust-fund',
          via: 'ITF',
          sector: 'victim-assistance',
          year: 2016,
          type: 'commitment',
          amount: 1000,
          currency: 'EUR',
          exchangeRate: 1.1069,
          rateSource: 'S90',
          usd: 1106.9,
          published: '2017-12-01' as CalendarDate,
          iati: null,
          sources: ['S96', 'S320'],
          notes: 'a note',
        }),
        flow({
          funding: 'national',
          donor: { id: 'KHM', name: 'Cambodia', kind: 'state' },
          usd: 9_000_000_000.01,
          amount: 9_000_000_000.01,
        }),
        flow({ amount: -5, usd: -5, reversal: true }),
      ];
      const written = await addFlows(store, flows, { userId: null }, asOf);
      expect(written.added.map(strip)).toEqual(flows);
      expect((await loadFlows(store.db)).map(strip)).toEqual(flows);
      expect(await flowsVersion(store)).toBeGreaterThan(before);
      const [audit] = await listRecentAudit(store, { limit: 1, entity: 'funding' });
      expect(audit).toMatchObject({ action: 'create', entityId: 'flows' });
    });

    it('refuses the whole write when one flow is wrong, naming it, and writes nothing', async () => {
      const [n, a] = [await count(), await audits()];
      await expect(addFlows(store, [flow(), flow({ year: 1989 })], SYSTEM, asOf)).rejects.toMatchObject({
        field: 'flows[1].year',
      });
      await expect(addFlows(store, [flow({ currency: 'ECU' })], SYSTEM, asOf)).rejects.toBeInstanceOf(
        FlowsRejectedError,
      );
      await expect(addFlows(store, [flow(), flow({ sources: ['S9999'] })], SYSTEM, asOf)).rejects.toMatchObject({
        field: 'flows[1].sources',
        found: 'S9999',
      });
      await expect(
        addFlows(store, [flow({ currency: 'EUR', exchangeRate: 1, rateSource: 'S9998' })], SYSTEM, asOf),
      ).rejects.toMatchObject({ field: 'flows[0].rateSource' });
      await expect(addFlows(store, [], SYSTEM, asOf)).rejects.toBeInstanceOf(RejectedWriteError);
      expect(await count()).toBe(n);
      expect(await audits()).toBe(a);
    });

    it("marks the channel's report of a donor's money as double counted, stored or new", async () => {
      const donorFlow = flow({ year: 2020, usd: 500_000, amount: 500_000, channel: 'un', via: 'UNMAS' });
      const first = await addFlows(
        store,
        [flow({ year: 2020, donor: UNMAS, usd: 499_000, amount: 499_000 })],
        SYSTEM,
        asOf,
      );
      expect(first.doubleCounted).toEqual([]);
      const second = await addFlows(store, [donorFlow], SYSTEM, asOf);
      const channelId = first.added[0]?.id;
      expect(second.doubleCounted).toEqual([{ flow: channelId, sameAs: second.added[0]?.id }]);
      const stored = await loadFlows(store.db);
      expect(stored.find((f) => f.id === channelId)?.doubleCounted).toBe(true);
      expect(stored.find((f) => f.id === second.added[0]?.id)?.doubleCounted).toBe(false);
    });

    it('imports IATI activities all or none, and a re-import changes nothing', async () => {
      const iati = (activity: string, n: number, over: Partial<FundingFlow> = {}): FundingFlow =>
        flow({
          year: 2023,
          published: '2024-05-01' as CalendarDate,
          iati: { activity, key: `${activity}#${n}` },
          ...over,
        });
      const activities = [
        { activity: 'XM-1', flows: [iati('XM-1', 1), iati('XM-1', 2, { type: 'commitment' })] },
        { activity: 'XM-2', flows: [iati('XM-2', 1, { recipient: 'AFG' })] },
      ];
      const first = await importActivities(store, activities, SYSTEM, { asOf, label: 'iati' });
      expect(first).toMatchObject({
        activities: 2,
        added: 2,
        unchanged: 0,
        replaced: 0,
        flowsAdded: 3,
        flowsRemoved: 0,
      });
      const [n, a] = [await count(), await audits()];
      const again = await importActivities(store, activities, SYSTEM, { asOf, label: 'iati' });
      expect(again).toMatchObject({ activities: 2, added: 0, unchanged: 2, replaced: 0, flowsAdded: 0 });
      expect([await count(), await audits()]).toEqual([n, a]);

      const changed = [
        activities[0]!,
        { activity: 'XM-2', flows: [iati('XM-2', 1, { recipient: 'AFG', usd: 7, amount: 7 })] },
      ];
      const third = await importActivities(store, changed, SYSTEM, { asOf, label: 'iati' });
      expect(third).toMatchObject({ unchanged: 1, replaced: 1, flowsAdded: 1, flowsRemoved: 1 });
      expect((await loadFlows(store.db)).filter((f) => f.iati?.activity === 'XM-2').map((f) => f.usd)).toEqual([7]);

      // A bad flow in the second activity: the first activity's change is not written either.
      const bad = [
        { activity: 'XM-1', flows: [iati('XM-1', 1, { usd: 3, amount: 3 })] },
        { activity: 'XM-3', flows: [iati('XM-3', 1, { currency: 'XYZ' })] },
      ];
      const [n2, a2] = [await count(), await audits()];
      await expect(importActivities(store, bad, SYSTEM, { asOf, label: 'iati' })).rejects.toMatchObject({
        field: 'iati[XM-3#1].currency',
      });
      expect([await count(), await audits()]).toEqual([n2, a2]);
      expect((await loadFlows(store.db)).filter((f) => f.iati?.activity === 'XM-1').map((f) => f.usd)).toEqual([
        1_000_000, 1_000_000,
      ]);
    });

    it('keeps the flows when data/ is reloaded', async () => {
      const n = await count();
      await initDatabase(store, { reset: true });
      expect(await count()).toBe(n);
    });
  });
});
