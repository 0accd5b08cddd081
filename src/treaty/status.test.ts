import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CalendarDate, daysInMonth, fromParts, parseDate } from '../core/date.js';
import { parsePartialDate } from '../core/partial-date.js';
import { STATE_CODES, type StateCode } from '../core/states.js';
import type { Article4Record, Article5Record, StateRecord } from './model.js';
import { TreatyEngine, type TreatyFacts } from './status.js';
import { stateRecord } from './test-facts.js';

const d = (text: string): CalendarDate => parseDate(text);

// Forty early deposits put the Convention in force on 1 March 1999, as it happened.
const usedBelow = new Set(['AFG', 'BDI', 'BLR', 'EST', 'FIN', 'LKA', 'MHL', 'PSE', 'UKR']);
const early: StateRecord[] = STATE_CODES.filter((c) => !usedBelow.has(c))
  .slice(0, 40)
  .map((code) => stateRecord(code, { signed: '1997-12-03', deposited: code === 'AND' ? '1998-09-16' : '1998-06-29' }));

function facts(states: StateRecord[], extra: Partial<TreatyFacts> = {}): TreatyFacts {
  const named = new Set(states.map((s) => s.iso3));
  const rest = STATE_CODES.filter((c) => !named.has(c) && !early.some((e) => e.iso3 === c)).map((c) => stateRecord(c));
  return {
    states: [...early.filter((e) => !named.has(e.iso3)), ...states, ...rest],
    article4: new Map(),
    article5: new Map(),
    ...extra,
  };
}

const article4 = (iso3: StateCode, r: Partial<Article4Record>): Article4Record => ({
  iso3,
  noStockpile: false,
  completed: null,
  afterDeadline: 'unknown',
  notes: '',
  sources: [],
  ...r,
});
const article5 = (iso3: StateCode, r: Partial<Article5Record>): Article5Record => ({
  iso3,
  originalDeadlineStated: null,
  extensions: [],
  currentDeadlineStated: null,
  currentDeadlineAsOf: null,
  completed: null,
  notes: '',
  sources: [],
  ...r,
});

describe('a State on a date', () => {
  const engine = new TreatyEngine(
    facts([
      stateRecord('LKA', { deposited: '2017-12-13', kind: 'accession' }),
      stateRecord('MHL', { signed: '1997-12-04', deposited: '2025-03-12' }),
      stateRecord('EST', { deposited: '2004-05-12', kind: 'accession', withdrawal: { deposited: d('2025-06-27') } }),
      stateRecord('UKR', {
        signed: '1999-02-24',
        deposited: '2005-12-27',
        withdrawal: { announced: d('2025-06-29'), armedConflict: { ended: null } },
      }),
    ]),
  );

  it.each([
    ['LKA', '2017-12-12', 'not-party', false],
    ['LKA', '2017-12-13', 'state-party', false],
    ['LKA', '2018-06-01', 'state-party', true],
    ['MHL', '1997-12-03', 'not-party', false],
    ['MHL', '1997-12-04', 'signatory', false],
    ['MHL', '2025-09-01', 'state-party', true],
    ['EST', '2025-12-26', 'state-party', true],
    ['EST', '2025-12-27', 'withdrawn', false],
    ['UKR', '2030-01-01', 'state-party', true],
  ] as const)('%s on %s is %s (in force: %s)', (iso3, asOf, status, inForce) => {
    const state = engine.state(iso3, d(asOf));
    expect(state?.status).toBe(status);
    expect(state?.inForce).toBe(inForce);
  });

  it('gives entry into force, deadlines and the initial report for a State Party', () => {
    const lka = engine.state('LKA', d('2018-01-01'));
    expect(lka).toMatchObject({
      consent: { date: '2017-12-13', kind: 'accession' },
      entryIntoForce: '2018-06-01',
      article4: { deadline: '2022-06-01', state: 'open' },
      article5: { originalDeadline: '2028-06-01', currentDeadline: null },
      article7: { initialDue: '2018-11-28' },
      withdrawal: { notified: null, effective: null, state: 'none' },
    });
  });

  it('gives nothing the State has not yet done', () => {
    expect(engine.state('MHL', d('2000-01-01'))).toMatchObject({
      status: 'signatory',
      signed: '1997-12-04',
      consent: null,
      entryIntoForce: null,
      article4: { deadline: null },
      article7: { initialDue: null },
    });
  });

  it('shows a withdrawal pending during armed conflict, with no effective date', () => {
    expect(engine.state('UKR', d('2026-11-28'))?.withdrawal).toEqual({
      notified: null,
      effective: null,
      state: 'pending',
    });
    expect(engine.state('EST', d('2025-07-01'))?.withdrawal).toEqual({
      notified: '2025-06-27',
      effective: '2025-12-27',
      state: 'pending',
    });
  });
});

describe('Article 4 and Article 5 marks', () => {
  const engine = new TreatyEngine(
    facts(
      [
        stateRecord('BLR', { deposited: '2003-09-03', kind: 'accession' }),
        stateRecord('BDI', { deposited: '2003-10-22' }),
        stateRecord('AFG', { deposited: '2002-09-11' }),
      ],
      {
        article4: new Map([
          ['BLR', article4('BLR', { afterDeadline: 'missed', completed: parsePartialDate('2017-04-05') })],
          ['BDI', article4('BDI', { afterDeadline: 'met', completed: parsePartialDate('2008-03') })],
        ]),
        article5: new Map([
          [
            'AFG',
            article5('AFG', {
              extensions: [{ granted: parsePartialDate('2012'), deadline: parsePartialDate('2023-03-01') }],
              currentDeadlineAsOf: parsePartialDate('2024-11'),
            }),
          ],
        ]),
      },
    ),
  );
  it.each([
    ['BLR', '2008-02-29', 'open'],
    ['BLR', '2008-03-01', 'open'],
    ['BLR', '2008-03-02', 'missed'],
    ['BLR', '2020-01-01', 'missed'],
    ['BDI', '2008-03-15', 'open'],
    ['BDI', '2008-04-01', 'met'],
  ] as const)('Article 4: %s on %s is %s', (iso3, asOf, state) => {
    expect(engine.state(iso3, d(asOf))?.article4.state).toBe(state);
  });

  it('a completion known by its month counts only once the month is over', () => {
    expect(engine.state('BDI', d('2008-03-15'))?.article4.completed).toBeNull();
    expect(engine.state('BDI', d('2008-03-31'))?.article4.completed).toBe('2008-03');
  });

  it.each([
    ['2012-06-01', '2013-03-01', 'open'],
    ['2013-01-01', '2023-03-01', 'open'],
    ['2023-06-01', '2023-03-01', 'missed'],
  ] as const)('Article 5: AFG on %s has deadline %s, %s', (asOf, deadline, state) => {
    const afg = engine.state('AFG', d(asOf));
    expect(afg?.article5.currentDeadline).toBe(deadline);
    expect(afg?.article5.state).toBe(state);
  });

  it('lists deadlines in date order', () => {
    const list = engine.deadlines(4, d('2008-03-15'));
    expect(list).toHaveLength(43);
    const dates = list.map((e) => e.deadline ?? '');
    expect(dates).toEqual([...dates].sort());
    expect(list.find((e) => e.iso3 === 'BLR')).toEqual({
      iso3: 'BLR',
      name: 'BLR',
      deadline: '2008-03-01',
      state: 'missed',
    });
  });
});

describe('global figures', () => {
  const engine = new TreatyEngine(
    facts([
      stateRecord('LKA', { deposited: '2017-12-13', kind: 'accession' }),
      stateRecord('PSE', { deposited: '2017-12-29', kind: 'accession' }),
      stateRecord('MHL', { signed: '1997-12-04' }),
      stateRecord('FIN', { deposited: '2012-01-09', kind: 'accession', withdrawal: { deposited: d('2025-07-10') } }),
    ]),
  );
  it('counts States Parties, signatories and withdrawals on a date', () => {
    const summary = engine.summary(d('2025-12-01'));
    expect(summary).toMatchObject({
      statesTotal: 197,
      statesParties: 43,
      inForce: 43,
      notParty: 154,
      signatoriesNotParty: 1,
      withdrawals: { effective: [], pending: ['FIN'] },
      latestToJoin: { iso3: 'PSE', date: '2017-12-29', instrument: 'accession' },
    });
    expect(engine.summary(d('2026-01-10')).withdrawals).toEqual({ effective: ['FIN'], pending: [] });
    expect(engine.summary(d('2017-12-14')).latestToJoin?.iso3).toBe('LKA');
  });
});

// Random legal histories for every State, to check invariants that must hold on any data.
const dateIn = (from: number, to: number): fc.Arbitrary<CalendarDate> =>
  fc
    .record({
      year: fc.integer({ min: from, max: to }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    })
    .map(({ year, month, day }) => fromParts({ year, month, day: Math.min(day, daysInMonth(year, month)) }));

const history = fc.record({
  signed: fc.option(dateIn(1997, 1998), { nil: undefined }),
  deposited: fc.option(dateIn(1998, 2030), { nil: undefined }),
  withdrawal: fc.option(
    fc.record({
      deposited: fc.option(dateIn(2000, 2035), { nil: null }),
      armedConflict: fc.option(fc.record({ ended: fc.option(dateIn(2000, 2040), { nil: null }) }), { nil: null }),
    }),
    { nil: undefined },
  ),
});

const randomFacts = fc
  .array(history, { minLength: STATE_CODES.length, maxLength: STATE_CODES.length })
  .map((histories) =>
    facts(
      histories.map((h, i) => {
        const code = STATE_CODES[i] ?? 'AFG';
        const record = stateRecord(code, {
          signed: h.signed?.toString(),
          deposited: (h.deposited ?? (i < 40 ? '1998-06-01' : undefined))?.toString(),
        });
        const withdrawal = h.withdrawal;
        if (withdrawal && record.consent && withdrawal.deposited && withdrawal.deposited > record.consent.deposited) {
          return { ...record, withdrawal: { ...withdrawal, effectiveStated: null, announced: null, sources: [] } };
        }
        return record;
      }),
    ),
  );

describe('invariants', () => {
  it('on any date the four statuses add up to 197 and match the summary', () => {
    fc.assert(
      fc.property(randomFacts, dateIn(1997, 2045), (f, asOf) => {
        const engine = new TreatyEngine(f);
        const states = engine.states(asOf);
        const count = (status: string): number => states.filter((s) => s.status === status).length;
        expect(count('state-party') + count('signatory') + count('not-party') + count('withdrawn')).toBe(197);
        const summary = engine.summary(asOf);
        expect(summary.statesParties + summary.notParty).toBe(197);
        expect(summary.inForce).toBeLessThanOrEqual(summary.statesParties);
      }),
      { numRuns: 50 },
    );
  });

  it('a State never stops being a State Party without a withdrawal in effect', () => {
    fc.assert(
      fc.property(randomFacts, dateIn(1997, 2045), dateIn(1997, 2045), (f, a, b) => {
        const [earlier, later] = a <= b ? [a, b] : [b, a];
        const engine = new TreatyEngine(f);
        for (const before of engine.states(earlier)) {
          if (before.status !== 'state-party') continue;
          const after = engine.state(before.iso3, later);
          if (after?.status !== 'state-party') {
            expect(after?.status).toBe('withdrawn');
            expect(after?.withdrawal.state).toBe('effective');
          }
        }
      }),
      { numRuns: 50 },
    );
  });
});
