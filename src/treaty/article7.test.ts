import { describe, expect, it } from 'vitest';
import { parseDate } from '../core/date.js';
import { annualReportDue, initialReportDue, nextAnnualReportYear } from './article7.js';

describe('Art. 7.1: initial report, 180 days after entry into force', () => {
  it.each([
    ['1999-03-01', '1999-08-28', 'no leap day'],
    ['2000-03-01', '2000-08-28', 'leap year, after February'],
    ['2000-01-01', '2000-06-29', 'leap year, across 29 February'],
    ['1999-09-01', '2000-02-28', 'into a leap February'],
    ['1999-10-01', '2000-03-29', 'across 29 February 2000'],
    ['2018-06-01', '2018-11-28', 'Sri Lanka and the State of Palestine'],
    ['2025-12-01', '2026-05-30', 'Tonga, year roll-over'],
  ])('in force %s -> due %s (%s)', (eif, due) => {
    expect(initialReportDue(parseDate(eif))).toBe(due);
  });
});

describe('Art. 7.2: annual report due 30 April, covering the previous calendar year', () => {
  it('report on 2017 is due on 30 April 2018', () => {
    expect(annualReportDue(2017)).toBe('2018-04-30');
  });
  it.each([
    ['2018-01-01', 2017],
    ['2018-04-30', 2017],
    ['2018-05-01', 2018],
    ['2018-12-31', 2018],
  ])('on %s the next report due covers %i', (asOf, year) => {
    expect(nextAnnualReportYear(parseDate(asOf))).toBe(year);
  });
});
