import { describe, expect, it } from 'vitest';
import { type CalendarDate, parseDate } from '../core/date.js';
import { parsePartialDate } from '../core/partial-date.js';
import { foundAfterDeadline, foundStockDue, foundStockState } from './found.js';
import { ledger } from './test-ledgers.js';

const d = (text: string): CalendarDate => parseDate(text);
const l = ledger('GRC');

describe('foundStockDue: report date + six months', () => {
  it.each([
    ['2019-08-31', '2020-02-29'], // six months from 31 August in a leap year
    ['2018-08-31', '2019-02-28'],
    ['2019-03-15', '2019-09-15'],
    ['2019-12-31', '2020-06-30'],
    ['2019-08', '2020-02-29'], // known by its month: its last day
    ['2019', '2020-06-30'],
  ])('reported %s: due %s', (reported, due) => {
    expect(foundStockDue(parsePartialDate(reported))).toBe(due);
  });
});

describe('foundStockState', () => {
  const due = d('2020-02-29');
  it.each([
    [null, '2020-02-29', 'open'],
    [null, '2020-03-01', 'unknown'],
    ['2020-02-29', '2020-03-01', 'met'],
    ['2020-02-29', '2020-02-28', 'open'],
    ['2020-03-01', '2020-03-01', 'missed'],
    ['2020-03-01', '2020-02-29', 'open'],
    ['2020-03-01', '2020-02-29', 'open'],
    ['2020-02', '2021-01-01', 'met'],
    ['2020', '2021-01-01', 'unknown'],
  ])('destroyed %s, asked %s: %s', (destroyed, asOf, state) => {
    expect(foundStockState(destroyed === null ? null : parsePartialDate(destroyed), due, d(asOf))).toBe(state);
  });
});

describe('foundAfterDeadline', () => {
  const deadline = d('2008-03-01');
  it('leaves out stock found on the deadline day (the deadline covers it)', () => {
    expect(foundAfterDeadline([l.found('2008-03-01', 5)], deadline, d('2009-01-01'))).toEqual([]);
  });
  it('lists stock found the day after, from its report on', () => {
    const entries = [l.found('2008-03-02', 5, '2008-06-01')];
    expect(foundAfterDeadline(entries, deadline, d('2008-03-01'))).toEqual([]);
    const [found] = foundAfterDeadline(entries, deadline, d('2008-04-01'));
    expect(found).toMatchObject({ due: '2008-09-02', destroyed: null, state: 'open' });
    expect(foundAfterDeadline(entries, deadline, d('2008-06-01'))[0]).toMatchObject({
      destroyed: '2008-06-01',
      state: 'met',
    });
  });
  it('is empty for a State not bound by Article 4', () => {
    expect(foundAfterDeadline([l.found('2009-01-01', 5)], null, d('2010-01-01'))).toEqual([]);
  });
});
