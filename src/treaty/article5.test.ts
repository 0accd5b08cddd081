import { describe, expect, it } from 'vitest';
import { type CalendarDate, parseDate } from '../core/date.js';
import { parsePartialDate } from '../core/partial-date.js';
import {
  article5DeadlineOn,
  article5OriginalDeadline,
  extensionChainProblems,
  extensionsInEffectFrom,
  markReopened,
} from './article5.js';
import type { ExtensionDecision } from './model.js';

const d = (text: string): CalendarDate => parseDate(text);
const chain = (text: string): ExtensionDecision[] =>
  text.split(';').map((token) => {
    const [granted = '?', deadline = '?'] = token.split(':');
    return {
      granted: granted === '?' ? null : parsePartialDate(granted),
      deadline: deadline === '?' ? null : parsePartialDate(deadline),
    };
  });

describe('Art. 5.1: original deadline', () => {
  it.each([
    ['1999-03-01', '2009-03-01'],
    ['2003-03-01', '2013-03-01'],
    ['2006-06-01', '2016-06-01'],
    ['2004-02-01', '2014-02-01'],
  ])('in force %s -> clear by %s', (eif, deadline) => {
    expect(article5OriginalDeadline(d(eif))).toBe(deadline);
  });
});

describe('Art. 5.3-5.6: chains of extensions', () => {
  it.each([
    ['Afghanistan: three grants', '2013-03-01', '2012:2023-03-01;2022:2025-03-01;2024:2030-03-01', []],
    ['exactly ten years', '2009-03-01', '2008:2019-03-01', []],
    ['a day more than ten years', '2009-03-01', '2008:2019-03-02', [0]],
    ['eleven years in the second extension', '2009-03-01', '2008:2014-01-01;2013:2025-01-02', [1]],
    ['a new deadline earlier than the one it replaces', '2013-01-01', '2012:2018-01-01;2017:2016-01-01', [1]],
    ['grants out of order', '2013-01-01', '2017:2018-01-01;2012:2025-12-31', [1]],
    ['unknown dates are not guessed', '2013-07-01', '2012:?;2015:?', []],
    ['partial new deadline', '2010-01-01', '?:2020-01-01;?:2025;2025:2030-12-31', []],
    ['a grant of unknown day after a dated one', '2013-01-01', '2012:2018-01-01;?:2025-01-01', []],
    ['two grants on the same day', '2013-01-01', '2012-12-07:2018-01-01;2012-12-07:2020-01-01', []],
    [
      'an undated grant does not hide the order of those around it',
      '2013-01-01',
      '2017:2018-01-01;?:2020-01-01;2012:2025-12-31',
      [2],
    ],
    ['a deadline after an unknown one is not held to ten years', '2013-07-01', '2012:?;2015:2030-01-01', []],
    ['a deadline after an unknown one, later than the last known', '2013-07-01', '2012:?;2015:2014-01-01', []],
    ['a deadline after an unknown one, on the last known', '2013-07-01', '2012:?;2015:2013-07-01', [1]],
    ['a deadline after two unknown ones, before the last known', '2013-07-01', '2012:?;2014:?;2015:2013-06-30', [2]],
  ])('%s', (_, original, text, faulty) => {
    expect(extensionChainProblems(d(original), chain(text)).map((p) => p.index)).toEqual(faulty);
  });

  it('names what each faulty extension should have been', () => {
    expect(extensionChainProblems(d('2013-01-01'), chain('2017:2018-01-01;2012:2016-01-01;2013:2027-01-02'))).toEqual([
      { index: 1, expected: 'a decision granted no earlier than the previous one (2017)' },
      { index: 1, expected: 'a new deadline later than the one it replaces (2018-01-01)' },
      { index: 2, expected: 'an extension of at most 10 years after 2016-01-01 (Art. 5.3)' },
    ]);
  });

  it('names the last known deadline when the one replaced is not known', () => {
    expect(extensionChainProblems(d('2013-07-01'), chain('2012:?;2015:2013-01-01'))).toEqual([
      { index: 1, expected: 'a new deadline later than 2013-07-01, the last known deadline before it' },
    ]);
  });

  it('does not compare a deadline set after a re-opening with the one before it', () => {
    const reopened = chain('2012:2018-01-01;2021:2016-01-01;2022:2016-06-01').map((e, i) =>
      i === 1 ? { ...e, kind: 'reopened' as const } : e,
    );
    expect(extensionChainProblems(d('2013-01-01'), reopened)).toEqual([]);
    const after = chain('2012:2018-01-01;2021:2016-01-01;2022:2015-06-01').map((e, i) =>
      i === 1 ? { ...e, kind: 'reopened' as const } : e,
    );
    expect(extensionChainProblems(d('2013-01-01'), after).map((p) => p.index)).toEqual([2]);
  });

  const afghanistan = chain('2012:2023-03-01;2022:2025-03-01;2024:2030-03-01');
  it.each([
    ['2012-06-01', '2013-03-01', 0],
    ['2012-12-31', '2023-03-01', 1],
    ['2022-12-30', '2023-03-01', 1],
    ['2022-12-31', '2025-03-01', 2],
    ['2026-01-01', '2030-03-01', 3],
  ])('Afghanistan on %s: deadline %s after %i extensions', (asOf, deadline, count) => {
    const result = article5DeadlineOn(d('2013-03-01'), afghanistan, d(asOf));
    expect(result.deadline).toBe(deadline);
    expect(result.extensions).toHaveLength(count);
  });

  describe('an extension whose decision day is unknown is never back-dated', () => {
    const original = d('2010-03-01');
    it.each([
      // [chain, knownFrom, asOf, deadline, extensions counted, undated]
      ['?:2020-01-01', null, '2010-03-01', '2010-03-01', 0, true],
      ['?:2020-01-01', null, '2099-12-31', '2010-03-01', 0, true],
      ['?:2020-01-01', '2012-05-31', '2012-05-30', '2010-03-01', 0, true],
      ['?:2020-01-01', '2012-05-31', '2012-05-31', '2020-01-01', 1, false],
      // the next decision with a known day: an earlier grant was surely made by then (Art. 5.6)
      ['?:2020-01-01;2019-11-29:2025-12-31', null, '2019-11-28', '2010-03-01', 0, true],
      ['?:2020-01-01;2019-11-29:2025-12-31', null, '2019-11-29', '2025-12-31', 2, false],
      ['?:2020-01-01;2019-11-29:2025-12-31', '2015-12-31', '2015-12-31', '2020-01-01', 1, false],
      ['?:2020-01-01;2019-11-29:2025-12-31', '2015-12-31', '2015-12-30', '2010-03-01', 0, true],
      ['?:2020-01-01;2019-11-29:2025-12-31', '2021-01-01', '2019-11-29', '2025-12-31', 2, false],
      // a known decision waits for an earlier undated one only as long as it must
      ['2008-11-28:2012-01-01;?:2015-01-01', null, '2008-11-27', '2010-03-01', 0, true],
      ['2008-11-28:2012-01-01;?:2015-01-01', null, '2008-11-28', '2012-01-01', 1, true],
      ['2008-11-28:2012-01-01;?:2015-01-01', null, '2030-01-01', '2012-01-01', 1, true],
    ] as const)('%s known from %s, on %s: %s (%i counted)', (text, knownFrom, asOf, deadline, count, undated) => {
      const result = article5DeadlineOn(original, chain(text), d(asOf), knownFrom === null ? null : d(knownFrom));
      expect(result.deadline).toBe(deadline);
      expect(result.extensions).toHaveLength(count);
      expect(result.undated).toBe(undated);
    });
  });

  describe('a decision takes effect on the day the meeting decided it', () => {
    // 12MSP decided Afghanistan's request on Friday 7 Dec 2012; leap day and month ends around it.
    it.each([
      ['2012-12-06', '2013-03-01'],
      ['2012-12-07', '2023-03-01'],
      ['2012-12-31', '2023-03-01'],
    ])('on %s: %s', (asOf, deadline) => {
      expect(article5DeadlineOn(d('2013-03-01'), chain('2012-12-07:2023-03-01'), d(asOf)).deadline).toBe(deadline);
    });
    it.each([
      ['2012-02', '2012-02-28', '2013-03-01'],
      ['2012-02', '2012-02-29', '2023-03-01'],
      ['2011-02', '2011-02-28', '2023-03-01'],
      ['2012', '2012-12-30', '2013-03-01'],
      ['2012', '2012-12-31', '2023-03-01'],
    ])('a decision known only as %s counts from its last day: on %s %s', (granted, asOf, deadline) => {
      expect(article5DeadlineOn(d('2013-03-01'), chain(`${granted}:2023-03-01`), d(asOf)).deadline).toBe(deadline);
    });
    it('an extension that keeps the same deadline still counts as granted', () => {
      const result = article5DeadlineOn(d('2013-03-01'), chain('2012-12-07:2013-03-01'), d('2012-12-07'));
      expect(result.extensions).toHaveLength(1);
      expect(result.deadline).toBe('2013-03-01');
      expect(extensionChainProblems(d('2013-03-01'), chain('2012-12-07:2013-03-01')).map((p) => p.index)).toEqual([0]);
    });
  });

  describe('the first day each extension is surely in effect', () => {
    it.each([
      // [chain, knownFrom, days]
      ['2012:2023-03-01;2022:2025-03-01', null, ['2012-12-31', '2022-12-31']],
      ['?:2020-01-01', null, [null]],
      ['?:2020-01-01;?:2022-01-01', null, [null, null]],
      ['2008-11-28:2012-01-01;?:2015-01-01;?:2016-01-01', null, ['2008-11-28', null, null]],
      ['?:2020-01-01;?:2022-01-01;2019-11-29:2025-12-31', null, ['2019-11-29', '2019-11-29', '2019-11-29']],
      // never before the extension granted before it (Art. 5.6)
      ['2015-01-01:2020-01-01;?:2022-01-01', '2012-01-01', ['2015-01-01', '2015-01-01']],
      ['2015-01-01:2020-01-01;?:2022-01-01', '2016-01-01', ['2015-01-01', '2016-01-01']],
      ['2015-01-01:2020-01-01;2014-06-30:2022-01-01', null, ['2015-01-01', '2015-01-01']],
    ] as const)('%s known from %s: %j', (text, knownFrom, days) => {
      expect(extensionsInEffectFrom(chain(text), knownFrom === null ? null : d(knownFrom))).toEqual(days);
    });
    it('an undated extension between dated ones counts from the next dated decision', () => {
      const result = article5DeadlineOn(
        d('2010-03-01'),
        chain('?:2020-01-01;?:2022-01-01;2019-11-29:2025-12-31'),
        d('2019-11-29'),
      );
      expect(result).toEqual({
        deadline: '2025-12-31',
        extensions: chain('?:2020-01-01;?:2022-01-01;2019-11-29:2025-12-31'),
        undated: false,
      });
    });
  });

  describe('the decision that set the deadline after a re-opening', () => {
    const decisions = chain('2019-11-29:2020-01-01;2019-12-01:2022-01-01;2021-01-01:2023-01-01');
    it.each([
      ['2019-11-28', ['reopened', 'extension', 'extension']],
      ['2019-11-29', ['extension', 'reopened', 'extension']],
      ['2019-11', ['extension', 'reopened', 'extension']],
      ['2020', ['extension', 'extension', 'reopened']],
      ['2021', ['extension', 'extension', 'extension']],
    ])('reported %s: %j', (reported, kinds) => {
      const marked = markReopened(decisions, [{ reported: parsePartialDate(reported), sources: [] }]);
      expect(marked.map((e) => e.kind)).toEqual(kinds);
    });
  });

  it('the deadline is unknown once an extension with an unknown new date is granted', () => {
    expect(article5DeadlineOn(d('2013-07-01'), chain('2012:?;2015:?'), d('2016-01-01')).deadline).toBeNull();
  });
});
