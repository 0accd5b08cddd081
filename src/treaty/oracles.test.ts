import { latestDay } from '../core/partial-date.js';
// Dates and counts the sources state and the engine also computes (data/SOURCES.md): each one
// is a test oracle. A mismatch means the engine or the data is wrong; never patch either to pass.
import { describe, expect, it } from 'vitest';
import { type CalendarDate, parseDate } from '../core/date.js';
import { article4Deadline } from './article4.js';
import { article5DeadlineOn, article5OriginalDeadline } from './article5.js';
import { loadReference } from './reference.js';
import { TreatyEngine } from './status.js';
import { withdrawalEffect } from './withdrawal.js';

const { facts } = loadReference();
const engine = new TreatyEngine(facts);
const d = (text: string): CalendarDate => parseDate(text);
const eif = (iso3: Parameters<TreatyEngine['entryIntoForce']>[0]): CalendarDate => {
  const date = engine.entryIntoForce(iso3);
  if (date === null) throw new Error(`${iso3} has no entry into force`);
  return date;
};

describe('oracles in data/', () => {
  it('the 40th instrument (16 Sep 1998) brought the Convention into force on 1 Mar 1999 (Art. 17.1)', () => {
    expect(engine.convention).toEqual({ fortiethDeposit: '1998-09-16', date: '1999-03-01' });
  });

  const statedEif = facts.states.filter((s) => s.entryIntoForceStated !== null);
  it('has the 8 stated entry-into-force dates', () => expect(statedEif).toHaveLength(8));
  it.each(statedEif.map((s) => [s.iso3, s.entryIntoForceStated] as const))(
    'entry into force for %s is %s',
    (iso3, stated) => {
      expect(engine.entryIntoForce(iso3)).toBe(stated);
    },
  );

  // Article 4 deadlines as sources state them (ICBL S30, HRW S36, the Monitor S15 and S05); the
  // same values run through the CLI in data/verified-facts.csv.
  it.each([
    ['BLR', '2008-03-01'],
    ['GRC', '2008-03-01'],
    ['TUR', '2008-03-01'],
    ['UKR', '2010-06-01'],
    ['SDN', '2008-04-01'],
    ['BDI', '2008-04-01'],
    ['OMN', '2019-02-01'],
  ] as const)('Article 4 deadline for %s is %s', (iso3, stated) => {
    expect(article4Deadline(eif(iso3))).toBe(stated);
  });

  const article5 = [...facts.article5.values()];
  const original = article5.filter((r) => r.originalDeadlineStated !== null);
  it.each(original.map((r) => [r.iso3, r.originalDeadlineStated] as const))(
    'original Article 5 deadline for %s is %s',
    (iso3, stated) => {
      expect(article5OriginalDeadline(eif(iso3))).toBe(stated);
    },
  );

  const current = article5.filter((r) => r.currentDeadlineStated !== null && r.completed === null);
  it.each(current.map((r) => [r.iso3, r.currentDeadlineStated, r.currentDeadlineAsOf] as const))(
    'Article 5 deadline for %s is %s as its source of %s says',
    (iso3, stated, sourceDate) => {
      const record = facts.article5.get(iso3);
      const far = d('2100-01-01');
      expect(sourceDate).not.toBeNull();
      // An extension of unknown decision day counts from the day of the source that reports it.
      const knownFrom = record?.currentDeadlineAsOf ? latestDay(record.currentDeadlineAsOf) : null;
      const chain = record?.extensions ?? [];
      expect(article5DeadlineOn(article5OriginalDeadline(eif(iso3)), chain, far, knownFrom).deadline).toBe(stated);
    },
  );

  const withdrawals = facts.states.filter((s) => s.withdrawal?.deposited && s.withdrawal.effectiveStated);
  it.each(withdrawals.map((s) => [s.iso3, s.withdrawal?.effectiveStated] as const))(
    'withdrawal of %s took effect on %s (Art. 20.3)',
    (iso3) => {
      const withdrawal = facts.states.find((s) => s.iso3 === iso3)?.withdrawal;
      expect(withdrawal && withdrawalEffect(withdrawal).effective).toBe(withdrawal?.effectiveStated);
    },
  );
});

describe('counts the sources state', () => {
  it.each([
    ['2014-08-20', 162, 'Oman, the 162nd State Party (S04)'],
    ['2017-12-13', 163, 'Sri Lanka, the 163rd (S06)'],
    ['2017-12-29', 164, 'State of Palestine, the 164th (S08)'],
    ['2025-03-12', 165, 'Marshall Islands, the 165th (S01)'],
    ['2025-06-25', 166, 'Tonga, the 166th (S11)'],
    ['2026-02-20', 161, 'after five withdrawals took effect (SOURCES.md)'],
  ])('on %s there were %i States Parties: %s', (asOf, count) => {
    expect(engine.summary(d(asOf)).statesParties).toBe(count);
  });

  it('December 2017: 163 States Parties and 34 not party, Sri Lanka the latest (ICRC fact sheet, S00)', () => {
    const summary = engine.summary(d('2017-12-20'));
    expect(summary).toMatchObject({
      statesParties: 163,
      notParty: 34,
      latestToJoin: { iso3: 'LKA', date: '2017-12-13' },
    });
  });

  it('133 States signed before the Convention closed for signature', () => {
    expect(facts.states.filter((s) => s.signature !== null)).toHaveLength(133);
  });

  it('1 March 2018: 33 States had not yet joined (ISU, S29)', () => {
    expect(engine.summary(d('2018-03-01')).notParty).toBe(33);
  });

  it('today five withdrawals are in effect; Ukraine\'s "suspension" is no Article 20 withdrawal', () => {
    expect(engine.summary(d('2026-11-28')).withdrawals).toEqual({
      effective: ['EST', 'FIN', 'LTU', 'LVA', 'POL'],
      pending: [],
    });
    const ukraine = engine.state('UKR', d('2026-11-28'));
    expect(ukraine?.status).toBe('state-party');
    expect(ukraine?.inForce).toBe(true);
    expect(ukraine?.notices).toEqual([
      { kind: 'suspension', date: '2025-07-15', notified: null, sources: ['D56', 'S24', 'S25', 'S16', 'S26', 'S27'] },
    ]);
    expect(engine.state('UKR', d('2025-07-14'))?.notices).toEqual([]);
  });
});
