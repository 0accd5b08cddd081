import { describe, expect, it } from 'vitest';
import { parseDate } from '../core/date.js';
import { parsePartialDate } from '../core/partial-date.js';
import { completedBy, deadlineState } from './completion.js';
import type { DeadlineState } from './model.js';

type Extra = { completed?: string; statedMet?: boolean; completeUntil?: string; extendable?: boolean };

// Rows hold the inputs, not the result: the rule must run inside the test, where mutation testing
// (Stryker, runtime activation) can change it; a value computed while the table is built cannot fail.
const mark = (deadline: string, asOf: string, extra: Extra = {}): DeadlineState =>
  deadlineState({
    deadline: parseDate(deadline),
    asOf: parseDate(asOf),
    completed: extra.completed ? parsePartialDate(extra.completed) : null,
    statedMet: extra.statedMet ?? null,
    completeUntil: extra.completeUntil ? parseDate(extra.completeUntil) : null,
    extendable: extra.extendable ?? false,
  });

describe('met, missed, open or unknown', () => {
  it.each<[string, string, string, Extra, DeadlineState]>([
    ['before the deadline, nothing done', '2008-03-01', '2008-02-01', {}, 'open'],
    ['on the deadline day itself ("no later than")', '2008-03-01', '2008-03-01', {}, 'open'],
    ['the day after, nothing known', '2008-03-01', '2008-03-02', {}, 'unknown'],
    ['the day after, a source says missed', '2008-03-01', '2008-03-02', { statedMet: false }, 'missed'],
    ['completed on the deadline day', '2008-03-01', '2009-01-01', { completed: '2008-03-01' }, 'met'],
    ['completed the day after the deadline', '2008-03-01', '2009-01-01', { completed: '2008-03-02' }, 'missed'],
    ['completed in the month before', '2008-04-01', '2009-01-01', { completed: '2008-03' }, 'met'],
    ["completed in the deadline's month: cannot tell", '2008-03-15', '2009-01-01', { completed: '2008-03' }, 'unknown'],
    [
      'completed in a month whose first day is the deadline: cannot tell',
      '2008-03-01',
      '2009-01-01',
      { completed: '2008-03' },
      'unknown',
    ],
    [
      "completed in the deadline's month, a source says met",
      '2008-03-15',
      '2009-01-01',
      { completed: '2008-03', statedMet: true },
      'met',
    ],
    [
      "completed in the deadline's month, a source says missed",
      '2008-03-15',
      '2009-01-01',
      { completed: '2008-03', statedMet: false },
      'missed',
    ],
    [
      "completed in the deadline's month, the record complete beyond it: still cannot tell",
      '2008-03-15',
      '2009-01-01',
      { completed: '2008-03', extendable: true, completeUntil: '2008-12-31' },
      'unknown',
    ],
    [
      'a source says met, but the completion is not yet known on the date',
      '2008-03-01',
      '2010-01-01',
      { completed: '2011', statedMet: true },
      'unknown',
    ],
    ['completed years late (Article 4, no extensions)', '2008-03-01', '2018-01-01', { completed: '2011' }, 'missed'],
    [
      'completed late with an extension possibly missing (Article 5)',
      '2009-03-01',
      '2018-01-01',
      { completed: '2013', extendable: true },
      'unknown',
    ],
    [
      'completed late, the record complete up to then (Article 5)',
      '2009-03-01',
      '2018-01-01',
      { completed: '2013', extendable: true, completeUntil: '2014-01-01' },
      'missed',
    ],
    [
      'completed late, the record complete up to its first possible day (Article 5)',
      '2009-03-01',
      '2018-01-01',
      { completed: '2013', extendable: true, completeUntil: '2013-01-01' },
      'missed',
    ],
    [
      'completed late, the record complete only up to the day before (Article 5)',
      '2009-03-01',
      '2018-01-01',
      { completed: '2013', extendable: true, completeUntil: '2012-12-31' },
      'unknown',
    ],
    [
      'deadline passed before the source date, not completed',
      '2016-06-01',
      '2017-01-01',
      { extendable: true, completeUntil: '2020-11-20' },
      'missed',
    ],
    [
      'deadline passed on the source date itself, not completed',
      '2020-11-20',
      '2021-01-01',
      { extendable: true, completeUntil: '2020-11-20' },
      'unknown',
    ],
    [
      'deadline passed after the source date',
      '2023-12-01',
      '2026-01-01',
      { extendable: true, completeUntil: '2020-11-20' },
      'unknown',
    ],
    [
      'completion not yet known on the date',
      '2008-03-01',
      '2010-01-01',
      { completed: '2011', statedMet: false },
      'missed',
    ],
  ])('%s', (_, deadline, asOf, extra, expected) => {
    expect(mark(deadline, asOf, extra)).toBe(expected);
  });
});

describe('a completion known on a date', () => {
  it.each([
    ['2008-03-15', '2008-03-14', null],
    ['2008-03-15', '2008-03-15', '2008-03-15'],
    ['2008-03', '2008-03-30', null],
    ['2008-03', '2008-03-31', '2008-03'],
    ['2008', '2008-12-30', null],
    ['2008', '2008-12-31', '2008'],
  ])('completed %s, on %s: %s', (completed, asOf, expected) => {
    expect(completedBy(parsePartialDate(completed), parseDate(asOf))).toBe(expected);
  });
  it('none recorded', () => {
    expect(completedBy(null, parseDate('2030-01-01'))).toBeNull();
  });
});
