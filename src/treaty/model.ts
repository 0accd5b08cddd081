import type { CalendarDate } from '../core/date.js';
import type { PartialDate } from '../core/partial-date.js';
import type { Provenance, SourceId } from '../core/source.js';
import type { StateCode } from '../core/states.js';

/** How a State expressed its consent to be bound (Art. 16). */
export const CONSENT_KINDS = ['ratification', 'acceptance', 'approval', 'accession', 'succession'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

/** Every kind of instrument deposited with the Depositary (DESIGN.md §2, "Instrument"). */
export const INSTRUMENT_KINDS = ['signature', ...CONSENT_KINDS, 'withdrawal'] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];

export interface Signature extends Provenance {
  date: CalendarDate;
}

export interface Consent extends Provenance {
  kind: ConsentKind;
  /** Date the instrument was deposited with the Depositary: the legal event. */
  deposited: CalendarDate;
  /**
   * Succession only: the date of the succession of States from which the Depositary records the
   * Convention in effect (data/successions.csv). Articles 4, 5 and 7 count from it.
   */
  effective?: CalendarDate | null;
}

/** Art. 20.3: an armed conflict the withdrawing State is engaged in. */
export interface ArmedConflict {
  /** End of the conflict, a dated legal fact; null while it goes on or is not known. */
  ended: CalendarDate | null;
}

export interface Withdrawal extends Provenance {
  /** Date the Depositary received the instrument of withdrawal, when a source gives it. */
  deposited: CalendarDate | null;
  /**
   * Effective date as a source states it. The engine computes the date from `deposited`;
   * the stated one is used only when the deposit date is unknown (Poland), else it is a test oracle.
   */
  effectiveStated: CalendarDate | null;
  /** Date the State's decision to withdraw was made public; places a withdrawal known only as pending. */
  announced: CalendarDate | null;
  armedConflict: ArmedConflict | null;
}

/** Kinds of notice that are not an Article 20 instrument of withdrawal. */
export const NOTICE_KINDS = ['suspension'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/**
 * A notice that is not an Article 20 withdrawal (a notified "suspension", which the Convention
 * does not provide for): recorded and shown with its sources and the positions taken on it; the
 * State stays a State Party with all its obligations.
 */
export interface TreatyNotice extends Provenance {
  kind: NoticeKind;
  /** Day of the act the notice announces. */
  date: CalendarDate;
  /** Day the Depositary received it, when a source gives it. */
  notified: CalendarDate | null;
  description: string;
  positions: string;
}

/** One State and the legal events of its relation to the Convention. */
export interface StateRecord extends Provenance {
  iso3: StateCode;
  name: string;
  signature: Signature | null;
  consent: Consent | null;
  withdrawal: Withdrawal | null;
  /** Entry into force as a source states it: a test oracle, never used in place of the computed date. */
  entryIntoForceStated: CalendarDate | null;
  /** Notices that are not Article 20 instruments (data/treaty_notices.csv). */
  notices?: readonly TreatyNotice[];
  /** Names the State had before `name` (data/state_names.csv), each used on dates before `until`. */
  formerNames?: readonly FormerName[];
}

/** A name a State had until a day (exclusive), as the UN used it. */
export interface FormerName extends Provenance {
  name: string;
  until: CalendarDate;
}

/**
 * A State's Article 4 facts, derived from its stockpile ledger (the stockpiles pillar,
 * `article4-record.ts`): the ledger is the one table of Article 4 completions.
 */
export interface Article4Record extends Provenance {
  iso3: StateCode;
  /** The State declared it held no stockpile. */
  noStockpile: boolean;
  /** Destruction completed: the declared completion, or the destruction that emptied the declared stock. */
  completed: PartialDate | null;
  /** The state once the deadline has passed; no later date changes it (a dated fact is a fact about the past). */
  afterDeadline: Article4AfterDeadline;
  /** The notes of the entries that decide it (completion, no stockpile, statements), as the sources put them. */
  notes: string;
}

/**
 * An Art. 5.3-5.6 decision granting an extension. Unknown parts are null (`?` in the data).
 * `granted` is the day the meeting decided it (its last day when the sources give no more), or
 * the month or year when that is all that is known.
 */
export interface ExtensionDecision {
  granted: PartialDate | null;
  deadline: PartialDate | null;
  /** The meeting that decided it (`12MSP`, `5RC`), when known. */
  meeting?: string | null;
  /**
   * `reopened`: the deadline the States Parties set after a State that had declared completion
   * reported newly found mined areas; it is not compared with the deadline before the declaration.
   */
  kind?: 'extension' | 'reopened';
  sources?: readonly SourceId[];
}

/** A declaration of completion of Article 5 (Art. 5.1), with the day it was made. */
export interface Article5Declaration {
  declared: PartialDate;
  sources: readonly SourceId[];
}

/** A report of newly found mined areas by a State that had declared completion: the obligation re-opens. */
export interface Article5Reopening {
  reported: PartialDate;
  sources: readonly SourceId[];
}

/** Article 5 facts the sources state for a State. */
export interface Article5Record extends Provenance {
  iso3: StateCode;
  /** Stated original deadline: a test oracle for EIF + 10 years. */
  originalDeadlineStated: CalendarDate | null;
  extensions: readonly ExtensionDecision[];
  /** The latest deadline a source gives, and the date of that source: the data is complete up to then. */
  currentDeadlineStated: PartialDate | null;
  currentDeadlineAsOf: PartialDate | null;
  completed: PartialDate | null;
  notes: string;
  /** Declarations of completion with their days (data/article5_completions.csv); when given, they replace `completed`. */
  declarations?: readonly Article5Declaration[];
  reopenings?: readonly Article5Reopening[];
}

export type TreatyStatus = 'state-party' | 'signatory' | 'not-party' | 'withdrawn';
export type WithdrawalState = 'none' | 'pending' | 'effective';
/** `unknown`: the deadline has passed and the data says neither met nor missed. */
export type DeadlineState = 'met' | 'missed' | 'open' | 'unknown';
/** Article 4 adds `no-stockpile`: the State declared it held none, so nothing was due. */
export type Article4State = DeadlineState | 'no-stockpile';
/** Article 4 once the deadline has passed, for a State that held stock. */
export type Article4AfterDeadline = Extract<DeadlineState, 'met' | 'missed' | 'unknown'>;

/** An instrument as a writer gives it (the API, the command line); the store checks it against what is stored. */
export interface InstrumentInput {
  iso3: StateCode;
  kind: InstrumentKind;
  /** Date of deposit (of signing, for a signature); may be null only for a withdrawal. */
  deposited: CalendarDate | null;
  effectiveStated?: CalendarDate | null;
  announced?: CalendarDate | null;
  armedConflict?: ArmedConflict | null;
  sources: readonly SourceId[];
}

export interface ExtensionDecisionInput {
  iso3: StateCode;
  granted: PartialDate | null;
  deadline: PartialDate | null;
  /** The meeting that decided it (`22MSP`), when known. */
  decidedAtMeeting?: string | null;
  sources: readonly SourceId[];
}
