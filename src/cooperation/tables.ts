/**
 * Funding flows as Kysely sees them: one row per flow, amounts in the original currency (a double)
 * and in US$ cents (a bigint, so sums are exact on both engines), source ids as JSON text.
 */
import type { Generated } from 'kysely';
import type { StateCode } from '../core/states.js';
import type { Flag, SourceIdsJson } from '../store/database.js';
import type { Channel, DonorKind, FlowType, FundingKind, Sector } from './model.js';

export interface FundingFlowsTable {
  id: Generated<number>;
  donor_id: string;
  donor_name: string;
  donor_kind: DonorKind;
  /** null: global support, not to one State. No foreign key: flows are not reloaded with data/ and outlive `init --reset`. */
  recipient: StateCode | null;
  channel: Channel;
  via: string | null;
  sector: Sector;
  year: number;
  flow_type: FlowType;
  funding: FundingKind;
  amount: number;
  currency: string;
  exchange_rate: number | null;
  rate_source: string | null;
  usd_cents: number;
  reversal: Flag;
  double_counted: Flag;
  /** YYYY-MM-DD: the day the flow became public. */
  published: string;
  iati_activity: string | null;
  /** Unique: an IATI re-import finds its flows by it. */
  iati_key: string | null;
  sources: SourceIdsJson;
  notes: string;
}

declare module '../store/database.js' {
  interface Database {
    funding_flows: FundingFlowsTable;
  }
}
