import { describe, expect, it } from 'vitest';
import type { LedgerEntryJson } from '../api';
import { stateEvidence } from './evidence';
import { earliestDay, latestDay } from './partial-dates';

const base = { id: 1, iso3: 'BLR', notes: '' } as const;
const LEDGER: LedgerEntryJson[] = [
  {
    ...base,
    kind: 'declared',
    date: '2008-04-02',
    quantity: 3_400_000,
    qualifier: 'about',
    mineType: 'PFM-1',
    sources: ['S30'],
  },
  {
    ...base,
    kind: 'declared',
    date: '2007',
    quantity: 3_500_000,
    qualifier: 'about',
    mineType: 'PFM-1',
    sources: ['S29'],
  },
  { ...base, kind: 'stated', date: '2008-11', met: false, sources: ['S337', 'S30'] },
  { ...base, kind: 'completed', from: null, date: '2017-04-05', sources: ['S31'] },
  {
    ...base,
    kind: 'retained',
    year: 2010,
    held: 6030,
    consumed: 0,
    purpose: 'unspecified',
    qualifier: 'exact',
    sources: ['K1'],
  },
];

describe('the sources an Article 4 state rests on', () => {
  it('cites what shows stock after the deadline, and a statement, each source once, known by the date', () => {
    expect(stateEvidence('missed', '2008-03-01', LEDGER, '2026-01-01')).toEqual(['S30', 'S337', 'S31']);
    // On 30 November 2008 the statement of that month is known; the completion of 2017 is not.
    expect(stateEvidence('missed', '2008-03-01', LEDGER, '2008-11-30')).toEqual(['S30', 'S337']);
    expect(stateEvidence('missed', '2008-03-01', LEDGER, '2008-11-29')).toEqual(['S30']);
  });

  it('cites a completion by the deadline for met, the declaration of none for no stockpile, nothing for open', () => {
    expect(stateEvidence('met', '2017-04-05', LEDGER, '2026-01-01')).toEqual(['S31']);
    const none: LedgerEntryJson = { ...base, kind: 'none-held', date: '2003', sources: ['S40'] };
    expect(stateEvidence('no-stockpile', '2007-03-01', [none], '2026-01-01')).toEqual(['S40']);
    expect(stateEvidence('open', '2030-03-01', LEDGER, '2026-01-01')).toEqual([]);
    expect(stateEvidence(null, null, LEDGER, '2026-01-01')).toEqual([]);
  });
});

describe('partial dates', () => {
  it('gives the first and the last day a year or a month may mean', () => {
    expect([earliestDay('2008'), latestDay('2008')]).toEqual(['2008-01-01', '2008-12-31']);
    expect([earliestDay('2024-02'), latestDay('2024-02')]).toEqual(['2024-02-01', '2024-02-29']);
    expect([earliestDay('2017-04-05'), latestDay('2017-04-05')]).toEqual(['2017-04-05', '2017-04-05']);
  });
});
