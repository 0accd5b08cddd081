/**
 * Casualty records as Kysely sees them: one row per person under a pseudonymous id, and the
 * personal details (name, contact, consent) in a table of their own, read only through the
 * audited store function. Lists of service kinds are `;`-joined text.
 */
import type { StateCode } from '../core/states.js';
import type { Generated } from 'kysely';
import type { Flag, SourceIdsJson } from '../store/database.js';

export interface CasualtyRecordsTable {
  id: string;
  iso3: StateCode;
  incident_date: string;
  /** The year of `incident_date`, kept for the group-by of the public aggregates. */
  incident_year: number;
  historic: Flag;
  lat: number | null;
  lon: number | null;
  admin_area: string | null;
  device: string;
  outcome: string;
  sex: string;
  age: number | null;
  age_band: string;
  status: string;
  child: Flag | null;
  activity: string;
  needs: string;
  referrals: string;
  synthetic: Flag;
  /** YYYY-MM-DD: the day the record was stored; aggregates on an earlier date leave it out. */
  recorded: string;
}

export interface CasualtyPersonalTable {
  /** With record_id, the record's key (ids are unique within a State). */
  iso3: StateCode;
  record_id: string;
  name: string | null;
  contact: string | null;
  consent: string;
  consent_date: string | null;
}

/** One observation of a State's framework (data/victim_assistance_frameworks.csv). */
export interface VaFrameworksTable {
  id: Generated<number>;
  iso3: StateCode;
  reported: string;
  significant: Flag | null;
  mechanism_type: string | null;
  mechanism_since: string | null;
  plan_title: string | null;
  plan_from: string | null;
  plan_to: string | null;
  /** 1: the source states there was no plan (title and dates then null). 0024. */
  plan_none: Generated<Flag>;
  survivor_participation: Flag | null;
  /** JSON object: service kind to reachability notes. */
  services: string;
  sources: SourceIdsJson;
  notes: string;
}

/** The tables the seed loads from data/ (deleted and reloaded by `init --reset`). */
export const VICTIMS_REFERENCE_TABLES = ['va_frameworks'] as const;

declare module '../store/database.js' {
  interface Database {
    casualty_records: CasualtyRecordsTable;
    casualty_personal: CasualtyPersonalTable;
    va_frameworks: VaFrameworksTable;
  }
}
