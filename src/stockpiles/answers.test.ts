import { describe, expect, it } from 'vitest';
import { parseDate } from '../core/date.js';
import type { StateCode } from '../core/states.js';
import { stateRecord } from '../treaty/test-facts.js';
import { globalStockpiles, holdsStock, remainingHistory, stateStockpile, stockpilesByState } from './answers.js';
import type { LedgerEntry } from './model.js';
import { ledger, testEngine } from './test-ledgers.js';

const d = parseDate;
// Deposits in 2003 and 2005: in force 1 Mar 2004 / 1 Jun 2006; deadlines 1 Mar 2008 / 1 Jun 2010.
const engine = testEngine([
  stateRecord('GRC', { signed: '1997-12-03', deposited: '2003-09-25' }),
  stateRecord('BLR', { deposited: '2003-09-03', kind: 'accession' }),
  stateRecord('UKR', { signed: '1999-02-24', deposited: '2005-12-27' }),
  stateRecord('PSE', { deposited: '2017-12-29', kind: 'accession' }),
  stateRecord('OMN', { deposited: '2014-08-20', kind: 'accession' }),
]);
const ledgers = new Map<StateCode, LedgerEntry[]>([
  [
    'BLR',
    [
      ledger('BLR').declared('2008-04-02', 3_400_000, 'PFM-1'),
      ledger('BLR').destroyed('2017-04-05', 3_400_000),
      ledger('BLR').completed('2017-04-05'),
    ],
  ],
  ['GRC', [ledger('GRC').stated('2008-04-02', false), ledger('GRC').declared('2024-06', 325_413)]],
  ['UKR', [ledger('UKR').declared('2009-05', 5_950_000, 'PFM'), ledger('UKR').declared('2009-05', 149_096, 'POM-2')]],
  ['PSE', [ledger('PSE').noneHeld('2018-11-29')]],
  [
    'OMN',
    [
      ledger('OMN').declared('2015', 17_260),
      ledger('OMN').completed('2018-09-25'),
      ledger('OMN').retained(2016, 2000),
      ledger('OMN').retained(2017, 2000),
      ledger('OMN').retained(2018, 2000),
    ],
  ],
]);

describe('stateStockpile: one State on a date', () => {
  it('Belarus: missed in 2008, completed in 2017, still missed', () => {
    const blr = stateStockpile(engine, 'BLR', ledgers.get('BLR') ?? [], d('2018-03-01'));
    expect(blr).toMatchObject({
      iso3: 'BLR',
      deadline: '2008-03-01',
      state: 'missed',
      completed: '2017-04-05',
      remaining: 0,
      declared: { date: '2008-04-02', quantity: 3_400_000, source: 'S30' },
    });
    expect(blr?.destroyed).toHaveLength(1);
  });
  it('Belarus before its completion: missed and holding, the completion not shown yet', () => {
    const blr = stateStockpile(engine, 'BLR', ledgers.get('BLR') ?? [], d('2010-01-01'));
    expect(blr).toMatchObject({ state: 'missed', completed: null, remaining: 3_400_000, destroyed: [] });
  });
  it('Ukraine: the declarations of one date add up', () => {
    expect(stateStockpile(engine, 'UKR', ledgers.get('UKR') ?? [], d('2010-06-02'))).toMatchObject({
      deadline: '2010-06-01',
      state: 'missed',
      remaining: 6_099_096,
    });
  });
  it('Oman: met, and the retained number flagged after three constant years', () => {
    const omn = stateStockpile(engine, 'OMN', ledgers.get('OMN') ?? [], d('2019-01-01'));
    expect(omn).toMatchObject({
      state: 'met',
      completed: '2018-09-25',
      retainedFlag: { from: 2016, to: 2018, held: 2000 },
    });
    expect(omn?.retained.map((r) => r.change)).toEqual([null, 0, 0]);
  });
  it('no deadline and no state before a State is bound', () => {
    expect(stateStockpile(engine, 'PSE', [], d('2017-01-01'))).toMatchObject({ deadline: null, state: null });
  });
});

describe('holdsStock', () => {
  it('sees stock held before a later declaration of it (stocks only shrink)', () => {
    expect(holdsStock(ledgers.get('GRC') ?? [], d('2008-03-01'), d('2010-01-01'))).toBe(true);
  });
  it('sees none after completion', () => {
    expect(holdsStock(ledgers.get('BLR') ?? [], d('2008-03-01'), d('2017-04-05'))).toBe(false);
  });
});

describe('globalStockpiles', () => {
  it('counts the States Parties on the date and sums the sourced destructions', () => {
    const reported = {
      value: 53_000_000,
      qualifier: 'more than' as const,
      source: 'S32',
      period: '2017-12',
      published: d('2017-12-31'),
    };
    const g = globalStockpiles(engine, ledgers, d('2018-03-01'), reported);
    expect(g).toMatchObject({
      asOf: '2018-03-01',
      statesParties: 45,
      noStockpile: 1, // Palestine's declaration of none is a fact from the day it became a party
      completed: 1,
      holding: ['GRC', 'OMN', 'UKR'], // Oman completed in September 2018
      missed: ['BLR', 'GRC', 'UKR'],
      destroyedTotal: 3_400_000,
      reportedDestroyed: reported,
    });
    const later = globalStockpiles(engine, ledgers, d('2019-01-01'), null);
    expect(later).toMatchObject({ noStockpile: 1, completed: 2, holding: ['GRC', 'UKR'] });
  });
});

describe('remainingHistory: the points of the chart against the deadline', () => {
  it('gives the remaining stock on each day an entry changes it, then on the date', () => {
    expect(remainingHistory(ledgers.get('BLR') ?? [], d('2026-01-01'))).toEqual([
      { date: '2008-04-02', remaining: 3_400_000 },
      { date: '2017-04-05', remaining: 0 },
      { date: '2026-01-01', remaining: 0 },
    ]);
    // On the day before the destruction, that entry is not yet known.
    expect(remainingHistory(ledgers.get('BLR') ?? [], d('2017-04-04'))).toEqual([
      { date: '2008-04-02', remaining: 3_400_000 },
      { date: '2017-04-04', remaining: 3_400_000 },
    ]);
    expect(remainingHistory(ledgers.get('BLR') ?? [], d('2008-04-01'))).toEqual([]);
  });
});

describe('stockpilesByState: the map and the chart', () => {
  it('gives each State its Article 4 state (null where not bound) and the destructions by year', () => {
    const byState = stockpilesByState(engine, ledgers, d('2018-03-01'));
    const state = (iso3: string) => byState.states.find((s) => s.iso3 === iso3)?.state;
    expect(state('BLR')).toBe('missed');
    expect(state('PSE')).toBe('no-stockpile');
    expect(state('OMN')).toBe('open');
    expect(byState.destroyedByYear).toEqual([{ year: 2017, quantity: 3_400_000, entries: 1 }]);
    expect(stockpilesByState(engine, ledgers, d('2017-04-04')).destroyedByYear).toEqual([]);
    expect(stockpilesByState(engine, ledgers, d('2017-04-05')).destroyedByYear).toHaveLength(1);
  });
});
