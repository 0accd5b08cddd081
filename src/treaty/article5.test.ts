import { describe, expect, it } from 'vitest';
import { type CalendarDate, parseDate } from '../core/date.js';
import { parsePartialDate } from '../core/partial-date.js';
import { article5DeadlineOn, article5OriginalDeadline, extensionChainProblems } from './article5.js';
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
  ])('%s', (_, original, text, faulty) => {
    expect(extensionChainProblems(d(original), chain(text)).map((p) => p.index)).toEqual(faulty);
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

  it('an extension of unknown date counts from the deadline it replaced', () => {
    const result = article5DeadlineOn(d('2010-03-01'), chain('?:2020-01-01'), d('2010-03-01'));
    expect(result.deadline).toBe('2020-01-01');
    expect(article5DeadlineOn(d('2010-03-01'), chain('?:2020-01-01'), d('2010-02-28')).deadline).toBe('2010-03-01');
  });

  it('the deadline is unknown once an extension with an unknown new date is granted', () => {
    expect(article5DeadlineOn(d('2013-07-01'), chain('2012:?;2015:?'), d('2016-01-01')).deadline).toBeNull();
  });
});
