import { describe, expect, it } from 'vitest';
import { parseDate } from '../core/date.js';
import { parsePartialDate } from '../core/partial-date.js';
import { deadlineState } from './completion.js';

const mark = (
  deadline: string,
  asOf: string,
  extra: { completed?: string; statedMet?: boolean; completeUntil?: string; extendable?: boolean } = {},
): string =>
  deadlineState({
    deadline: parseDate(deadline),
    asOf: parseDate(asOf),
    completed: extra.completed ? parsePartialDate(extra.completed) : null,
    statedMet: extra.statedMet ?? null,
    completeUntil: extra.completeUntil ? parseDate(extra.completeUntil) : null,
    extendable: extra.extendable ?? false,
  });

describe('met, missed, open or unknown', () => {
  it.each([
    ['before the deadline, nothing done', mark('2008-03-01', '2008-02-01'), 'open'],
    ['on the deadline day itself ("no later than")', mark('2008-03-01', '2008-03-01'), 'open'],
    ['the day after, nothing known', mark('2008-03-01', '2008-03-02'), 'unknown'],
    ['the day after, a source says missed', mark('2008-03-01', '2008-03-02', { statedMet: false }), 'missed'],
    ['completed on the deadline day', mark('2008-03-01', '2009-01-01', { completed: '2008-03-01' }), 'met'],
    ['completed in the month before', mark('2008-04-01', '2009-01-01', { completed: '2008-03' }), 'met'],
    [
      "completed in the deadline's month: cannot tell",
      mark('2008-03-15', '2009-01-01', { completed: '2008-03' }),
      'unknown',
    ],
    [
      'completed years late (Article 4, no extensions)',
      mark('2008-03-01', '2018-01-01', { completed: '2011' }),
      'missed',
    ],
    [
      'completed late with an extension possibly missing (Article 5)',
      mark('2009-03-01', '2018-01-01', { completed: '2013', extendable: true }),
      'unknown',
    ],
    [
      'completed late, the record complete up to then (Article 5)',
      mark('2009-03-01', '2018-01-01', { completed: '2013', extendable: true, completeUntil: '2014-01-01' }),
      'missed',
    ],
    [
      'deadline passed before the source date, not completed',
      mark('2016-06-01', '2017-01-01', { extendable: true, completeUntil: '2020-11-20' }),
      'missed',
    ],
    [
      'deadline passed after the source date',
      mark('2023-12-01', '2026-01-01', { extendable: true, completeUntil: '2020-11-20' }),
      'unknown',
    ],
    [
      'completion not yet known on the date',
      mark('2008-03-01', '2010-01-01', { completed: '2011', statedMet: false }),
      'missed',
    ],
  ])('%s', (_, actual, expected) => {
    expect(actual).toBe(expected);
  });
});
