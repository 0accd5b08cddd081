import { describe, expect, it } from 'vitest';
import { parseDate } from '../core/date.js';
import { constantRetention, retainedKnownBy, retainedTrend } from './retained.js';
import { ledger } from './test-ledgers.js';

const l = ledger('GRC');

describe('constantRetention: the same number held three years or more, none consumed', () => {
  it('flags three consecutive years', () => {
    expect(constantRetention([l.retained(2010, 100), l.retained(2011, 100), l.retained(2012, 100)])).toEqual({
      from: 2010,
      to: 2012,
      held: 100,
    });
  });
  it('does not flag two years', () => {
    expect(constantRetention([l.retained(2010, 100), l.retained(2011, 100)])).toBeNull();
  });
  it('counts a year with no consumption reported as none consumed', () => {
    expect(
      constantRetention([l.retained(2010, 100, null), l.retained(2011, 100, null), l.retained(2012, 100, null)]),
    ).not.toBeNull();
  });
  it('does not flag when mines were consumed (and replaced) in a year', () => {
    expect(constantRetention([l.retained(2010, 100), l.retained(2011, 100, 20), l.retained(2012, 100)])).toBeNull();
  });
  it('does not flag a gap in the years', () => {
    expect(constantRetention([l.retained(2010, 100), l.retained(2011, 100), l.retained(2013, 100)])).toBeNull();
  });
  it('does not flag a change of number', () => {
    expect(constantRetention([l.retained(2010, 100), l.retained(2011, 90), l.retained(2012, 90)])).toBeNull();
  });
  it('does not flag zero held', () => {
    expect(constantRetention([l.retained(2010, 0), l.retained(2011, 0), l.retained(2012, 0)])).toBeNull();
  });
  it('gives the latest run, extended', () => {
    const years = [l.retained(2005, 50), l.retained(2006, 50), l.retained(2007, 50), l.retained(2008, 40, 10)];
    years.push(l.retained(2009, 40), l.retained(2010, 40), l.retained(2011, 40));
    expect(constantRetention(years)).toEqual({ from: 2009, to: 2011, held: 40 });
  });
  it('starts a run at a year with none consumed', () => {
    expect(constantRetention([l.retained(2010, 100, 5), l.retained(2011, 100), l.retained(2012, 100)])).toBeNull();
  });
});

describe('retainedKnownBy and retainedTrend', () => {
  const years = [l.retained(2011, 90, 10), l.retained(2010, 100), l.retained(2013, 80)];
  it('keeps the years whose end has passed, in order', () => {
    expect(retainedKnownBy(years, parseDate('2013-12-30')).map((e) => e.year)).toEqual([2010, 2011]);
    expect(retainedKnownBy(years, parseDate('2013-12-31')).map((e) => e.year)).toEqual([2010, 2011, 2013]);
  });
  it('gives the change from the year before, null after a gap', () => {
    const trend = retainedTrend(retainedKnownBy(years, parseDate('2020-01-01')));
    expect(trend.map((t) => t.change)).toEqual([null, -10, null]);
  });
});
