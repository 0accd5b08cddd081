/** Request bodies and options of the funding routes and commands, validated by zod and read into the model (no casts in routes). */
import { z } from 'zod';
import type { CalendarDate } from '../core/date.js';
import { calendarDate, sourceIds } from '../core/schemas.js';
import { SOURCE_ID_PATTERN } from '../core/source.js';
import type { StateCode } from '../core/states.js';
import {
  CHANNELS,
  DONOR_KINDS,
  type ExchangeRate,
  FLOW_TYPES,
  FUNDING_KINDS,
  type FundingFlow,
  SECTORS,
} from './model.js';

const sourceId = z.string().regex(SOURCE_ID_PATTERN, 'a source id such as S02');

export const flowBody = z.object({
  donor: z.object({
    id: z
      .string()
      .min(1)
      .max(100)
      .describe('ISO3 code of a State, else the IATI organisation identifier or a short name'),
    name: z.string().min(1).max(300),
    kind: z.enum(DONOR_KINDS),
  }),
  recipient: z
    .string()
    .regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code')
    .nullable()
    .describe('The State receiving the support; null for global support'),
  channel: z.enum(CHANNELS).optional().describe('Default unspecified'),
  via: z.string().min(1).max(100).nullable().optional().describe('The organisation the money went through'),
  sector: z.enum(SECTORS),
  year: z.number().int(),
  type: z.enum(FLOW_TYPES).optional().describe('Default disbursement'),
  funding: z.enum(FUNDING_KINDS).optional().describe('Default international'),
  amount: z.number().describe('In the original currency'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR')
    .optional()
    .describe('Default USD'),
  exchangeRate: z.number().nullable().optional().describe('US$ per unit of the currency'),
  rateSource: sourceId.nullable().optional(),
  usd: z.number().optional().describe('The US$ amount; default the amount (US$) or amount × exchange rate'),
  reversal: z.boolean().optional(),
  doubleCounted: z.boolean().optional(),
  published: calendarDate.optional().describe('The day the flow became public (default: the as-of date)'),
  sources: sourceIds,
  notes: z.string().max(2000).optional(),
});

export const flowsBody = z.object({
  flows: z.array(flowBody).min(1).max(10_000),
  asOf: calendarDate.optional().describe('The day of the write: no year after the next (default: today)'),
});

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** A validated flow as the model's; the checks (store) refuse what the schema cannot see. */
export function readFlow(b: z.infer<typeof flowBody>, asOf: CalendarDate): FundingFlow {
  const currency = b.currency ?? 'USD';
  const rate = b.exchangeRate ?? null;
  const usd = b.usd ?? (currency === 'USD' ? b.amount : rate !== null ? round2(b.amount * rate) : Number.NaN);
  return {
    donor: b.donor,
    recipient: b.recipient as StateCode | null,
    channel: b.channel ?? 'unspecified',
    via: b.via ?? null,
    sector: b.sector,
    year: b.year,
    type: b.type ?? 'disbursement',
    funding: b.funding ?? 'international',
    amount: b.amount,
    currency,
    exchangeRate: rate,
    rateSource: b.rateSource ?? null,
    usd,
    reversal: b.reversal ?? false,
    doubleCounted: b.doubleCounted ?? false,
    published: (b.published as CalendarDate | undefined) ?? asOf,
    iati: null,
    sources: b.sources,
    notes: b.notes ?? '',
  };
}

/** `EUR:2023:1.0813:S100`: US$ per unit of a currency in a year, and the source of the rate. */
export const RATE_PATTERN = /^([A-Z]{3}):(\d{4}):(\d+(?:\.\d+)?):([A-Z]+\d+[a-z]?)$/;
export const rateText = z
  .string()
  .regex(RATE_PATTERN, 'CURRENCY:YEAR:US$ PER UNIT:SOURCE, for example EUR:2023:1.0813:S100');

/** A rate as written on a command line or in a query, or null when it is not one. */
export function readRate(text: string): ExchangeRate | null {
  const m = RATE_PATTERN.exec(text);
  if (m === null) return null;
  const [, currency = '', year = '', rate = '', source = ''] = m;
  const usdPerUnit = Number(rate);
  return usdPerUnit > 0 ? { currency, year: Number(year), usdPerUnit, source } : null;
}

export const iatiQuery = z.object({
  source: sourceId.describe('The stored source every imported flow cites (the IATI dataset)'),
  rate: z
    .union([rateText, z.array(rateText)])
    .optional()
    .describe('Exchange rates, repeated: CURRENCY:YEAR:US$ PER UNIT:SOURCE'),
  asOf: calendarDate.optional().describe('The day of the import (default: today)'),
});

export const fundingQuery = z.object({
  year: z.coerce.number().int().min(1990).max(9999).optional().describe('Default: the latest year with a flow known'),
  donor: z.string().min(1).max(100).optional().describe('A donor id'),
  recipient: z.string().optional().describe('ISO3 code of a State (any case), or global'),
  type: z.enum(FLOW_TYPES).optional().describe('Default disbursement'),
  asOf: calendarDate.optional().describe('Only flows public by this day (default: today)'),
});

export const needsQuery = z.object({
  asOf: calendarDate.optional().describe('Requests submitted and flows public by this day (default: today)'),
  iso3: z.string().max(100).optional().describe('Only this State: ISO3 code (any case)'),
});
