// Needs stated in Article 5 extension requests against the support received, per State and year.
// No I/O here. Amounts are added in whole cents.
import type { CalendarDate } from '../core/date.js';
import type { StateCode } from '../core/states.js';
import type { FundingFlow, NeedRow, NeedSpread, NeedsAnswer, StatedNeed } from './model.js';
import { countedFlows, fromCents, share, toCents } from './totals.js';

/**
 * The request whose needs stand on the date: the latest submitted by then (ties: the later
 * request id) that was not refused by then.
 */
export function standingRequest(needs: readonly StatedNeed[], asOf: CalendarDate): StatedNeed | null {
  let best: StatedNeed | null = null;
  for (const n of needs) {
    if (n.submitted > asOf || n.refused) continue;
    if (best === null || n.submitted > best.submitted || (n.submitted === best.submitted && n.request > best.request))
      best = n;
  }
  return best;
}

/**
 * The years a request covers and the budget in each, in cents (they add up to the budget):
 * the work plan's years, in proportion to the release planned (equal parts when none is planned);
 * without a work plan, the years after submission up to the requested deadline's, in equal parts.
 * The remainder cents go to the earliest years.
 */
export function spreadBudget(need: StatedNeed): {
  years: { year: number; cents: number | null }[];
  spread: NeedSpread;
} {
  const planned = [...need.workPlan].sort((a, b) => a.year - b.year);
  const first = Number(need.submitted.slice(0, 4)) + 1;
  const last = Number(need.requestedDeadline.slice(0, 4));
  const years =
    planned.length > 0
      ? planned.map((p) => p.year)
      : Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
  const weights = planned.length > 0 ? planned.map((p) => p.plannedReleaseM2) : years.map(() => 1);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const spread: NeedSpread = planned.length > 0 && totalWeight > 0 ? 'work-plan' : 'even';
  if (need.budgetUsd === null || years.length === 0)
    return { years: years.map((year) => ({ year, cents: null })), spread };
  const budget = toCents(need.budgetUsd);
  const parts = spread === 'work-plan' ? weights : years.map(() => 1);
  const partsTotal = parts.reduce((a, b) => a + b, 0);
  const cents = parts.map((w) => Math.floor((budget * w) / partsTotal));
  let rest = budget - cents.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % cents.length, rest--) cents[i] = (cents[i] ?? 0) + 1;
  return { years: years.map((year, i) => ({ year, cents: cents[i] ?? 0 })), spread };
}

/**
 * Per State with a standing request on the date, per year of its period: the need, the
 * international and national disbursements to the State known on the date, the gap and the
 * coverage. States by code, years in order; one State only when asked.
 */
export function needsAgainstSupport(
  needs: readonly StatedNeed[],
  flows: readonly FundingFlow[],
  filter: { asOf: CalendarDate; iso3?: StateCode | undefined },
): NeedsAnswer {
  const byState = new Map<StateCode, StatedNeed[]>();
  for (const n of needs) {
    if (filter.iso3 !== undefined && n.iso3 !== filter.iso3) continue;
    byState.set(n.iso3, [...(byState.get(n.iso3) ?? []), n]);
  }
  const rows: NeedRow[] = [];
  for (const iso3 of [...byState.keys()].sort()) {
    const request = standingRequest(byState.get(iso3) ?? [], filter.asOf);
    if (request === null) continue;
    const { years, spread } = spreadBudget(request);
    const toState = countedFlows(flows, { asOf: filter.asOf, recipient: iso3 });
    for (const { year, cents } of years) {
      const ofYear = toState.filter((f) => f.year === year);
      const received = ofYear.filter((f) => f.funding === 'international').reduce((s, f) => s + toCents(f.usd), 0);
      const national = ofYear.filter((f) => f.funding === 'national').reduce((s, f) => s + toCents(f.usd), 0);
      rows.push({
        iso3,
        year,
        need: cents === null ? null : fromCents(cents),
        received: fromCents(received),
        national: fromCents(national),
        gap: cents === null ? null : fromCents(cents - received - national),
        coverage: cents === null || cents === 0 ? null : share(received + national, cents),
        spread,
        request: {
          id: request.request,
          submitted: request.submitted,
          requestedDeadline: request.requestedDeadline,
          budgetUsd: request.budgetUsd,
          source: request.source,
        },
        sources: [...new Set(ofYear.flatMap((f) => f.sources))].sort(),
      });
    }
  }
  return { asOf: filter.asOf, rows };
}
