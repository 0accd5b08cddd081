import { describe, expect, it } from 'vitest';
import { parseDate } from '../core/date.js';
import { stateRecord } from '../treaty/test-facts.js';
import { entryProblems, ledgerProblems } from './checks.js';
import type { LedgerEntry } from './model.js';
import { ledger, testEngine } from './test-ledgers.js';

const l = ledger('GRC');
// Greece: deposit 25 Sep 2003, in force 1 Mar 2004.
const engine = testEngine([stateRecord('GRC', { signed: '1997-12-03', deposited: '2003-09-25' })]);
const fields = (entries: LedgerEntry[], options = {}) =>
  ledgerProblems(entries, options).map((p) => `${p.index}:${p.field}`);

describe('entryProblems: one entry on its own', () => {
  it('accepts a well-formed entry', () => {
    expect(entryProblems(l.destroyed('2005-06-30', 300, '2005-01'))).toEqual([]);
  });
  it.each([
    ['a negative quantity', { ...l.destroyed('2005', 1), quantity: -1 }, 'quantity'],
    ['a quantity that is not whole', { ...l.declared('2005', 1), quantity: 2.5 }, 'quantity'],
    ['an unknown mine type', { ...l.declared('2005', 1), mineType: 'XM-99' }, 'type'],
    ['an impossible date', { ...l.destroyed('2005', 1), date: '2005-02-30' }, 'date'],
    ['a date before 1997', l.destroyed('1996', 1), 'date'],
    ['a period that ends before it starts', l.destroyed('2005-01', 1, '2005-06'), 'from'],
    ['found stock destroyed before it was reported', l.found('2010-05-01', 3, '2010-04-30'), 'destroyed'],
    ['a retained count with no year', { ...l.retained(2010, 5), year: Number.NaN }, 'year'],
    ['a retained count that is negative', l.retained(2010, -5), 'held'],
    ['no source', { ...l.completed('2005'), sources: [] }, 'sources'],
    ['an unknown qualifier', { ...l.declared('2005', 1), qualifier: 'roughly' }, 'qualifier'],
    ['an unknown purpose', { ...l.retained(2010, 5), purpose: 'stock' }, 'purpose'],
  ])('names %s', (_name, entry, field) => {
    expect(entryProblems(entry as LedgerEntry, 4)).toEqual([expect.objectContaining({ index: 4, field })]);
  });
});

describe('ledgerProblems: the ledger of one State', () => {
  it('accepts a consistent ledger', () => {
    const entries = [l.declared('2005', 10), l.destroyed('2006', 10), l.retained(2006, 5), l.completed('2006')];
    expect(fields(entries, { engine, asOf: parseDate('2010-01-01') })).toEqual([]);
  });
  it('refuses a destruction dated before the first declared stock', () => {
    expect(fields([l.declared('2006-05-01', 10), l.destroyed('2006-04-30', 5)])).toEqual(['1:date']);
  });
  it('refuses more mines destroyed than held', () => {
    expect(fields([l.declared('2005', 10), l.destroyed('2006', 6), l.transferred('2007', 6)])).toEqual(['2:quantity']);
  });
  it('refuses stock beside a declaration that none was held', () => {
    expect(fields([l.noneHeld('2005'), l.destroyed('2006', 6)])).toEqual(['0:kind', '1:kind']);
  });
  it('refuses two retained counts for one year and purpose', () => {
    expect(fields([l.retained(2006, 5), l.retained(2006, 4)])).toEqual(['1:year']);
  });
  it('refuses an entry after the as-of date of the import', () => {
    expect(fields([l.declared('2005', 10), l.destroyed('2011-01-01', 5)], { asOf: parseDate('2010-12-31') })).toEqual([
      '1:date',
    ]);
  });
  it('refuses an entry dated when the State was not a State Party', () => {
    expect(fields([l.declared('2003-09-24', 10)], { engine })).toEqual(['0:date']);
    expect(fields([l.declared('2003-09-25', 10)], { engine })).toEqual([]);
    expect(fields([l.retained(2002, 10)], { engine })).toEqual(['0:year']);
  });
  it('accepts a statement by a source whatever its date', () => {
    expect(fields([l.stated('2001-01-01', false)], { engine })).toEqual([]);
  });
});
