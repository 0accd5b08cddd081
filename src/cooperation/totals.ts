// Totals of funding flows by year, donor, recipient and sector on a date. No I/O here.
// Amounts are added in whole cents, so a breakdown always adds up to its total exactly.
import type { CalendarDate } from '../core/date.js';
import type { SourceId } from '../core/source.js';
import type { StateCode } from '../core/states.js';
import {
  type DonorAmount,
  type FlowType,
  type FlowFundingAnswer,
  type FundingFlow,
  SECTORS,
  type SectorAmount,
  type YearTotal,
} from './model.js';

/** How many donors "top donors" lists. */
export const TOP_DONORS = 5;

export const toCents = (usd: number): number => Math.round(usd * 100);
export const fromCents = (cents: number): number => cents / 100;

/** `part` of `whole`, 0 to 1, to four decimals; 0 when the whole is 0. */
export function share(part: number, whole: number): number {
  if (whole === 0) return 0;
  return Math.round((part / whole) * 10_000) / 10_000;
}

export interface FlowFilter {
  asOf: CalendarDate;
  year?: number | undefined;
  /** A donor id (case does not matter). */
  donor?: string | undefined;
  /** A State's code, or `global` for support not to one State. */
  recipient?: StateCode | 'global' | undefined;
  /** Default `disbursement`: commitments are never added to disbursements. */
  type?: FlowType | undefined;
}

/** The flows a total counts: known on the date (published by then), of one type, not counted twice, matching the filter. */
export function countedFlows<F extends FundingFlow>(flows: readonly F[], filter: FlowFilter): F[] {
  const type = filter.type ?? 'disbursement';
  const donor = filter.donor?.toUpperCase();
  return flows.filter(
    (f) =>
      f.published <= filter.asOf &&
      !f.doubleCounted &&
      f.type === type &&
      (filter.year === undefined || f.year === filter.year) &&
      (donor === undefined || f.donor.id.toUpperCase() === donor) &&
      (filter.recipient === undefined ||
        (filter.recipient === 'global' ? f.recipient === null : f.recipient === filter.recipient)),
  );
}

const sumCents = (flows: readonly FundingFlow[]): number => flows.reduce((sum, f) => sum + toCents(f.usd), 0);

function groupCents<K>(flows: readonly FundingFlow[], key: (f: FundingFlow) => K): Map<K, number> {
  const groups = new Map<K, number>();
  for (const f of flows) groups.set(key(f), (groups.get(key(f)) ?? 0) + toCents(f.usd));
  return groups;
}

/** Every sector with money in it, in the order of SECTORS; the amounts add up to the total. */
export function bySector(flows: readonly FundingFlow[]): (SectorAmount & { amount: number })[] {
  const total = sumCents(flows);
  const groups = groupCents(flows, (f) => f.sector);
  return SECTORS.filter((s) => groups.has(s)).map((sector) => {
    const cents = groups.get(sector) ?? 0;
    return { sector, amount: fromCents(cents), share: share(cents, total) };
  });
}

/** Donors, largest first (ties by id), each with its share of the flows' total. */
export function byDonor(flows: readonly FundingFlow[]): DonorAmount[] {
  const total = sumCents(flows);
  return [...groupCents(flows, (f) => f.donor.id)]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([donor, cents]) => ({ donor, amount: fromCents(cents), share: share(cents, total) }));
}

/** Recipients, largest first (ties by code, global last among equals). */
export function byRecipient(flows: readonly FundingFlow[]): { iso3: StateCode | null; amount: number }[] {
  return [...groupCents(flows, (f) => f.recipient)]
    .sort(([a, x], [b, y]) => y - x || (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1))
    .map(([iso3, cents]) => ({ iso3, amount: fromCents(cents) }));
}

/** Share of the five largest donors in the international flows' total. */
export function topFiveShare(flows: readonly FundingFlow[]): number {
  const international = flows.filter((f) => f.funding === 'international');
  const top = [...groupCents(international, (f) => f.donor.id).values()].sort((a, b) => b - a).slice(0, TOP_DONORS);
  return share(
    top.reduce((a, b) => a + b, 0),
    sumCents(international),
  );
}

const sortedSources = (flows: readonly FundingFlow[]): SourceId[] =>
  [...new Set(flows.flatMap((f) => f.sources))].sort();

/**
 * The funding answer for a date: without a year, the latest year with a flow known on the date
 * (after the donor and recipient filters). Top donors are over international flows, their share
 * of the international total (the Monitor's "top five donors = 64%").
 */
export function fundingAnswer(flows: readonly FundingFlow[], filter: FlowFilter): FlowFundingAnswer {
  const known = countedFlows(flows, { ...filter, year: undefined });
  const year = filter.year ?? (known.length === 0 ? null : Math.max(...known.map((f) => f.year)));
  const counted = year === null ? [] : known.filter((f) => f.year === year);
  const international = counted.filter((f) => f.funding === 'international');
  return {
    asOf: filter.asOf,
    year,
    total: fromCents(sumCents(counted)),
    international: fromCents(sumCents(international)),
    national: fromCents(sumCents(counted.filter((f) => f.funding === 'national'))),
    bySector: bySector(counted),
    topDonors: byDonor(international).slice(0, TOP_DONORS),
    recipients: byRecipient(counted),
    source: sortedSources(counted),
    basis: counted.length > 0 ? 'flows' : 'none',
    reported: [],
  };
}

/** Every year with a flow known on the date, earliest first. */
export function totalsByYear(flows: readonly FundingFlow[], filter: FlowFilter): YearTotal[] {
  const counted = countedFlows(flows, filter);
  const years = [...new Set(counted.map((f) => f.year))].sort((a, b) => a - b);
  return years.map((year) => {
    const ofYear = counted.filter((f) => f.year === year);
    return {
      year,
      total: fromCents(sumCents(ofYear)),
      international: fromCents(sumCents(ofYear.filter((f) => f.funding === 'international'))),
      national: fromCents(sumCents(ofYear.filter((f) => f.funding === 'national'))),
      topFiveShare: topFiveShare(ofYear),
    };
  });
}
