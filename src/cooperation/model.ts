/**
 * The cooperation and assistance pillar's vocabulary (Article 6): funding flows from a donor to a
 * recipient for a sector in a year, each with its sources, and the totals the rules compute from them.
 */
import type { CalendarDate } from '../core/date.js';
import type { Provenance, Qualifier, SourceId } from '../core/source.js';
import type { StateCode } from '../core/states.js';

/** What the money is for (DESIGN.md §2, "Funding flow"; the Landmine Monitor's sectors). */
export const SECTORS = [
  'clearance-risk-education',
  'victim-assistance',
  'stockpile-destruction',
  'capacity-building',
  'advocacy',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];

/** How the money travels: given straight to the recipient, or through the UN, the Red Cross, an NGO or a trust fund. */
export const CHANNELS = ['bilateral', 'un', 'icrc-ifrc', 'ngo', 'trust-fund', 'unspecified'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Who gives: a State, an institution (the EU, a development bank) or a fund. */
export const DONOR_KINDS = ['state', 'institution', 'fund'] as const;
export type DonorKind = (typeof DONOR_KINDS)[number];

/** `international`: support from another donor; `national`: an affected State funding its own programme. */
export const FUNDING_KINDS = ['international', 'national'] as const;
export type FundingKind = (typeof FUNDING_KINDS)[number];

/** Money paid out, or promised: kept apart, never added together (IATI transaction types 3 and 2). */
export const FLOW_TYPES = ['disbursement', 'commitment'] as const;
export type FlowType = (typeof FLOW_TYPES)[number];

/** The first and last year a flow may have: 1990, and the year after the date it is recorded on. */
export const FIRST_YEAR = 1990;

/** The donor as a flow names it. */
export interface Donor {
  /** The key totals group by: the ISO3 code of a State, else the organisation's IATI identifier or a short name. */
  id: string;
  name: string;
  kind: DonorKind;
}

/** US$ per one unit of a currency in a year, with the source that gives the rate. */
export interface ExchangeRate {
  currency: string;
  year: number;
  usdPerUnit: number;
  source: SourceId;
}

export interface FundingFlow extends Provenance {
  donor: Donor;
  /** The State that receives the support; null for global support (not to one State). */
  recipient: StateCode | null;
  channel: Channel;
  /** The organisation the money went through (a donor id: `XM-DAC-41301`, `UNMAS`), when a source names it. */
  via: string | null;
  sector: Sector;
  year: number;
  type: FlowType;
  funding: FundingKind;
  /** In the original currency (ISO 4217). */
  amount: number;
  currency: string;
  /** US$ per one unit of `currency`; null when the source gives only the US$ amount (and always for US$). */
  exchangeRate: number | null;
  /** The source of the exchange rate; null when there is no rate. */
  rateSource: SourceId | null;
  /** The amount in US$, to the cent. */
  usd: number;
  /** A negative amount is a correction of an earlier flow; it must say so. */
  reversal: boolean;
  /** The same money is also reported by another flow (its donor or its channel): left out of every total. */
  doubleCounted: boolean;
  /** The day the flow became public (its source's publication, an IATI activity's last update). */
  published: CalendarDate;
  /** The IATI activity and transaction it was imported from (`XM-DAC-7-1-12345#3`); null when entered by hand. */
  iati: { activity: string; key: string } | null;
  notes: string;
}

/** The flows of one IATI activity, as an import read them. */
export interface ActivityFlows {
  activity: string;
  flows: FundingFlow[];
}

/** A flow as stored, with its row id. */
export type StoredFlow = FundingFlow & { id: number };

/** A pair of flows that may count the same money twice (README, "Double counting"). */
export interface DoubleCount {
  /** Index of the donor's flow, paid through `via`. */
  donorFlow: number;
  /** Index of the flow that channel reports, for the same recipient, sector, year and type: the one left out. */
  channelFlow: number;
}

export interface SectorAmount {
  sector: Sector;
  /** US$; null when only the share is published (a reported answer). */
  amount: number | null;
  /** Of the total, 0 to 1, to four decimals. */
  share: number;
}

export interface DonorAmount {
  donor: string;
  amount: number;
  share: number;
}

/**
 * A published figure as the transparency pillar keeps it (its `ReportedFigure`): the funding
 * answer quotes these when no flow of the year is stored.
 */
export interface PublishedFigure {
  indicator: string;
  scope: string;
  period: string;
  value: number;
  qualifier: Qualifier;
  unit: string;
  source: SourceId;
  citedDocument: string | null;
  citedPage: string | null;
  edition: string | null;
  published: CalendarDate | null;
  notes: string;
}

/** What the answer's figures come from: stored flows, published figures quoted, or nothing known. */
export const FUNDING_BASES = ['flows', 'reported', 'none'] as const;
export type FundingBasis = (typeof FUNDING_BASES)[number];

/** A published figure the answer quotes, with what its endnote needs. */
export interface QuotedFigure {
  indicator: string;
  period: string;
  value: number;
  qualifier: Qualifier;
  unit: string;
  source: SourceId;
  edition: string | null;
  /** The day the source was published (the edition rule). */
  published: CalendarDate | null;
  /** The document the source cites for it (the ICRC fact sheet cites the ICBL factsheet of June 2017). */
  citedDocument: string | null;
  citedPage: string | null;
  notes: string;
}

/** `minefree funding --json` and `GET /api/v1/funding` (README, "JSON shapes"). */
export interface FundingAnswer {
  asOf: CalendarDate;
  /** The year the totals cover; without a year asked, the latest year with a flow known on the date (null: none). */
  year: number | null;
  /** US$; null when a reported answer has no published figure for it. */
  total: number | null;
  international: number | null;
  national: number | null;
  bySector: SectorAmount[];
  /** The five largest donors, largest first. */
  topDonors: DonorAmount[];
  /** Recipients, largest first; `iso3` null for global support. */
  recipients: { iso3: StateCode | null; amount: number }[];
  /** Every source the counted flows (or the quoted figures) cite, sorted. */
  source: SourceId[];
  /** `flows`: computed from the stored flows; `reported`: no flow of the year is stored, published figures quoted. */
  basis: FundingBasis;
  /** The published figures quoted (basis `reported`), each with its source and edition; empty otherwise. */
  reported: QuotedFigure[];
}

/** The answer computed from flows: every amount is known. */
export type FlowFundingAnswer = Omit<FundingAnswer, 'total' | 'international' | 'national' | 'bySector'> & {
  total: number;
  international: number;
  national: number;
  bySector: (SectorAmount & { amount: number })[];
};

/** One year of the trend (`GET /api/v1/funding/years`). */
export interface YearTotal {
  year: number;
  total: number;
  international: number;
  national: number;
  /** Share of the five largest donors in the international total (0 when there is none). */
  topFiveShare: number;
}

/**
 * A need for funding as an Article 5 extension request states it (the clearance pillar's workflow):
 * the budget for the extension period and the work plan's planned release per year.
 */
export interface StatedNeed {
  iso3: StateCode;
  /** The request's row id in the clearance pillar. */
  request: number;
  submitted: CalendarDate;
  requestedDeadline: CalendarDate;
  /** US$ for the whole period; null when the request states none. */
  budgetUsd: number | null;
  workPlan: readonly { year: number; plannedReleaseM2: number }[];
  /** Refused on or before the as-of date: its needs no longer stand. */
  refused: boolean;
  source: SourceId | null;
}

/** How a request's budget was spread over its years. */
export const NEED_SPREADS = ['work-plan', 'even'] as const;
export type NeedSpread = (typeof NEED_SPREADS)[number];

/** One State and year: the need the latest request states against the support received (`GET /api/v1/funding/needs`). */
export interface NeedRow {
  iso3: StateCode;
  year: number;
  /** US$ of the request's budget for the year; null when the request states no budget. */
  need: number | null;
  /** International disbursements to the State in the year known on the date, US$. */
  received: number;
  /** The State's own funding in the year (national flows), US$. */
  national: number;
  /** need − received − national, US$ (negative: more than the need); null without a need. */
  gap: number | null;
  /** (received + national) / need, to four decimals; null without a need (or a need of 0). */
  coverage: number | null;
  /** `work-plan`: the budget spread in proportion to the planned release; `even`: in equal parts. */
  spread: NeedSpread;
  request: {
    id: number;
    submitted: CalendarDate;
    requestedDeadline: CalendarDate;
    budgetUsd: number | null;
    source: SourceId | null;
  };
  /** Sources of the flows counted, sorted. */
  sources: SourceId[];
}

export interface NeedsAnswer {
  asOf: CalendarDate;
  rows: NeedRow[];
}
