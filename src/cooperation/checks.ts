// Bad input in funding flows: each problem names the flow and the field. No I/O here.
import { type CalendarDate, dateProblem } from '../core/date.js';
import { isStateCode } from '../core/states.js';
import { FIRST_YEAR, type FundingFlow } from './model.js';

export interface FlowProblem {
  /** Index of the flow in the list checked. */
  index: number;
  field: string;
  expected: string;
  found: string | null;
}

/** ISO 4217 codes of the currencies in use, as the runtime's Intl data lists them (USD, EUR, XOF, ...). */
const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

export const isCurrencyCode = (code: string): boolean => CURRENCIES.has(code);

/** A US$ amount and its original may differ by this much (0.5 %, or one cent): sources round. */
const RATE_TOLERANCE = 0.005;

export const lastYear = (asOf: CalendarDate): number => Number(asOf.slice(0, 4)) + 1;

const wholeCents = (usd: number): boolean => Math.abs(usd * 100 - Math.round(usd * 100)) < 1e-6;

/**
 * Problems of one flow, recorded on `asOf`: a year outside 1990 to the year after, an unknown
 * currency, a negative amount that is not a reversal, a US$ amount that does not follow from the
 * amount and rate, a rate without its source, a national flow whose donor is not the recipient
 * State, a State donor that is not one of the 197, a publication after the day it is recorded, no source.
 */
export function flowProblems(f: FundingFlow, index: number, asOf: CalendarDate): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const add = (field: string, expected: string, found: string | number | boolean | null): void => {
    problems.push({ index, field, expected, found: found === null ? null : String(found) });
  };
  const last = lastYear(asOf);
  if (!Number.isInteger(f.year) || f.year < FIRST_YEAR || f.year > last)
    add('year', `a year from ${FIRST_YEAR} to ${last}`, f.year);
  if (!isCurrencyCode(f.currency)) add('currency', 'an ISO 4217 currency code such as USD or EUR', f.currency);
  if (!Number.isFinite(f.amount)) add('amount', 'a number', f.amount);
  if (!Number.isFinite(f.usd) || !wholeCents(f.usd)) add('usd', 'a US$ amount to the cent', f.usd);
  if ((f.amount < 0 || f.usd < 0) && !f.reversal)
    add('amount', 'an amount of 0 or more (a negative amount only with reversal: true)', f.amount);
  if (f.reversal && (f.amount > 0 || f.usd > 0)) add('reversal', 'a negative amount for a reversal', f.amount);
  if (Math.sign(f.amount) !== Math.sign(f.usd)) add('usd', 'the sign of the amount', f.usd);
  if (f.currency === 'USD') {
    if (f.exchangeRate !== null && f.exchangeRate !== 1) add('exchangeRate', 'no rate (or 1) for US$', f.exchangeRate);
    if (f.usd !== f.amount) add('usd', 'the amount itself for a flow in US$', f.usd);
  } else if (f.exchangeRate !== null) {
    if (!(f.exchangeRate > 0) || !Number.isFinite(f.exchangeRate))
      add('exchangeRate', 'US$ per unit of the currency, more than 0', f.exchangeRate);
    else {
      const expected = f.amount * f.exchangeRate;
      if (Math.abs(f.usd - expected) > Math.max(0.01, RATE_TOLERANCE * Math.abs(expected)))
        add('usd', `about ${expected.toFixed(2)} (amount × exchange rate)`, f.usd);
    }
    if (f.rateSource === null) add('rateSource', 'the source of the exchange rate', null);
  }
  if (f.exchangeRate === null && f.rateSource !== null) add('exchangeRate', 'the rate its source gives', null);
  if (f.donor.kind === 'state' && !isStateCode(f.donor.id))
    add('donor.id', 'the ISO 3166-1 alpha-3 code of one of the 197 States', f.donor.id);
  if (f.recipient !== null && !isStateCode(f.recipient))
    add('recipient', 'the ISO 3166-1 alpha-3 code of one of the 197 States, or null for global support', f.recipient);
  if (f.donor.id.trim() === '') add('donor.id', 'a donor id', f.donor.id);
  if (f.funding === 'national' && (f.donor.kind !== 'state' || f.donor.id !== f.recipient))
    add('funding', 'a national flow to be given by the recipient State itself', f.donor.id);
  if (f.funding === 'international' && f.recipient !== null && f.donor.id === f.recipient)
    add('funding', 'national, since the donor is the recipient State', f.funding);
  const published = dateProblem(f.published);
  if (published !== null) add('published', published, f.published);
  else if (f.published > asOf) add('published', `a day no later than ${asOf}`, f.published);
  if (f.sources.length === 0) add('sources', 'at least one source id', null);
  return problems;
}

/** Problems of every flow, in order. */
export function flowsProblems(flows: readonly FundingFlow[], asOf: CalendarDate): FlowProblem[] {
  return flows.flatMap((f, i) => flowProblems(f, i, asOf));
}
