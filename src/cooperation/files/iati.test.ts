// IATI activity XML into funding flows: the sample file of test-files/, and every kind of bad input refused whole.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../core/date.js';
import { IatiRejectedError, type IatiOptions, readIati } from './iati.js';

const SAMPLE = readFileSync(new URL('../test-files/iati-sample.xml', import.meta.url), 'utf8');
const options: IatiOptions = {
  source: 'S101',
  // Invented rates for the test file.
  rates: [
    { currency: 'EUR', year: 2022, usdPerUnit: 1.053, source: 'S100' },
    { currency: 'EUR', year: 2023, usdPerUnit: 1.0813, source: 'S100' },
  ],
  asOf: '2025-06-30' as CalendarDate,
};

/** One activity around `transactions`, with `attrs` on the activity. */
function activity(transactions: string, extra = '', attrs = 'default-currency="USD"'): string {
  return `<iati-activities version="2.03"><iati-activity ${attrs}>
    <iati-identifier>T-1</iati-identifier>
    <reporting-org ref="XM-DAC-8" type="10"><narrative>Norway</narrative></reporting-org>
    <recipient-country code="KH"/><sector code="15250"/>${extra}
    ${transactions}</iati-activity></iati-activities>`;
}
const disbursement = (value: string, date = '2023-05-01', more = ''): string =>
  `<transaction><transaction-type code="3"/><transaction-date iso-date="${date}"/><value${more}>${value}</value></transaction>`;

function problemsOf(xml: string, opts: IatiOptions = options): string[] {
  try {
    readIati(xml, 'test.xml', opts);
  } catch (error) {
    if (error instanceof IatiRejectedError) return error.problems.map((p) => `${p.where}: ${p.expected}`);
    throw error;
  }
  return [];
}

describe('readIati, the sample file', () => {
  const read = readIati(SAMPLE, 'iati-sample.xml', options);
  const flows = read.activities.flatMap((a) => a.flows);

  it('keeps the mine-action and victim-assistance activities and counts what it left', () => {
    expect(read.activities.map((a) => a.activity)).toEqual(['XM-DAC-7-TEST-1', 'US-GOV-1-TEST-2', 'XM-DAC-8-TEST-4']);
    expect(read.counts).toEqual({
      activities: 4,
      kept: 3,
      transactions: 4,
      otherTypes: { '1': 1, '4': 1 },
      otherRecipients: 0,
    });
  });

  it('keeps commitments and disbursements apart, converts euros at the given rate, names the channel', () => {
    expect(flows.find((f) => f.iati?.key === 'XM-DAC-7-TEST-1#C1')).toMatchObject({
      type: 'commitment',
      year: 2022,
      currency: 'EUR',
    });
    expect(flows.find((f) => f.iati?.key === 'XM-DAC-7-TEST-1#D1')).toEqual({
      donor: { id: 'XM-DAC-7', name: 'Netherlands - Ministry of Foreign Affairs', kind: 'institution' },
      recipient: 'KHM',
      channel: 'un',
      via: 'XM-DAC-41301',
      sector: 'clearance-risk-education',
      year: 2023,
      type: 'disbursement',
      funding: 'international',
      amount: 400_000,
      currency: 'EUR',
      exchangeRate: 1.0813,
      rateSource: 'S100',
      usd: 432_520,
      reversal: false,
      doubleCounted: false,
      published: '2024-04-30',
      iati: { activity: 'XM-DAC-7-TEST-1', key: 'XM-DAC-7-TEST-1#D1' },
      sources: ['S101'],
      notes: 'Mine clearance in Cambodia (test)',
    });
  });

  it('takes the 15250 share of a transaction and splits it over the recipient countries', () => {
    const us = flows.filter((f) => f.iati?.activity === 'US-GOV-1-TEST-2');
    expect(us.map((f) => [f.iati?.key, f.recipient, f.usd, f.channel, f.donor.id])).toEqual([
      ['US-GOV-1-TEST-2#1@AFG', 'AFG', 300_000, 'ngo', 'US-GOV-1'],
      ['US-GOV-1-TEST-2#1@IRQ', 'IRQ', 300_000, 'ngo', 'US-GOV-1'],
    ]);
  });

  it('marks victim assistance, global support through the ICRC', () => {
    expect(flows.find((f) => f.iati?.activity === 'XM-DAC-8-TEST-4')).toMatchObject({
      sector: 'victim-assistance',
      recipient: null,
      channel: 'icrc-ifrc',
      usd: 250_000,
      exchangeRate: null,
    });
  });

  it('reads the same file the same way twice', () => {
    expect(readIati(SAMPLE, 'iati-sample.xml', options)).toEqual(read);
  });
});

describe('readIati, bad input', () => {
  it('nothing to import: a file with no mine-action activity', () => {
    const read = readIati(activity(disbursement('5')).replace('code="15250"', 'code="12220"'), 't.xml', options);
    expect(read).toEqual({
      activities: [],
      counts: { activities: 1, kept: 0, transactions: 0, otherTypes: {}, otherRecipients: 0 },
    });
  });
  it.each([
    [
      'malformed XML',
      '<iati-activities version="2.03"><iati-activity></iati-activities>',
      /^line 1, column \d+: well-formed XML/,
    ],
    ['not IATI', '<html></html>', /an <iati-activities> element/],
    ['IATI 1.05', '<iati-activities version="1.05"></iati-activities>', /version="2.01"/],
    [
      'an unknown currency',
      activity(disbursement('5', '2023-05-01', ' currency="XYZ"')),
      /T-1, transaction 1: an ISO 4217/,
    ],
    ['a year before 1990', activity(disbursement('5', '1989-12-31')), /a year from 1990 to 2026/],
    ['a year after the next', activity(disbursement('5', '2027-01-01')), /a year from 1990 to 2026/],
    ['a negative disbursement', activity(disbursement('-5')), /reversal/],
    ['a value that is no number', activity(disbursement('five')), /a <value> that is a number/],
    [
      'no exchange rate for the year',
      activity(disbursement('5', '2021-05-01'), '', 'default-currency="EUR"'),
      /exchange rate for EUR in 2021/,
    ],
    ['no currency at all', activity(disbursement('5'), '', ''), /a currency/],
    ['an impossible date', activity(disbursement('5', '2023-02-30')), /iso-date/],
    [
      'no identifier',
      activity(disbursement('5')).replace('<iati-identifier>T-1</iati-identifier>', ''),
      /activity 1: an <iati-identifier>/,
    ],
    [
      'two recipient countries without percentages',
      activity(disbursement('5')).replace(
        '<recipient-country code="KH"/>',
        '<recipient-country code="KH"/><recipient-country code="LA"/>',
      ),
      /a percentage for each recipient-country/,
    ],
  ])('refuses %s', (_, xml, expected) => {
    expect(problemsOf(xml).join('\n')).toMatch(expected);
  });
  it('collects every problem of a file, not just the first', () => {
    expect(problemsOf(activity(disbursement('-5') + disbursement('x')))).toHaveLength(2);
  });
  it('leaves out a recipient that is not one of the 197 States, counting it', () => {
    const read = readIati(activity(disbursement('5')).replace('code="KH"', 'code="XK"'), 't.xml', options);
    expect(read.counts.otherRecipients).toBe(1);
    expect(read.activities).toEqual([]);
  });
});
