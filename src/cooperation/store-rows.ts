/** Funding flows to rows and back: the one place that knows which column holds which field. */
import type { Insertable, Selectable } from 'kysely';
import type { CalendarDate } from '../core/date.js';
import { parseSourceIds, sourceIdsJson } from '../store/json.js';
import type { FundingFlow, StoredFlow } from './model.js';
import type { FundingFlowsTable } from './tables.js';
import { fromCents, toCents } from './totals.js';

export function flowRow(f: FundingFlow): Insertable<FundingFlowsTable> {
  return {
    donor_id: f.donor.id,
    donor_name: f.donor.name,
    donor_kind: f.donor.kind,
    recipient: f.recipient,
    channel: f.channel,
    via: f.via,
    sector: f.sector,
    year: f.year,
    flow_type: f.type,
    funding: f.funding,
    amount: f.amount,
    currency: f.currency,
    exchange_rate: f.exchangeRate,
    rate_source: f.rateSource,
    usd_cents: toCents(f.usd),
    reversal: f.reversal ? 1 : 0,
    double_counted: f.doubleCounted ? 1 : 0,
    published: f.published,
    iati_activity: f.iati?.activity ?? null,
    iati_key: f.iati?.key ?? null,
    sources: sourceIdsJson(f.sources),
    notes: f.notes,
  };
}

/** pg returns bigint and numeric as numbers here (store/database.ts); double precision is a number on both. */
export function flowFromRow(r: Selectable<FundingFlowsTable>): StoredFlow {
  return {
    id: r.id,
    donor: { id: r.donor_id, name: r.donor_name, kind: r.donor_kind },
    recipient: r.recipient,
    channel: r.channel,
    via: r.via,
    sector: r.sector,
    year: Number(r.year),
    type: r.flow_type,
    funding: r.funding,
    amount: Number(r.amount),
    currency: r.currency,
    exchangeRate: r.exchange_rate === null ? null : Number(r.exchange_rate),
    rateSource: r.rate_source,
    usd: fromCents(Number(r.usd_cents)),
    reversal: r.reversal === 1,
    doubleCounted: r.double_counted === 1,
    published: r.published as CalendarDate,
    iati: r.iati_activity === null || r.iati_key === null ? null : { activity: r.iati_activity, key: r.iati_key },
    sources: parseSourceIds(r.sources),
    notes: r.notes,
  };
}
