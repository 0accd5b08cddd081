import { beforeAll, describe, expect, it } from 'vitest';
import { parseDate } from '../core/date.js';
import { parsePartialDate } from '../core/partial-date.js';
import { SYSTEM, listRecentAudit } from '../store/audit.js';
import type { Store } from '../store/database.js';
import { RejectedWriteError } from '../core/rejection.js';
import { initDatabase } from '../setup/seed.js';
import { forEachDatabase } from '../store/test-databases.js';
import { loadReference } from '../treaty/reference.js';
import type { ReportedFigure } from './model.js';
import { loadReportedFigures } from './reference.js';
import { addSource, getSource, listSources, loadSources } from '../sources/store.js';
import { addReportedFigure, listReportedFigures } from './store.js';

const { sources } = loadReference();
const figures = loadReportedFigures(sources);
const figure: ReportedFigure = {
  indicator: 'states_parties',
  scope: 'global',
  period: '2026-11',
  value: 166,
  qualifier: 'exact',
  unit: 'states',
  source: 'S00',
  citedDocument: null,
  citedPage: null,
  edition: null,
  published: parseDate('2026-11-28'),
  notes: '',
};

forEachDatabase((database) => {
  describe('sources and reported figures', () => {
    let store: Store;
    const count = async (): Promise<unknown> => ({
      sources: (await listSources(store)).length,
      figures: (await listReportedFigures(store)).length,
      audit: (await listRecentAudit(store, { limit: 1000 })).length,
    });
    beforeAll(async () => {
      store = await database.open();
      await initDatabase(store);
    });

    it('gives back the sources of data/', async () => {
      expect(await loadSources(store)).toEqual(sources);
      expect((await listSources(store)).map((s) => s.id)).toEqual([...sources.keys()].sort((a, b) => (a < b ? -1 : 1)));
      expect(await getSource(store, 'S00')).toEqual(sources.get('S00'));
      expect(await getSource(store, 'NOPE')).toBeNull();
    });

    it('gives back the reported figures of data/, in order, by indicator and scope', async () => {
      const stored = await listReportedFigures(store);
      expect(stored.map(({ id: _, ...f }) => f)).toEqual(figures);
      const parties = await listReportedFigures(store, { indicator: 'states_parties', scope: 'global' });
      expect(parties.map(({ id: _, ...f }) => f)).toEqual(
        figures.filter((f) => f.indicator === 'states_parties' && f.scope === 'global'),
      );
      expect(parties.length).toBeGreaterThan(0);
    });

    it('addSource stores and audits a source', async () => {
      const source = {
        id: 'S900',
        title: 'Landmine Monitor 2026',
        url: 'https://www.the-monitor.org/',
        published: parsePartialDate('2026-11'),
      };
      expect(await addSource(store, source, { userId: 3 })).toEqual(source);
      expect(await getSource(store, 'S900')).toEqual(source);
      expect((await listRecentAudit(store, { limit: 1 }))[0]).toMatchObject({
        userId: 3,
        action: 'create',
        entity: 'source',
        entityId: 'S900',
        after: source,
      });
    });

    it.each([
      [
        'an id already used',
        { id: 'S00', title: 'again', url: null, published: null },
        { reason: 'conflict', field: 'id' },
      ],
      [
        'an impossible publication date',
        { id: 'S901', title: 't', url: null, published: '2026-13' },
        { reason: 'invalid', field: 'published' },
      ],
      [
        'an address that is not http(s)',
        { id: 'S901', title: 't', url: 'ftp://x', published: null },
        { reason: 'invalid', field: 'url' },
      ],
    ] as const)('addSource refuses %s and writes nothing', async (_, source, rejection) => {
      const before = await count();
      const error: unknown = await addSource(store, source as never, SYSTEM).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RejectedWriteError);
      expect(error).toMatchObject(rejection);
      expect(await count()).toEqual(before);
    });

    it('addReportedFigure stores and audits a figure, with its id', async () => {
      const stored = await addReportedFigure(store, { ...figure, value: 1234567.89 }, { userId: 3 });
      expect(stored).toEqual({ ...figure, value: 1234567.89, id: stored.id });
      expect((await listReportedFigures(store, { indicator: 'states_parties', scope: 'global' })).at(-1)).toEqual(
        stored,
      );
      expect((await listRecentAudit(store, { limit: 1 }))[0]).toMatchObject({
        entity: 'reported_figure',
        entityId: String(stored.id),
        after: stored,
      });
    });

    it.each([
      ['an unknown source', { source: 'NOPE' }, { reason: 'invalid', field: 'source' }],
      ['an infinite value', { value: Infinity }, { reason: 'invalid', field: 'value' }],
      ['an unknown qualifier', { qualifier: 'roughly' }, { reason: 'invalid', field: 'qualifier' }],
      ['a period that is not a date', { period: '2017/18' }, { reason: 'invalid', field: 'period' }],
    ] as const)('addReportedFigure refuses %s and writes nothing', async (_, change, rejection) => {
      const before = await count();
      const error: unknown = await addReportedFigure(store, { ...figure, ...change } as never, SYSTEM).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(RejectedWriteError);
      expect(error).toMatchObject(rejection);
      expect(await count()).toEqual(before);
    });
  });
});
