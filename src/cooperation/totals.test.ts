import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../core/date.js';
import { SECTORS, type FundingFlow } from './model.js';
import { NORWAY, flow } from './test-flows.js';
import { bySector, byRecipient, countedFlows, fundingAnswer, share, topFiveShare, totalsByYear } from './totals.js';

const day = (d: string): CalendarDate => d as CalendarDate;
const donor = (id: string) => ({ id, name: id, kind: 'state' as const });

describe('countedFlows', () => {
  const flows = [
    flow({ usd: 1 }),
    flow({ usd: 2, published: day('2018-03-02') }),
    flow({ usd: 4, doubleCounted: true }),
    flow({ usd: 8, type: 'commitment' }),
    flow({ usd: 16, recipient: null }),
    flow({ usd: 32, year: 2014 }),
    flow({ usd: 64, donor: donor('JPN') }),
  ];
  const sum = (f: readonly FundingFlow[]): number => f.reduce((a, b) => a + b.usd, 0);
  it.each([
    ['known on the date, not counted twice, disbursements', { asOf: day('2018-03-01') }, 1 + 16 + 32 + 64],
    ['published on the date counts', { asOf: day('2018-03-02') }, 1 + 2 + 16 + 32 + 64],
    ['commitments apart', { asOf: day('2018-03-01'), type: 'commitment' as const }, 8],
    ['one year', { asOf: day('2018-03-01'), year: 2014 }, 32],
    ['one donor, any case', { asOf: day('2018-03-01'), donor: 'jpn' }, 64],
    ['global support', { asOf: day('2018-03-01'), recipient: 'global' as const }, 16],
    ['one recipient', { asOf: day('2018-03-01'), recipient: 'KHM' as const }, 1 + 32 + 64],
    ['before any publication', { asOf: day('2016-11-21') }, 0],
  ])('%s', (_, filter, expected) => {
    expect(sum(countedFlows(flows, filter))).toBe(expected);
  });
});

describe('fundingAnswer', () => {
  const flows = [
    flow({ usd: 300.1, sector: 'clearance-risk-education' }),
    flow({ usd: 100.2, sector: 'victim-assistance', donor: donor('USA') }),
    flow({ usd: 0.1, sector: 'victim-assistance', donor: donor('JPN'), recipient: 'AFG' }),
    flow({ usd: 50, funding: 'national', donor: donor('KHM'), recipient: 'KHM' }),
    flow({ usd: 999, year: 2014 }),
    flow({ usd: 5, year: 2016, published: day('2017-12-01') }),
  ];
  it('totals one year: international against national, sectors in list order, recipients largest first', () => {
    const answer = fundingAnswer(flows, { asOf: day('2018-03-01'), year: 2015 });
    expect(answer).toEqual({
      asOf: '2018-03-01',
      year: 2015,
      total: 450.4,
      international: 400.4,
      national: 50,
      bySector: [
        { sector: 'clearance-risk-education', amount: 350.1, share: 0.7773 },
        { sector: 'victim-assistance', amount: 100.3, share: 0.2227 },
      ],
      topDonors: [
        { donor: 'NOR', amount: 300.1, share: 0.7495 },
        { donor: 'USA', amount: 100.2, share: 0.2502 },
        { donor: 'JPN', amount: 0.1, share: 0.0002 },
      ],
      recipients: [
        { iso3: 'KHM', amount: 450.3 },
        { iso3: 'AFG', amount: 0.1 },
      ],
      source: ['S95'],
      basis: 'flows',
      reported: [],
    });
  });
  it('without a year, answers the latest year known on the date', () => {
    expect(fundingAnswer(flows, { asOf: day('2018-03-01') }).year).toBe(2016);
    expect(fundingAnswer(flows, { asOf: day('2017-01-01') }).year).toBe(2015);
  });
  it('with nothing known, answers zeros and no year', () => {
    expect(fundingAnswer(flows, { asOf: day('2000-01-01') })).toMatchObject({
      year: null,
      total: 0,
      bySector: [],
      topDonors: [],
      recipients: [],
      source: [],
    });
  });
  it('a reversal lowers the totals', () => {
    const answer = fundingAnswer([flow({ usd: 100 }), flow({ amount: -40, usd: -40, reversal: true })], {
      asOf: day('2018-03-01'),
    });
    expect(answer.total).toBe(60);
  });
  it('lists global support with a null code, after States of the same amount', () => {
    expect(byRecipient([flow({ usd: 5, recipient: null }), flow({ usd: 5, recipient: 'AGO' })])).toEqual([
      { iso3: 'AGO', amount: 5 },
      { iso3: null, amount: 5 },
    ]);
  });
});

describe('top donors and years', () => {
  const six = ['USA', 'DEU', 'JPN', 'NOR', 'GBR', 'NLD'].map((id, i) => flow({ donor: donor(id), usd: 60 - i * 10 }));
  it('the top five share leaves out the sixth donor and national money', () => {
    const national = flow({ usd: 1000, funding: 'national', donor: donor('KHM'), recipient: 'KHM' });
    // 60+50+40+30+20 = 200 of 210.
    expect(topFiveShare([...six, national])).toBe(share(200, 210));
    expect(fundingAnswer(six, { asOf: day('2018-03-01') }).topDonors.map((d) => d.donor)).toEqual([
      'USA',
      'DEU',
      'JPN',
      'NOR',
      'GBR',
    ]);
  });
  it('ties between donors go by id', () => {
    const tied = fundingAnswer([flow({ donor: donor('USA'), usd: 5 }), flow({ donor: NORWAY, usd: 5 })], {
      asOf: day('2018-03-01'),
    });
    expect(tied.topDonors.map((d) => d.donor)).toEqual(['NOR', 'USA']);
  });
  it('totals every year, earliest first', () => {
    expect(
      totalsByYear([flow({ year: 2016, usd: 2 }), flow({ year: 2015, usd: 3 })], { asOf: day('2018-03-01') }),
    ).toEqual([
      { year: 2015, total: 3, international: 3, national: 0, topFiveShare: 1 },
      { year: 2016, total: 2, international: 2, national: 0, topFiveShare: 1 },
    ]);
  });
  it('a share of nothing is 0', () => {
    expect(share(5, 0)).toBe(0);
    expect(topFiveShare([])).toBe(0);
  });
});

describe('properties', () => {
  const anyFlow = fc.record({
    sector: fc.constantFrom(...SECTORS),
    cents: fc.integer({ min: 0, max: 50_000_000_000 }),
    donor: fc.constantFrom('NOR', 'USA', 'JPN', 'DEU', 'GBR', 'NLD', 'CHE'),
    national: fc.boolean(),
  });
  const toFlow = (a: {
    sector: (typeof SECTORS)[number];
    cents: number;
    donor: string;
    national: boolean;
  }): FundingFlow =>
    a.national
      ? flow({ sector: a.sector, usd: a.cents / 100, funding: 'national', donor: donor('KHM'), recipient: 'KHM' })
      : flow({ sector: a.sector, usd: a.cents / 100, donor: donor(a.donor) });

  it('sector amounts add up to the total, international and national too, and shares to 1 within rounding', () => {
    fc.assert(
      fc.property(fc.array(anyFlow, { maxLength: 40 }), (drawn) => {
        const answer = fundingAnswer(drawn.map(toFlow), { asOf: day('2018-03-01'), year: 2015 });
        const cents = (n: number): number => Math.round(n * 100);
        expect(answer.bySector.reduce((a, s) => a + cents(s.amount), 0)).toBe(cents(answer.total));
        expect(cents(answer.international) + cents(answer.national)).toBe(cents(answer.total));
        if (answer.total > 0) {
          const shares = answer.bySector.reduce((a, s) => a + s.share, 0);
          expect(Math.abs(shares - 1)).toBeLessThanOrEqual(0.00005 * answer.bySector.length + 1e-9);
        } else expect(answer.bySector.every((s) => s.share === 0)).toBe(true);
        const donors = answer.topDonors.reduce((a, d) => a + d.share, 0);
        expect(donors).toBeLessThanOrEqual(1 + 0.00005 * answer.topDonors.length + 1e-9);
      }),
    );
  });

  it('bySector of one flow is that flow, whole', () => {
    fc.assert(
      fc.property(anyFlow, (a) => {
        const f = toFlow(a);
        expect(bySector([f])).toEqual(
          a.cents === 0 ? [{ sector: a.sector, amount: 0, share: 0 }] : [{ sector: a.sector, amount: f.usd, share: 1 }],
        );
      }),
    );
  });
});
