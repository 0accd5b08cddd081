// Possible double counting: the same money reported by its donor and by the channel it went through. No I/O here.
import type { DoubleCount, FundingFlow } from './model.js';

/** Amounts this close (1 % of the larger) are taken for the same money. */
export const SAME_MONEY = 0.01;

function sameMoney(a: number, b: number): boolean {
  if (Math.sign(a) !== Math.sign(b)) return false;
  return Math.abs(a - b) <= SAME_MONEY * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * Pairs where a donor's flow went through an organisation (`via`) and that organisation reports
 * a flow of its own, as donor, for the same recipient, sector, year and type, of about the same
 * US$ amount. Each channel flow pairs with at most one donor flow (the first in order).
 */
export function doubleCounts(flows: readonly FundingFlow[]): DoubleCount[] {
  const pairs: DoubleCount[] = [];
  const taken = new Set<number>();
  for (const [donorFlow, d] of flows.entries()) {
    if (d.via === null) continue;
    const via = d.via.toUpperCase();
    const channelFlow = flows.findIndex(
      (c, i) =>
        i !== donorFlow &&
        !taken.has(i) &&
        c.donor.id.toUpperCase() === via &&
        c.recipient === d.recipient &&
        c.sector === d.sector &&
        c.year === d.year &&
        c.type === d.type &&
        sameMoney(c.usd, d.usd),
    );
    if (channelFlow < 0) continue;
    taken.add(channelFlow);
    pairs.push({ donorFlow, channelFlow });
  }
  return pairs;
}
