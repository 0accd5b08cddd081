// The funding answer from published figures, when no flow of the year is stored. No I/O here.
// The figures handed in are those known on the date (the transparency pillar's edition rule):
// each is quoted as published, with its source; nothing is derived from a share.
import type { CalendarDate } from '../core/date.js';
import type { FundingAnswer, PublishedFigure, QuotedFigure, Sector, SectorAmount } from './model.js';

/** The indicators a yearly funding figure is published under (data/funding_by_year.csv, the ICRC fact sheet). */
export const FUNDING_INDICATORS = {
  international: 'international_support_usd',
  national: ['affected_states_self_funding_usd', 'national_support_usd'],
  total: 'total_support_usd',
} as const;

/** Each sector's published share of international support (per cent), and its amount where published. */
export const SECTOR_INDICATORS: readonly { sector: Sector; share: string; usd: string | null }[] = [
  {
    sector: 'clearance-risk-education',
    share: 'international_support_share_clearance_risk_education',
    usd: null,
  },
  {
    sector: 'victim-assistance',
    share: 'international_support_share_victim_assistance',
    usd: 'international_support_victim_assistance_usd',
  },
  { sector: 'stockpile-destruction', share: 'international_support_share_stockpile_destruction', usd: null },
];

const YEAR = /^\d{4}$/;

const quote = (f: PublishedFigure): QuotedFigure => ({
  indicator: f.indicator,
  period: f.period,
  value: f.value,
  qualifier: f.qualifier,
  unit: f.unit,
  source: f.source,
  edition: f.edition,
  published: f.published,
  citedDocument: f.citedDocument,
  citedPage: f.citedPage,
  notes: f.notes,
});

/** Of several indicators for the same thing, the figure of the latest-published source (the first listed on a tie). */
function latestOf(
  known: readonly PublishedFigure[],
  indicators: readonly string[],
  year: string,
): PublishedFigure | null {
  let best: PublishedFigure | null = null;
  for (const indicator of indicators) {
    const f = known.find((k) => k.indicator === indicator && k.scope === 'global' && k.period === year);
    if (f && (best === null || (f.published ?? '') > (best.published ?? ''))) best = f;
  }
  return best;
}

/** The latest year with a published international, national or total figure among those known. */
export function latestReportedYear(known: readonly PublishedFigure[]): number | null {
  const indicators = new Set<string>([
    FUNDING_INDICATORS.international,
    FUNDING_INDICATORS.total,
    ...FUNDING_INDICATORS.national,
  ]);
  const years = known
    .filter((f) => f.scope === 'global' && indicators.has(f.indicator) && YEAR.test(f.period))
    .map((f) => Number(f.period));
  return years.length === 0 ? null : Math.max(...years);
}

/**
 * The funding answer quoted from the figures known on `asOf` for `year` (the latest year with a
 * figure when none is asked): international, national and total support as published (null when
 * not), the sectors with a published share (and amount where published), the figures quoted with
 * their sources. Basis `none` when no figure of the year is known.
 */
export function reportedFundingAnswer(
  known: readonly PublishedFigure[],
  filter: { asOf: CalendarDate; year?: number | undefined },
): FundingAnswer {
  const year = filter.year ?? latestReportedYear(known);
  const period = year === null ? '' : String(year);
  const quoted: PublishedFigure[] = [];
  const pick = (indicators: readonly string[]): number | null => {
    const f = year === null ? null : latestOf(known, indicators, period);
    if (f === null) return null;
    quoted.push(f);
    return f.value;
  };
  const international = pick([FUNDING_INDICATORS.international]);
  const national = pick(FUNDING_INDICATORS.national);
  const total = pick([FUNDING_INDICATORS.total]);
  const bySector: SectorAmount[] = [];
  for (const { sector, share, usd } of SECTOR_INDICATORS) {
    const percent = pick([share]);
    const amount = usd === null ? null : pick([usd]);
    if (percent === null && amount === null) continue;
    bySector.push({ sector, amount, share: percent === null ? 0 : Math.round(percent * 100) / 10_000 });
  }
  return {
    asOf: filter.asOf,
    year,
    total,
    international,
    national,
    bySector,
    topDonors: [],
    recipients: [],
    source: [...new Set(quoted.map((f) => f.source))].sort(),
    basis: quoted.length > 0 ? 'reported' : 'none',
    reported: quoted.map(quote),
  };
}

/**
 * The answer on a date: from the stored flows when any is counted for the year; else, when no
 * donor or recipient is asked (published figures are global), the published figures quoted.
 */
export function fundingAnswerOn(
  fromFlows: FundingAnswer,
  known: readonly PublishedFigure[],
  filter: { asOf: CalendarDate; year?: number | undefined; donor?: string | undefined; recipient?: string | undefined },
): FundingAnswer {
  if (fromFlows.basis === 'flows' || filter.donor !== undefined || filter.recipient !== undefined) return fromFlows;
  const reported = reportedFundingAnswer(known, filter);
  return reported.basis === 'reported' ? reported : fromFlows;
}
