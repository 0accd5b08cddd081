/**
 * The stockpile destruction pillar's vocabulary (Article 4, Article 3): a ledger per State,
 * each entry with its sources, and the answers the rules compute from it.
 */
import type { CalendarDate } from '../core/date.js';
import type { PartialDate } from '../core/partial-date.js';
import type { Provenance, Qualifier, SourceId } from '../core/source.js';
import type { StateCode } from '../core/states.js';
import type { Article4State } from '../treaty/model.js';

/**
 * What a ledger entry records (README, "The ledger"):
 * - `declared`: the stock a State held on a date, as it declared it (Art. 7 Form B) or a source reports it;
 *   quantity null when the source says a stock was held without saying how many;
 * - `none-held`: the State declared it has held no stockpile since the Convention bound it;
 * - `destroyed`: mines destroyed on a date, or over a period (`from` to `date`);
 * - `transferred`: mines transferred to another State for destruction (Art. 3.2);
 * - `found`: a stock reported on `date` that was not known before (action plans: destroy within
 *   six months of reporting), with the day its destruction was completed when a source gives it;
 * - `completed`: the State declared the destruction of its stockpile completed (within `from`..`date`
 *   when a source gives only a span);
 * - `stated`: a source's statement that the State met or missed its Article 4 deadline;
 * - `retained`: mines retained under Art. 3 at the end of `year`, and those consumed during it.
 */
export const ENTRY_KINDS = [
  'declared',
  'none-held',
  'destroyed',
  'transferred',
  'found',
  'completed',
  'stated',
  'retained',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/**
 * Mine types as sources name them. `unspecified` when a source gives no type; `PFM` is the
 * PFM-1/PFM-1S family where a source does not separate them. A type not in this list is refused
 * (add it here with the source that names it).
 */
export const MINE_TYPES = [
  'unspecified',
  'PFM',
  'PFM-1',
  'PFM-1S',
  'POM-2',
  'PMN',
  'PMN-2',
  'PMN-4',
  'PMD-6',
  'OZM-72',
  'MON-50',
  'MON-100',
  'PROM-1',
  'PMA-1',
  'PMA-2',
  'PMA-3',
  'M14',
  'M16',
  'M18A1',
  'VS-50',
  'VAL M69',
  'Type 72',
] as const;
export type MineType = (typeof MINE_TYPES)[number];

/** Why mines are retained under Article 3.1. */
export const RETAINED_PURPOSES = ['training', 'development', 'research', 'unspecified'] as const;
export type RetainedPurpose = (typeof RETAINED_PURPOSES)[number];

interface EntryBase extends Provenance {
  iso3: StateCode;
  notes: string;
}

export interface DeclaredEntry extends EntryBase {
  kind: 'declared';
  date: PartialDate;
  quantity: number | null;
  qualifier: Qualifier;
  mineType: MineType;
}

export interface NoneHeldEntry extends EntryBase {
  kind: 'none-held';
  date: PartialDate;
}

export interface DestroyedEntry extends EntryBase {
  kind: 'destroyed';
  /** Start of the period, when the destruction ran over one. */
  from: PartialDate | null;
  /** The day (or end of the period) of the destruction. */
  date: PartialDate;
  quantity: number | null;
  qualifier: Qualifier;
  mineType: MineType;
  method: string | null;
  place: string | null;
}

export interface TransferredEntry extends EntryBase {
  kind: 'transferred';
  date: PartialDate;
  quantity: number | null;
  qualifier: Qualifier;
  mineType: MineType;
  /** The State receiving the mines for destruction. */
  recipient: StateCode | null;
}

export interface FoundEntry extends EntryBase {
  kind: 'found';
  /** The date the State reported the stock. */
  date: PartialDate;
  quantity: number | null;
  qualifier: Qualifier;
  mineType: MineType;
  /** When its destruction was completed, where a source says so. */
  destroyed: PartialDate | null;
}

export interface CompletedEntry extends EntryBase {
  kind: 'completed';
  /** Earliest the completion can be, when a source gives only a span ("between Sep 2002 and 6 Feb 2003"). */
  from: PartialDate | null;
  date: PartialDate;
}

export interface StatedEntry extends EntryBase {
  kind: 'stated';
  /** Date of the statement (the source's publication). */
  date: PartialDate;
  met: boolean;
}

export interface RetainedEntry extends EntryBase {
  kind: 'retained';
  year: number;
  /** Held at the end of the year. */
  held: number;
  /** Consumed (used or destroyed) during the year; null when not reported. */
  consumed: number | null;
  purpose: RetainedPurpose;
  qualifier: Qualifier;
}

export type LedgerEntry =
  | DeclaredEntry
  | NoneHeldEntry
  | DestroyedEntry
  | TransferredEntry
  | FoundEntry
  | CompletedEntry
  | StatedEntry
  | RetainedEntry;

/** An entry as stored, with its row id. */
export type StoredEntry = LedgerEntry & { id: number };

/** Article 4 on a date (README), the treaty engine's words: `null` where the State is not bound by Article 4 on that date. */
export type { Article4State };

/** A deadline of its own (stock found after the Article 4 deadline): met, missed, open or unknown. */
export type DueState = 'met' | 'missed' | 'open' | 'unknown';

export interface Cited {
  /** The first source the entry cites (JSON shapes of the README); every one is in `sources`. */
  source: SourceId;
  sources: readonly SourceId[];
}

/** `minefree stockpiles ISO3 --json` and `GET /api/v1/states/{iso3}/stockpiles` (README, "JSON shapes"). */
export interface StateStockpile {
  iso3: StateCode;
  name: string;
  asOf: CalendarDate;
  deadline: CalendarDate | null;
  state: Article4State | null;
  declared: ({ date: PartialDate; quantity: number | null; qualifier: Qualifier } & Cited) | null;
  destroyed: ({
    date: PartialDate;
    from: PartialDate | null;
    quantity: number | null;
    qualifier: Qualifier;
    type: MineType;
  } & Cited)[];
  transferred: ({ date: PartialDate; quantity: number | null; recipient: StateCode | null } & Cited)[];
  /** Stock to destroy on the date; null when no declared quantity is known. */
  remaining: number | null;
  /**
   * The date of the declaration `remaining` repeats, when nothing recorded after it (destruction,
   * transfer, stock found, completion) lets the ledger compute it: the figure is "as declared on"
   * that date, not computed. Null when `remaining` is computed (or unknown).
   */
  remainingAsDeclared: PartialDate | null;
  /** The remaining stock on each day an entry changed it, then on `asOf` (empty when nothing is dated). */
  remainingHistory: { date: CalendarDate; remaining: number | null }[];
  completed: PartialDate | null;
  foundAfterDeadline: ({
    reported: PartialDate;
    quantity: number | null;
    due: CalendarDate;
    destroyed: PartialDate | null;
    state: DueState;
  } & Cited)[];
  retained: ({
    year: number;
    held: number;
    consumed: number | null;
    purpose: RetainedPurpose;
    /** Held at year end minus the year before (null for the first year listed). */
    change: number | null;
  } & Cited)[];
  /** The number retained stayed the same, with none consumed, for three or more years in a row. */
  retainedFlag: { from: number; to: number; held: number } | null;
}

/** `minefree stockpiles --json` and `GET /api/v1/stockpiles` (README, "JSON shapes"). */
export interface GlobalStockpiles {
  asOf: CalendarDate;
  statesParties: number;
  /** States Parties that declared they held no stockpile. */
  noStockpile: number;
  /** States Parties whose destruction was completed by the date. */
  completed: number;
  /** States Parties holding a stock on the date (the ledger says so), by code. */
  holding: StateCode[];
  missed: StateCode[];
  /** States Parties whose ledger says neither (past the deadline). */
  unknown: number;
  /** Sum of every sourced destruction dated by then (entries without a quantity are not counted). */
  destroyedTotal: number;
  /**
   * The published global total beside `destroyedTotal`: the largest cumulative total published by
   * the date, its latest publication (`reported.ts`); `published` the day it became public.
   */
  reportedDestroyed: {
    value: number;
    qualifier: Qualifier;
    source: SourceId;
    period: string;
    published: CalendarDate;
  } | null;
}

/** One State on the stockpiles map: its Article 4 state and deadline on the date (null: not bound). */
export interface StateArticle4 {
  iso3: StateCode;
  name: string;
  state: Article4State | null;
  deadline: CalendarDate | null;
}

/** Mines the ledger records destroyed in a year (a destruction over a period counts in the year it ended). */
export interface DestroyedInYear {
  year: number;
  quantity: number;
  /** Entries counted; entries without a number are not. */
  entries: number;
}

/** `GET /api/v1/stockpiles/states`: every State's Article 4 state on the date, the ledger's destructions by year. */
export interface StockpilesByState {
  asOf: CalendarDate;
  states: StateArticle4[];
  destroyedByYear: DestroyedInYear[];
}
