import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CalendarDate, daysBetween, daysInMonth, fromParts, parseDate, toParts } from '../core/date.js';
import {
  consentEntryIntoForce,
  conventionEntryIntoForce,
  entryIntoForce,
  firstDayOfSixthMonthAfter,
} from './entry-into-force.js';

const d = (text: string): CalendarDate => parseDate(text);

// The real sequence: the 40th instrument was deposited on 16 Sep 1998 (two deposits that day).
const convention = { fortiethDeposit: d('1998-09-16'), date: d('1999-03-01') };

describe('Art. 17.1: the Convention itself', () => {
  it('enters into force on the first day of the sixth month after the month of the 40th deposit', () => {
    const deposits = Array.from({ length: 39 }, () => d('1998-03-01')).concat([
      d('1998-09-16'),
      d('1998-09-16'),
      d('1998-10-01'),
    ]);
    expect(conventionEntryIntoForce(deposits)).toEqual(convention);
  });

  it('counts the 40th deposit in date order, whatever the order given', () => {
    const deposits = [d('1998-10-01'), d('1998-09-16')].concat(Array.from({ length: 39 }, () => d('1998-03-01')));
    expect(conventionEntryIntoForce(deposits)).toEqual(convention);
    const shuffled = Array.from({ length: 41 }, (_, i) =>
      d(`1998-${String((i % 12) + 1).padStart(2, '0')}-01`),
    ).reverse();
    // 41 deposits on the 1st of each month of 1998: the 40th in date order is 1 December.
    expect(conventionEntryIntoForce(shuffled)).toEqual({ fortiethDeposit: '1998-12-01', date: '1999-06-01' });
  });

  it('is not in force before 40 deposits', () => {
    expect(conventionEntryIntoForce(Array.from({ length: 39 }, () => d('1998-03-01')))).toBeNull();
  });
});

describe('Art. 17.1 and 17.2: entry into force for a State', () => {
  it.each([
    ['1997-12-03', '1999-03-01', 'first day of signature (17.1)'],
    ['1998-09-16', '1999-03-01', 'the day of the 40th deposit (17.1)'],
    ['1998-09-17', '1999-03-01', 'the day after the 40th: 17.2 gives 1 March 1999 too'],
    ['1998-10-01', '1999-04-01', 'on the 1st'],
    ['1998-12-31', '1999-06-01', 'on the 31st of December'],
    ['1999-02-25', '1999-08-01', 'before 1 March 1999 but after the 40th (17.2)'],
    ['2002-09-11', '2003-03-01', 'Afghanistan'],
    ['2017-12-13', '2018-06-01', 'Sri Lanka, December roll-over'],
    ['2017-12-29', '2018-06-01', 'State of Palestine'],
    ['2025-06-25', '2025-12-01', 'Tonga'],
    ['2003-08-31', '2004-02-01', 'on the 31st, into a leap February'],
    ['2023-07-31', '2024-01-01', 'on the 31st of July, year roll-over'],
    ['2024-02-29', '2024-08-01', 'on 29 February'],
  ])('deposit %s -> in force %s (%s)', (deposit, expected) => {
    expect(entryIntoForce(d(deposit), convention)).toBe(expected);
  });

  it.each([
    ['ratification', '2011-11-11', null, '2012-05-01'],
    ['accession', '2011-11-11', '2011-07-09', '2012-05-01'],
    ['succession', '2011-11-11', '2011-07-09', '2011-07-09'],
    ['succession', '2006-10-23', null, '2007-04-01'],
    ['succession', '2006-10-23', undefined, '2007-04-01'],
  ] as const)('%s deposited %s, effective %s recorded: in force %s', (kind, deposited, effective, expected) => {
    const consent = { kind, deposited: d(deposited), effective: effective == null ? effective : d(effective) };
    expect(consentEntryIntoForce(consent, convention)).toBe(expected);
  });

  const laterDeposits = fc
    .record({
      year: fc.integer({ min: 1998, max: 2100 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    })
    .map(({ year, month, day }) => fromParts({ year, month, day: Math.min(day, daysInMonth(year, month)) }))
    .filter((date) => date > convention.fortiethDeposit);

  it('is always the first day of a month, five to six months after a later deposit', () => {
    fc.assert(
      fc.property(laterDeposits, (deposit) => {
        const eif = entryIntoForce(deposit, convention);
        expect(toParts(eif).day).toBe(1);
        const days = daysBetween(deposit, eif);
        expect(days).toBeGreaterThanOrEqual(151); // 31 Aug -> 1 Feb (non-leap): 5 months and a day
        expect(days).toBeLessThanOrEqual(184);
        expect(eif).toBe(firstDayOfSixthMonthAfter(deposit));
      }),
    );
  });
});
