import { beforeAll, describe, expect, it } from 'vitest';
import { type CalendarDate, parseDate } from '../core/date.js';
import { parsePartialDate } from '../core/partial-date.js';
import { type Actor, SYSTEM, listRecentAudit } from '../store/audit.js';
import type { Store } from '../store/database.js';
import { RejectedWriteError } from '../core/rejection.js';
import { migrateToLatest } from '../setup/migrations.js';
import { initDatabase } from '../setup/seed.js';
import { forEachDatabase } from '../store/test-databases.js';
import { loadReference } from './reference.js';
import { TreatyEngine } from './status.js';
import {
  addExtensionDecision,
  addInstrument,
  factsVersion,
  listExtensionDecisions,
  listInstruments,
  loadFacts,
} from './store.js';

const reference = loadReference();
const fromData = new TreatyEngine(reference.facts);
const DATES = ['1998-09-16', '1999-03-01', '2008-03-01', '2017-12-14', '2025-12-31', '2026-11-28'].map(parseDate);
const d = (text: string): CalendarDate => parseDate(text);

/** What a rejected write must leave unchanged. */
async function snapshot(store: Store): Promise<unknown> {
  return {
    instruments: await listInstruments(store),
    extensions: await listExtensionDecisions(store),
    audit: await listRecentAudit(store, { limit: 1000 }),
    version: await factsVersion(store),
  };
}

forEachDatabase((database) => {
  describe('the engine from the store', () => {
    let store: Store;
    beforeAll(async () => {
      store = await database.open();
      await initDatabase(store);
    });

    it('loadFacts gives back exactly the facts of data/', async () => {
      expect(await loadFacts(store)).toEqual(reference.facts);
    });

    it.each(DATES)('answers as the engine from data/ on %s', async (asOf) => {
      const fromStore = new TreatyEngine(await loadFacts(store));
      expect(fromStore.summary(asOf)).toEqual(fromData.summary(asOf));
      expect(fromStore.states(asOf)).toEqual(fromData.states(asOf));
      for (const article of [4, 5, 7] as const)
        expect(fromStore.deadlines(article, asOf)).toEqual(fromData.deadlines(article, asOf));
    });

    it('lists a State’s instruments in date order', async () => {
      const pol = await listInstruments(store, 'POL');
      expect(pol.map((i) => [i.kind, i.deposited])).toEqual([
        ['signature', '1997-12-04'],
        ['ratification', '2012-12-27'],
        ['withdrawal', '2025-08-20'],
      ]);
      expect(pol[2]).toMatchObject({ effectiveStated: '2026-02-20', armedConflict: null, createdBy: null });
      expect(await listInstruments(store)).toHaveLength(
        reference.facts.states.reduce((n, s) => n + [s.signature, s.consent, s.withdrawal].filter(Boolean).length, 0),
      );
    });
  });

  describe('writes', () => {
    let store: Store;
    let editor: Actor;
    beforeAll(async () => {
      store = await database.open();
      await initDatabase(store);
      const user = await store.db
        .insertInto('users')
        .values({
          email: 'e@example.org',
          name: 'E',
          role: 'editor',
          password_hash: 'h',
          created_at: '2026-01-01T00:00:00.000Z',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      editor = { userId: user.id };
    });

    it('addInstrument stores it, audits it and changes the answers', async () => {
      const version = await factsVersion(store);
      const added = await addInstrument(
        store,
        { iso3: 'USA', kind: 'accession', deposited: d('2026-01-15'), sources: ['S02'] },
        editor,
      );
      expect(added).toMatchObject({
        iso3: 'USA',
        kind: 'accession',
        deposited: '2026-01-15',
        armedConflict: null,
        sources: ['S02'],
        createdBy: editor.userId,
      });
      const [audit] = await listRecentAudit(store, { limit: 1 });
      expect(audit).toMatchObject({
        userId: editor.userId,
        action: 'create',
        entity: 'instrument',
        entityId: String(added.id),
        before: null,
        after: added,
      });
      expect(await factsVersion(store)).toBeGreaterThan(version);
      const usa = new TreatyEngine(await loadFacts(store)).state('USA', d('2026-11-28'));
      expect(usa).toMatchObject({ status: 'state-party', entryIntoForce: '2026-07-01', inForce: true });
    });

    it('a withdrawal takes effect six months after its deposit', async () => {
      await addInstrument(
        store,
        { iso3: 'KHM', kind: 'withdrawal', deposited: d('2026-02-01'), sources: ['S02'] },
        editor,
      );
      const engine = new TreatyEngine(await loadFacts(store));
      expect(engine.state('KHM', d('2026-07-31'))?.withdrawal.state).toBe('pending');
      expect(engine.state('KHM', d('2026-08-01'))?.status).toBe('withdrawn');
    });

    it.each([
      [
        'a second consent',
        { iso3: 'AFG', kind: 'ratification', deposited: '2010-01-01', sources: ['S02'] },
        { reason: 'conflict', field: 'kind' },
      ],
      [
        'a second signature',
        { iso3: 'KHM', kind: 'signature', deposited: '1998-01-01', sources: ['S02'] },
        { reason: 'conflict', field: 'kind' },
      ],
      [
        'a deposit before 3 Dec 1997',
        { iso3: 'TUV', kind: 'signature', deposited: '1997-12-02', sources: ['S02'] },
        { reason: 'invalid', field: 'deposited' },
      ],
      [
        'a signature after 1 Mar 1999',
        { iso3: 'TUV', kind: 'signature', deposited: '2011-09-13', sources: ['S02'] },
        { reason: 'invalid', field: 'deposited' },
      ],
      [
        'an impossible date',
        { iso3: 'CHN', kind: 'accession', deposited: '2026-02-30', sources: ['S02'] },
        { reason: 'invalid', field: 'deposited' },
      ],
      [
        'a withdrawal before any consent',
        { iso3: 'CHN', kind: 'withdrawal', deposited: '2026-01-01', sources: ['S02'] },
        { reason: 'invalid', field: 'kind' },
      ],
      [
        'a withdrawal before the consent',
        { iso3: 'TUV', kind: 'withdrawal', deposited: '2010-01-01', sources: ['S02'] },
        { reason: 'invalid', field: 'deposited' },
      ],
      [
        'a second withdrawal',
        { iso3: 'EST', kind: 'withdrawal', deposited: '2026-01-01', sources: ['S02'] },
        { reason: 'conflict', field: 'kind' },
      ],
      [
        'a withdrawal date on a consent',
        { iso3: 'CHN', kind: 'accession', deposited: '2026-01-01', announced: '2026-01-01', sources: ['S02'] },
        { reason: 'invalid', field: 'announced' },
      ],
      [
        'no source',
        { iso3: 'CHN', kind: 'accession', deposited: '2026-01-01', sources: [] },
        { reason: 'invalid', field: 'sources' },
      ],
      [
        'an unknown source',
        { iso3: 'CHN', kind: 'accession', deposited: '2026-01-01', sources: ['S02', 'NOPE'] },
        { reason: 'invalid', field: 'sources', found: 'NOPE' },
      ],
    ] as const)('addInstrument refuses %s and writes nothing', async (_, input, rejection) => {
      const before = await snapshot(store);
      const error: unknown = await addInstrument(store, input as never, editor).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RejectedWriteError);
      expect(error).toMatchObject(rejection);
      expect(await snapshot(store)).toEqual(before);
    });

    it('of two writers racing to add a consent, one wins and the other is refused', async () => {
      const input = { iso3: 'IND', kind: 'accession', deposited: d('2026-03-01'), sources: ['S02'] } as const;
      const results = await Promise.allSettled([
        addInstrument(store, input, editor),
        addInstrument(store, input, editor),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const refused = results.find((r) => r.status === 'rejected');
      expect(refused?.status === 'rejected' && refused.reason).toMatchObject({ reason: 'conflict', field: 'kind' });
      expect(await listInstruments(store, 'IND')).toHaveLength(1);
    });

    it('addExtensionDecision appends to the chain, audited, and moves the deadline', async () => {
      const added = await addExtensionDecision(
        store,
        {
          iso3: 'AFG',
          granted: parsePartialDate('2029'),
          deadline: parsePartialDate('2035-03-01'),
          decidedAtMeeting: '27MSP',
          sources: ['S52'],
        },
        editor,
      );
      expect(added).toMatchObject({
        iso3: 'AFG',
        position: 3,
        granted: '2029',
        deadline: '2035-03-01',
        decidedAtMeeting: '27MSP',
      });
      expect((await listRecentAudit(store, { limit: 1 }))[0]).toMatchObject({
        entity: 'extension_decision',
        entityId: String(added.id),
        after: added,
      });
      const facts = await loadFacts(store);
      expect(facts.article5.get('AFG')?.extensions.at(-1)).toEqual({
        granted: '2029',
        deadline: '2035-03-01',
        meeting: '27MSP',
        kind: 'extension',
        sources: ['S52'],
      });
      expect(new TreatyEngine(facts).state('AFG', d('2030-01-01'))?.article5.currentDeadline).toBe('2035-03-01');
    });

    it.each([
      [
        // TJK: its last decision (4RC) set 31 Dec 2025, and the 22MSP granted none (data/README.md); Angola's 22MSP deadline is not known.
        'a deadline earlier than the one it replaces',
        { iso3: 'TJK', granted: '2026', deadline: '2025-01-01', sources: ['S52'] },
        { reason: 'invalid', field: 'deadline' },
      ],
      [
        'more than ten years more',
        { iso3: 'TJK', granted: '2026', deadline: '2036-01-01', sources: ['S52'] },
        { reason: 'invalid', field: 'deadline' },
      ],
      [
        'a grant before the previous one',
        { iso3: 'TJK', granted: '2010', deadline: '2030-12-31', sources: ['S52'] },
        { reason: 'invalid', field: 'granted' },
      ],
      [
        'a State with no Article 5 record',
        { iso3: 'USA', granted: '2026', deadline: '2030', sources: ['S52'] },
        { reason: 'not-found', field: 'iso3' },
      ],
      [
        'an unknown source',
        { iso3: 'TJK', granted: '2026', deadline: '2030-12-31', sources: ['NOPE'] },
        { reason: 'invalid', field: 'sources' },
      ],
    ] as const)('addExtensionDecision refuses %s and writes nothing', async (_, input, rejection) => {
      const before = await snapshot(store);
      const error: unknown = await addExtensionDecision(store, input as never, editor).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RejectedWriteError);
      expect(error).toMatchObject(rejection);
      expect(await snapshot(store)).toEqual(before);
    });

    it('a State not stored is not found', async () => {
      const empty = await database.open();
      await migrateToLatest(empty);
      await expect(
        addInstrument(empty, { iso3: 'KHM', kind: 'signature', deposited: d('1997-12-03'), sources: ['S02'] }, SYSTEM),
      ).rejects.toMatchObject({
        reason: 'not-found',
        field: 'iso3',
      });
    });
  });
});
