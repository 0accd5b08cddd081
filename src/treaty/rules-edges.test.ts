// Table tests of the issue-14 rules and of the as-of edges mutation testing found unasserted:
// the day before / the day of each event, month ends and leap years.
import { describe, expect, it } from 'vitest';
import { type CalendarDate, parseDate } from '../core/date.js';
import { type PartialDate, parsePartialDate } from '../core/partial-date.js';
import { STATE_CODES, type StateCode } from '../core/states.js';
import { markReopened } from './article5.js';
import type { Article4Record, Article5Record, StateRecord } from './model.js';
import { TreatyEngine, type TreatyFacts, nameOn } from './status.js';
import { stateRecord } from './test-facts.js';

const d = (text: string): CalendarDate => parseDate(text);
const p = (text: string): PartialDate => parsePartialDate(text);

const named = ['SSD', 'MNE', 'UKR', 'SWZ', 'NGA', 'GNB', 'KHM', 'LKA', 'BLR', 'GRC', 'AGO'];
const early: StateRecord[] = STATE_CODES.filter((c) => !named.includes(c))
  .slice(0, 40)
  .map((code) => stateRecord(code, { signed: '1997-12-03', deposited: '1998-06-29' }));

function engineOf(states: StateRecord[], extra: Partial<TreatyFacts> = {}): TreatyEngine {
  const listed = new Set([...states, ...early].map((s) => s.iso3));
  const rest = STATE_CODES.filter((c) => !listed.has(c)).map((c) => stateRecord(c));
  return new TreatyEngine({
    states: [...early, ...states, ...rest],
    article4: new Map(),
    article5: new Map(),
    ...extra,
  });
}

const a5 = (iso3: StateCode, r: Partial<Article5Record>): Article5Record => ({
  iso3,
  originalDeadlineStated: null,
  extensions: [],
  currentDeadlineStated: null,
  currentDeadlineAsOf: null,
  completed: null,
  notes: '',
  sources: [],
  declarations: [],
  reopenings: [],
  ...r,
});
const a4 = (iso3: StateCode, r: Partial<Article4Record>): Article4Record => ({
  iso3,
  noStockpile: false,
  completed: null,
  afterDeadline: 'unknown',
  notes: '',
  sources: [],
  ...r,
});

describe('succession: effective from the date of succession the Depositary records', () => {
  const ssd: StateRecord = {
    ...stateRecord('SSD', { deposited: '2011-11-11', kind: 'succession' }),
    consent: { kind: 'succession', deposited: d('2011-11-11'), effective: d('2011-07-09'), sources: ['D53'] },
  };
  const mne = stateRecord('MNE', { deposited: '2006-10-23', kind: 'succession' });
  const engine = engineOf([ssd, mne], { article5: new Map([['SSD', a5('SSD', {})]]) });
  it.each([
    ['2011-11-10', 'not-party', null, false],
    ['2011-11-11', 'state-party', '2011-07-09', true],
  ] as const)('South Sudan on %s: %s, in force from %s', (asOf, status, eif, inForce) => {
    const s = engine.state('SSD', d(asOf));
    expect(s?.status).toBe(status);
    expect(s?.entryIntoForce).toBe(eif);
    expect(s?.inForce).toBe(inForce);
  });
  it('Articles 4, 5 and 7 count from the date of succession', () => {
    const s = engine.state('SSD', d('2012-01-01'));
    expect(s?.article4.deadline).toBe('2015-07-09');
    expect(s?.article5.originalDeadline).toBe('2021-07-09');
    expect(s?.article7.initialDue).toBe('2012-01-05');
  });
  it('without a Depositary date, Art. 17.2 applies to the deposit (Montenegro)', () => {
    expect(engine.entryIntoForce('MNE')).toBe('2007-04-01');
  });
  it('successions are not among the 40 instruments of Art. 17.1', () => {
    // 39 ratifications and one succession: no 40th instrument, so no Convention in force.
    const states = early.map((s, i) =>
      i === 0 && s.consent ? { ...s, consent: { ...s.consent, kind: 'succession' as const } } : s,
    );
    const rest = STATE_CODES.filter((c) => !states.some((s) => s.iso3 === c)).map((c) => stateRecord(c));
    const e = new TreatyEngine({ states: [...states, ...rest], article4: new Map(), article5: new Map() });
    expect(e.convention).toBeNull();
    expect(engine.convention?.date).toBe('1998-12-01');
  });
});

describe('as-of edges of the status', () => {
  const lka = stateRecord('LKA', { signed: '1998-01-02', deposited: '2017-12-13', kind: 'accession' });
  const engine = engineOf([lka]);
  it.each([
    ['1998-01-01', 'not-party', null, null, false],
    ['1998-01-02', 'signatory', '1998-01-02', null, false],
    ['2017-12-12', 'signatory', '1998-01-02', null, false],
    ['2017-12-13', 'state-party', '1998-01-02', '2017-12-13', false],
    ['2018-05-31', 'state-party', '1998-01-02', '2017-12-13', false],
    ['2018-06-01', 'state-party', '1998-01-02', '2017-12-13', true],
  ] as const)('on %s: %s, signed %s, consent %s, in force %s', (asOf, status, signed, consent, inForce) => {
    const s = engine.state('LKA', d(asOf));
    expect(s?.status).toBe(status);
    expect(s?.signed).toBe(signed);
    expect(s?.consent?.date ?? null).toBe(consent);
    expect(s?.inForce).toBe(inForce);
  });
  it('inForce counts below statesParties during the six-month wait', () => {
    const during = engine.summary(d('2018-01-01'));
    expect(during.inForce).toBe(during.statesParties - 1);
    const after = engine.summary(d('2018-06-01'));
    expect(after.inForce).toBe(after.statesParties);
  });
  it('a withdrawal notice is not shown before it was received', () => {
    const blr = stateRecord('BLR', {
      deposited: '2003-09-03',
      kind: 'accession',
      withdrawal: { deposited: d('2025-06-27') },
    });
    const e = engineOf([blr]);
    expect(e.state('BLR', d('2025-06-26'))?.withdrawal).toEqual({ notified: null, effective: null, state: 'none' });
    expect(e.state('BLR', d('2025-06-27'))?.withdrawal).toEqual({
      notified: '2025-06-27',
      effective: '2025-12-27',
      state: 'pending',
    });
  });
});

describe('a notice that is not an Article 20 withdrawal', () => {
  const ukr: StateRecord = {
    ...stateRecord('UKR', { signed: '1999-02-24', deposited: '2005-12-27' }),
    notices: [
      {
        kind: 'suspension',
        date: d('2025-07-15'),
        notified: d('2025-07-20'),
        description: '',
        positions: '',
        sources: ['D56'],
      },
    ],
  };
  const engine = engineOf([ukr]);
  it.each([
    ['2025-07-14', []],
    ['2025-07-15', [{ kind: 'suspension', date: '2025-07-15', notified: null, sources: ['D56'] }]],
    ['2025-07-20', [{ kind: 'suspension', date: '2025-07-15', notified: '2025-07-20', sources: ['D56'] }]],
  ] as const)('on %s', (asOf, notices) => {
    const s = engine.state('UKR', d(asOf));
    expect(s?.notices).toEqual(notices);
    expect(s?.status).toBe('state-party');
    expect(s?.withdrawal.state).toBe('none');
  });
  it('changes nothing in the summary', () => {
    expect(engine.summary(d('2026-11-30')).withdrawals).toEqual({ effective: [], pending: [] });
  });
});

describe('names by date', () => {
  const swz: StateRecord = {
    ...stateRecord('SWZ', { deposited: '1998-12-22' }),
    name: 'Eswatini',
    formerNames: [{ name: 'Swaziland', until: d('2018-04-19'), sources: ['D59'] }],
  };
  it.each([
    ['2018-04-18', 'Swaziland'],
    ['2018-04-19', 'Eswatini'],
    ['2026-11-30', 'Eswatini'],
  ])('on %s: %s', (asOf, name) => {
    expect(nameOn(swz, d(asOf))).toBe(name);
    expect(engineOf([swz]).state('SWZ', d(asOf))?.name).toBe(name);
  });
  it('the earliest former name still in use applies', () => {
    const record = {
      ...swz,
      formerNames: [
        { name: 'B', until: d('2010-01-01'), sources: [] },
        { name: 'A', until: d('2000-01-01'), sources: [] },
      ],
    };
    expect(nameOn(record, d('1999-12-31'))).toBe('A');
    expect(nameOn(record, d('2000-01-01'))).toBe('B');
  });
});

describe('completion declared, then re-opened', () => {
  const nga = stateRecord('NGA', { deposited: '2001-09-27', kind: 'accession' });
  const record = a5('NGA', {
    declarations: [{ declared: p('2011-11-29'), sources: ['D37'] }],
    reopenings: [{ reported: p('2019-11'), sources: ['D37'] }],
    extensions: markReopened(
      [{ granted: p('2021-11-19'), deadline: p('2025-12-31'), meeting: '19MSP', sources: ['D38'] }],
      [{ reported: p('2019-11'), sources: [] }],
    ),
  });
  const engine = engineOf([nga], { article5: new Map([['NGA', record]]) });
  it.each([
    ['2011-11-28', '2012-03-01', null, null, 'open'],
    ['2011-11-29', '2012-03-01', '2011-11-29', null, 'met'],
    ['2019-11-29', '2012-03-01', '2011-11-29', null, 'met'],
    ['2019-11-30', null, null, '2019-11', 'unknown'],
    ['2021-11-18', null, null, '2019-11', 'unknown'],
    ['2021-11-19', '2025-12-31', null, '2019-11', 'open'],
  ] as const)('on %s: deadline %s, completed %s, re-opened %s, %s', (asOf, deadline, completed, reopened, state) => {
    const a = engine.state('NGA', d(asOf))?.article5;
    expect(a?.currentDeadline).toBe(deadline);
    expect(a?.completed).toBe(completed);
    expect(a?.reopened).toBe(reopened);
    expect(a?.state).toBe(state);
  });
  it('marks only the first dated decision after the report', () => {
    const chain = markReopened(
      [
        { granted: p('2019-11-29'), deadline: p('2020-01-01') },
        { granted: null, deadline: p('2021-01-01') },
        { granted: p('2019-12-01'), deadline: p('2022-01-01') },
        { granted: p('2021-01-01'), deadline: p('2023-01-01') },
      ],
      [{ reported: p('2019-11'), sources: [] }],
    );
    expect(chain.map((e) => e.kind)).toEqual(['extension', 'extension', 'reopened', 'extension']);
  });
});

describe('deadlines(5) and deadlines(7) on a date', () => {
  const khm = stateRecord('KHM', { deposited: '1999-07-28' });
  const ago = stateRecord('AGO', { deposited: '2002-07-05' });
  const engine = engineOf([khm, ago], {
    article5: new Map([
      [
        'KHM',
        a5('KHM', {
          extensions: [
            { granted: p('2009-12-04'), deadline: p('2020-01-01'), meeting: '2RC', kind: 'extension', sources: ['D3'] },
            {
              granted: p('2025-12-05'),
              deadline: p('2030-12-31'),
              meeting: '22MSP',
              kind: 'extension',
              sources: ['S200'],
            },
          ],
        }),
      ],
      ['AGO', a5('AGO', {})],
    ]),
  });
  it('lists each State with its deadline and the decision that set it, earliest first', () => {
    expect(engine.deadlines(5, d('2025-12-05'))).toEqual([
      { iso3: 'AGO', name: 'AGO', deadline: '2013-01-01', state: 'unknown', decision: null },
      {
        iso3: 'KHM',
        name: 'KHM',
        deadline: '2030-12-31',
        state: 'open',
        decision: { meeting: '22MSP', granted: '2025-12-05', sources: ['S200'] },
      },
    ]);
    expect(engine.deadlines(5, d('2025-12-04')).find((e) => e.iso3 === 'KHM')).toMatchObject({
      deadline: '2020-01-01',
      decision: { meeting: '2RC' },
    });
  });
  it('lists the initial Article 7 report of each State Party, open until its day', () => {
    // Cambodia: in force 1 Jan 2000, report due 180 days later, 29 Jun 2000 (a leap year).
    const entries = engine.deadlines(7, d('2000-06-29')).filter((e) => e.iso3 === 'KHM' || e.iso3 === 'AGO');
    expect(entries).toEqual([{ iso3: 'KHM', name: 'KHM', deadline: '2000-06-29', state: 'open' }]);
    expect(engine.deadlines(7, d('2000-06-30')).find((e) => e.iso3 === 'KHM')?.state).toBe('unknown');
  });
});

describe('Article 4: missed is true, false or null', () => {
  // Deadlines: Greece and Belarus 1 Mar 2008, Angola 1 Jan 2007, Andorra 1 Dec 2002 (this file's
  // Convention is in force from 1 Dec 1998).
  const grc = stateRecord('GRC', { deposited: '2003-09-25' });
  const blr = stateRecord('BLR', { deposited: '2003-09-03', kind: 'accession' });
  const ago = stateRecord('AGO', { deposited: '2002-07-05' });
  const and = stateRecord('AND', { deposited: '1998-06-29' });
  const engine = engineOf([grc, blr, ago, and], {
    article4: new Map([
      ['GRC', a4('GRC', { completed: p('2008-04'), afterDeadline: 'missed' })],
      ['BLR', a4('BLR', { completed: p('2007-12'), afterDeadline: 'met' })],
      ['AGO', a4('AGO', {})],
      ['AND', a4('AND', { noStockpile: true, afterDeadline: 'missed' })],
    ]),
  });
  it.each([
    // A dated completion after the deadline: missed from the day after it, before the completion is known.
    ['GRC', '2008-03-01', null, 'open', null],
    ['GRC', '2008-03-02', true, 'missed', null],
    ['GRC', '2008-04-30', true, 'missed', '2008-04'],
    ['BLR', '2007-12-30', null, 'open', null],
    ['BLR', '2007-12-31', false, 'met', '2007-12'],
    ['BLR', '2008-03-31', false, 'met', '2007-12'],
    ['AGO', '2007-01-01', null, 'open', null],
    ['AGO', '2007-01-02', null, 'unknown', null],
    // No stockpile: nothing to destroy, on every date; the record's other fields are not read.
    ['AND', '1999-03-01', false, 'no-stockpile', null],
    ['AND', '2002-12-02', false, 'no-stockpile', null],
  ] as const)('%s on %s: missed %s (%s, completed %s)', (iso3, asOf, missed, state, completed) => {
    expect(engine.state(iso3, d(asOf))?.article4).toMatchObject({ missed, state, completed });
  });
  it('lists a State with no stockpile among the Article 4 deadlines, with its mark', () => {
    expect(engine.deadlines(4, d('2002-12-02')).find((e) => e.iso3 === 'AND')).toEqual({
      iso3: 'AND',
      name: 'AND',
      deadline: '2002-12-01',
      state: 'no-stockpile',
    });
  });
});

// Engines built inside each test below: what the constructor computes must run where mutation
// testing activates its mutants (a describe-level engine is built while the file loads).
describe('the engine on its own facts', () => {
  const ssd: StateRecord = {
    ...stateRecord('SSD', { deposited: '2011-11-11', kind: 'succession' }),
    consent: { kind: 'succession', deposited: d('2011-11-11'), effective: d('2011-07-09'), sources: ['D53'] },
  };
  it('counts the 40 instruments, not the succession, and gives each State its entry into force', () => {
    const e = engineOf([ssd]);
    expect(e.convention).toEqual({ fortiethDeposit: '1998-06-29', date: '1998-12-01' });
    expect(e.entryIntoForce('SSD')).toBe('2011-07-09');
    expect(e.entryIntoForce(early[0]?.iso3 ?? 'AFG')).toBe('1998-12-01');
    expect(e.entryIntoForce('UKR')).toBeNull();
    expect(e.record('SSD')).toBe(ssd);
    expect(e.state('XXX' as StateCode, d('2020-01-01'))).toBeNull();
  });
  it('binds no State before the 40th instrument, though it has consented', () => {
    const states = STATE_CODES.map((c, i) => stateRecord(c, i < 39 ? { deposited: '1998-06-29' } : {}));
    const e = new TreatyEngine({ states, article4: new Map(), article5: new Map() });
    expect(e.convention).toBeNull();
    expect(e.state(states[0]?.iso3 ?? 'AFG', d('2000-01-01'))).toMatchObject({
      status: 'state-party',
      inForce: false,
      entryIntoForce: null,
      article4: { deadline: null, state: null },
      article5: { originalDeadline: null, state: null },
      article7: { initialDue: null },
    });
    expect(e.deadlines(7, d('2000-01-01'))).toEqual([]);
  });
  it('names the first of those who joined on the latest day', () => {
    expect(engineOf([]).summary(d('1998-07-01')).latestToJoin?.iso3).toBe(early[0]?.iso3);
  });
});

describe("Article 4: after the deadline, the ledger's answer", () => {
  // Greece: in force 1 Mar 2004, deadline 1 Mar 2008; completion known only as March 2008,
  // so the ledger decides by a source's statement (stockpiles/article4.ts).
  const grc = stateRecord('GRC', { deposited: '2003-09-25' });
  it.each([
    ['met', 'met', false],
    ['missed', 'missed', true],
    ['unknown', 'unknown', null],
  ] as const)('recorded %s: %s', (afterDeadline, state, missed) => {
    const e = engineOf([grc], { article4: new Map([['GRC', a4('GRC', { completed: p('2008-03'), afterDeadline })]]) });
    expect(e.state('GRC', d('2008-03-02'))?.article4).toMatchObject({ deadline: '2008-03-01', state, missed });
    expect(e.state('GRC', d('2008-04-01'))?.article4).toMatchObject({ state, missed, completed: '2008-03' });
  });
  it('is open on the deadline day while the completion is not yet known, whatever the record says after it', () => {
    const e = engineOf([grc], {
      article4: new Map([['GRC', a4('GRC', { completed: p('2008-03'), afterDeadline: 'missed' })]]),
    });
    expect(e.state('GRC', d('2008-03-01'))?.article4).toMatchObject({ state: 'open', missed: null, completed: null });
  });
});

describe('Article 5: completions, declarations and re-openings', () => {
  // Angola: in force 1 Jan 2003, original deadline 1 Jan 2013.
  const ago = stateRecord('AGO', { deposited: '2002-07-05' });
  const khm = stateRecord('KHM', { deposited: '1999-07-28' });
  const on = (record: Partial<Article5Record>, asOf: string) =>
    engineOf([ago], { article5: new Map([['AGO', a5('AGO', record)]]) }).state('AGO', d(asOf))?.article5;

  it('a completion recorded without declarations; late, it may have been extended', () => {
    expect(on({ completed: p('2014') }, '2014-12-30')).toMatchObject({ completed: null, state: 'unknown' });
    expect(on({ completed: p('2014') }, '2015-01-01')).toMatchObject({ completed: '2014', state: 'unknown' });
    expect(on({ completed: p('2012') }, '2013-01-01')).toMatchObject({ completed: '2012', state: 'met' });
  });

  it('takes the earliest declaration, in whatever order they are listed', () => {
    const declarations = [
      { declared: p('2020-05-01'), sources: [] },
      { declared: p('2011-11-29'), sources: [] },
    ];
    expect(on({ declarations }, '2021-01-01')).toMatchObject({ completed: '2011-11-29', state: 'met' });
    const reopenings = [
      { reported: p('2019-11-30'), sources: [] },
      { reported: p('2015-02'), sources: [] },
    ];
    expect(on({ reopenings }, '2020-01-01')?.reopened).toBe('2019-11-30');
  });

  it('after a re-opening, counts only a declaration made after the report', () => {
    const declarations = [
      { declared: p('2011-11-29'), sources: [] },
      { declared: p('2024-05-01'), sources: [] },
    ];
    const reopenings = [{ reported: p('2019-11'), sources: [] }];
    const extensions = [{ granted: p('2021-11-19'), deadline: p('2025-12-31'), kind: 'reopened' as const }];
    expect(on({ declarations, reopenings, extensions }, '2024-04-30')).toMatchObject({
      completed: null,
      reopened: '2019-11',
      currentDeadline: '2025-12-31',
      state: 'open',
    });
    expect(on({ declarations, reopenings, extensions }, '2024-05-01')).toMatchObject({
      completed: '2024-05-01',
      state: 'met',
    });
    // A declaration that may fall on the report's day is not known to come after it.
    const sameMonth = [{ declared: p('2019-12'), sources: [] }];
    expect(
      on({ declarations: sameMonth, reopenings: [{ reported: p('2019-12-01'), sources: [] }] }, '2020-01-01')
        ?.completed,
    ).toBeNull();
  });

  it.each([
    ['2011', '2020-01-01', null],
    ['2019-11-30', '2020-01-01', null],
    ['2021', '2022-01-01', '2021'],
  ])(
    'a recorded completion %s against a re-opening reported in November 2019, on %s: %s',
    (completed, asOf, expected) => {
      const reopenings = [{ reported: p('2019-11'), sources: [] }];
      expect(on({ completed: p(completed), reopenings }, asOf)?.completed).toBe(expected);
    },
  );

  it('waits for the decision on newly found areas, whatever extensions came before', () => {
    const record = {
      extensions: [{ granted: p('2012-12-07'), deadline: p('2018-01-01'), kind: 'extension' as const }],
      declarations: [{ declared: p('2015-06-01'), sources: [] }],
      reopenings: [{ reported: p('2019-11'), sources: [] }],
    };
    expect(on(record, '2019-11-29')).toMatchObject({ currentDeadline: '2018-01-01', state: 'met' });
    expect(on(record, '2020-01-01')).toMatchObject({ currentDeadline: null, state: 'unknown', reopened: '2019-11' });
  });

  it('counts an undated extension from the day of the source reporting it', () => {
    const record = { extensions: [{ granted: null, deadline: p('2020-01-01') }], currentDeadlineAsOf: p('2015-12') };
    expect(on(record, '2015-12-30')?.currentDeadline).toBe('2013-01-01');
    expect(on(record, '2015-12-31')?.currentDeadline).toBe('2020-01-01');
  });

  it('lists a deadline not yet known last, and a decision without sources with none', () => {
    const e = engineOf([ago, khm], {
      article5: new Map([
        [
          'AGO',
          a5('AGO', {
            declarations: [{ declared: p('2015-06-01'), sources: [] }],
            reopenings: [{ reported: p('2019-11'), sources: [] }],
          }),
        ],
        ['KHM', a5('KHM', { extensions: [{ granted: p('2009-12-04'), deadline: p('2030-12-31') }] })],
      ]),
    });
    expect(e.deadlines(5, d('2020-01-01'))).toEqual([
      {
        iso3: 'KHM',
        name: 'KHM',
        deadline: '2030-12-31',
        state: 'open',
        decision: { meeting: null, granted: '2009-12-04', sources: [] },
      },
      { iso3: 'AGO', name: 'AGO', deadline: null, state: 'unknown', decision: null },
    ]);
  });
});
