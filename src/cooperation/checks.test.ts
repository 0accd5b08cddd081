import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../core/date.js';
import { flowProblems, isCurrencyCode } from './checks.js';
import type { FundingFlow } from './model.js';
import { flow } from './test-flows.js';

const asOf = '2025-06-30' as CalendarDate;
const fields = (f: FundingFlow): string[] => flowProblems(f, 0, asOf).map((p) => p.field);

describe('flowProblems', () => {
  it('accepts a US$ flow, one in euros with its rate and source, and a national flow', () => {
    expect(fields(flow())).toEqual([]);
    expect(
      fields(flow({ amount: 1000, currency: 'EUR', exchangeRate: 1.1095, rateSource: 'S90', usd: 1109.5 })),
    ).toEqual([]);
    expect(fields(flow({ currency: 'EUR', amount: 1000, usd: 1100 }))).toEqual([]); // the source gives the US$
    expect(fields(flow({ funding: 'national', donor: { id: 'KHM', name: 'Cambodia', kind: 'state' } }))).toEqual([]);
    expect(fields(flow({ year: 1990 }))).toEqual([]);
    expect(fields(flow({ year: 2026 }))).toEqual([]);
    expect(fields(flow({ amount: -5, usd: -5, reversal: true }))).toEqual([]);
    expect(fields(flow({ amount: 0, usd: 0 }))).toEqual([]);
  });
  it.each([
    ['a year before 1990', { year: 1989 }, ['year']],
    ['a year after next year', { year: 2027 }, ['year']],
    ['a year not whole', { year: 2015.5 }, ['year']],
    ['an unknown currency', { currency: 'XYZ' }, ['currency']],
    ['a currency in lower case', { currency: 'usd' }, ['currency']],
    ['a negative amount without reversal', { amount: -5, usd: -5 }, ['amount']],
    ['a reversal that is not negative', { reversal: true }, ['reversal']],
    ['US$ not to the cent', { amount: 1.005, usd: 1.005 }, ['usd']],
    ['US$ different from a US$ amount', { usd: 5, amount: 6 }, ['usd']],
    [
      'US$ that does not follow from the rate',
      { currency: 'EUR', amount: 1000, exchangeRate: 1.1, rateSource: 'S90', usd: 1200 },
      ['usd'],
    ],
    ['a rate without its source', { currency: 'EUR', amount: 1000, exchangeRate: 1.1, usd: 1100 }, ['rateSource']],
    ['a source without a rate', { currency: 'EUR', amount: 1000, usd: 1100, rateSource: 'S90' }, ['exchangeRate']],
    ['a rate of 0', { currency: 'EUR', amount: 1000, exchangeRate: 0, rateSource: 'S90', usd: 1100 }, ['exchangeRate']],
    ['a State donor that is no State', { donor: { id: 'XXX', name: 'X', kind: 'state' as const } }, ['donor.id']],
    ['a recipient that is no State', { recipient: 'XKX' as 'KHM' }, ['recipient']],
    ['national money from another donor', { funding: 'national' as const }, ['funding']],
    [
      'international money from the recipient itself',
      { donor: { id: 'KHM', name: 'Cambodia', kind: 'state' as const } },
      ['funding'],
    ],
    ['published after the day it is recorded', { published: '2025-07-01' as CalendarDate }, ['published']],
    ['an impossible publication day', { published: '2015-02-30' as CalendarDate }, ['published']],
    ['no source', { sources: [] }, ['sources']],
  ])('refuses %s', (_, over, expected) => {
    expect(fields(flow(over))).toEqual(expected);
  });
  it('knows ISO 4217 codes', () => {
    expect(['USD', 'EUR', 'XOF', 'JPY', 'CHF'].every(isCurrencyCode)).toBe(true);
    expect(['XYZ', 'EURO', ''].some(isCurrencyCode)).toBe(false);
  });
});
