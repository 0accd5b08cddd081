import type { CalendarDate } from '../core/date.js';
import { type PartialDate, asPartialDate, earliestDay, latestDay } from '../core/partial-date.js';
import { article4Deadline } from './article4.js';
import { article5DeadlineOn, article5OriginalDeadline } from './article5.js';
import { initialReportDue } from './article7.js';
import { deadlineState, completedBy } from './completion.js';
import { type ConventionEntryIntoForce, consentEntryIntoForce, conventionEntryIntoForce } from './entry-into-force.js';
import type {
  Article4Record,
  Article4State,
  Article5Record,
  ConsentKind,
  DeadlineState,
  ExtensionDecision,
  NoticeKind,
  StateRecord,
  TreatyStatus,
  WithdrawalState,
} from './model.js';
import { withdrawalEffect, withdrawalStateOn } from './withdrawal.js';
import type { SourceId } from '../core/source.js';
import type { StateCode } from '../core/states.js';

/** Everything the engine computes from: the legal events and the facts sources state. */
export interface TreatyFacts {
  states: readonly StateRecord[];
  article4: ReadonlyMap<StateCode, Article4Record>;
  article5: ReadonlyMap<StateCode, Article5Record>;
}

/** One State on one date: the `minefree state` JSON shape (README, "JSON output"). */
export interface StateOnDate {
  iso3: StateCode;
  name: string;
  status: TreatyStatus;
  inForce: boolean;
  signed: CalendarDate | null;
  consent: { date: CalendarDate; kind: ConsentKind } | null;
  entryIntoForce: CalendarDate | null;
  withdrawal: { notified: CalendarDate | null; effective: CalendarDate | null; state: WithdrawalState };
  /** Notices that are not Article 20 withdrawals, known on the date; they change nothing in the status. */
  notices: { kind: NoticeKind; date: CalendarDate; notified: CalendarDate | null; sources: readonly SourceId[] }[];
  article4: {
    deadline: CalendarDate | null;
    completed: PartialDate | null;
    missed: boolean | null;
    state: Article4State | null;
  };
  article5: {
    originalDeadline: CalendarDate | null;
    extensions: ExtensionDecision[];
    currentDeadline: PartialDate | null;
    completed: PartialDate | null;
    /** The report of newly found mined areas that re-opened the obligation, when one is known on the date. */
    reopened: PartialDate | null;
    state: DeadlineState | null;
  };
  article7: { initialDue: CalendarDate | null };
}

export interface StatusSummary {
  asOf: CalendarDate;
  statesTotal: number;
  statesParties: number;
  inForce: number;
  notParty: number;
  signatoriesNotParty: number;
  withdrawals: { effective: StateCode[]; pending: StateCode[] };
  latestToJoin: { iso3: StateCode; name: string; date: CalendarDate; instrument: ConsentKind } | null;
}

export type DeadlineArticle = 4 | 5 | 7;

export interface DeadlineEntry {
  iso3: StateCode;
  name: string;
  deadline: PartialDate | null;
  /** `no-stockpile` only in Article 4's list. */
  state: Article4State;
  /** Article 5: the decision that set the deadline (null: the original deadline, Art. 5.1) and its sources. */
  decision?: { meeting: string | null; granted: PartialDate | null; sources: readonly SourceId[] } | null;
}

const NO_ARTICLE4 = { deadline: null, completed: null, missed: null, state: null };
const NO_ARTICLE5 = {
  originalDeadline: null,
  extensions: [],
  currentDeadline: null,
  completed: null,
  reopened: null,
  state: null,
};

/** The name a State had on the date: a former name before the day it changed, else its current name. */
export function nameOn(record: StateRecord, asOf: CalendarDate): string {
  // Stryker disable next-line ArrayDeclaration: a placeholder element has no date, so the filter drops it as it drops nothing
  const former = (record.formerNames ?? [])
    .filter((f) => asOf < f.until)
    .sort((a, b) => a.until.localeCompare(b.until));
  return former[0]?.name ?? record.name;
}

function statusOn(record: StateRecord, withdrawal: WithdrawalState, asOf: CalendarDate): TreatyStatus {
  if (withdrawal === 'effective') return 'withdrawn';
  if (record.consent !== null && record.consent.deposited <= asOf) return 'state-party';
  if (record.signature !== null && record.signature.date <= asOf) return 'signatory';
  return 'not-party';
}

/** A deadline known only by its year or month is taken at its last possible day. */
function article5State(
  record: Article5Record,
  deadline: PartialDate,
  completed: PartialDate | null,
  asOf: CalendarDate,
  undated: boolean,
): DeadlineState {
  return deadlineState({
    deadline: latestDay(deadline),
    completed,
    asOf,
    extendable: true,
    // An extension recorded without its decision day may already have replaced the deadline shown.
    completeUntil: undated || record.currentDeadlineAsOf === null ? null : earliestDay(record.currentDeadlineAsOf),
  });
}

/** Events known on `asOf`: those whose last possible day has passed, in date order. */
function knownOn<T>(events: readonly T[], day: (e: T) => PartialDate, asOf: CalendarDate): T[] {
  return events
    .filter((e) => latestDay(day(e)) <= asOf)
    .sort((a, b) => latestDay(day(a)).localeCompare(latestDay(day(b))));
}

/**
 * Completion and re-opening on `asOf`. A declaration counts from its day (the earliest one known
 * since the last re-opening); a report of newly found mined areas after it re-opens the obligation.
 */
function article5Completion(
  record: Article5Record,
  asOf: CalendarDate,
): { completed: PartialDate | null; reopened: PartialDate | null; reopenings: number } {
  const reopenings = knownOn(record.reopenings ?? [], (r) => r.reported, asOf);
  const reopened = reopenings.at(-1)?.reported ?? null;
  const declarations = record.declarations ?? [];
  let completed =
    declarations.length > 0
      ? (knownOn(declarations, (d) => d.declared, asOf).find(
          (d) => reopened === null || earliestDay(d.declared) > latestDay(reopened),
        )?.declared ?? null)
      : completedBy(record.completed, asOf);
  if (completed !== null && reopened !== null && latestDay(completed) <= latestDay(reopened)) completed = null;
  return { completed, reopened, reopenings: reopenings.length };
}

/**
 * The treaty engine: computes every State's status and deadlines on any date from the facts.
 * Entry-into-force dates are computed once; everything else is a pure function of the date.
 */
export class TreatyEngine {
  readonly convention: ConventionEntryIntoForce | null;
  private readonly entryIntoForceOf = new Map<StateCode, CalendarDate>();
  private readonly byCode = new Map<StateCode, StateRecord>();

  constructor(readonly facts: TreatyFacts) {
    // Art. 17.1 counts instruments of ratification, acceptance, approval or accession, not succession.
    const deposits = facts.states.flatMap((s) =>
      s.consent && s.consent.kind !== 'succession' ? [s.consent.deposited] : [],
    );
    this.convention = conventionEntryIntoForce(deposits);
    for (const record of facts.states) {
      this.byCode.set(record.iso3, record);
      if (record.consent && this.convention) {
        this.entryIntoForceOf.set(record.iso3, consentEntryIntoForce(record.consent, this.convention));
      }
    }
  }

  record(iso3: StateCode): StateRecord | undefined {
    return this.byCode.get(iso3);
  }

  /** Entry into force for a State that has deposited its consent (whatever the date asked). */
  entryIntoForce(iso3: StateCode): CalendarDate | null {
    return this.entryIntoForceOf.get(iso3) ?? null;
  }

  state(iso3: StateCode, asOf: CalendarDate): StateOnDate | null {
    const record = this.byCode.get(iso3);
    return record ? this.stateOf(record, asOf) : null;
  }

  states(asOf: CalendarDate): StateOnDate[] {
    return this.facts.states.map((record) => this.stateOf(record, asOf));
  }

  private stateOf(record: StateRecord, asOf: CalendarDate): StateOnDate {
    const withdrawalState = withdrawalStateOn(record.withdrawal, asOf);
    const status = statusOn(record, withdrawalState, asOf);
    const consented = record.consent !== null && record.consent.deposited <= asOf;
    const eif = consented ? this.entryIntoForce(record.iso3) : null;
    const bound = status === 'state-party' && eif !== null;
    const effect = record.withdrawal && withdrawalState !== 'none' ? withdrawalEffect(record.withdrawal) : null;
    const notified = record.withdrawal?.deposited ?? null;
    return {
      iso3: record.iso3,
      name: nameOn(record, asOf),
      status,
      inForce: bound && eif <= asOf,
      signed: record.signature && record.signature.date <= asOf ? record.signature.date : null,
      consent: consented && record.consent ? { date: record.consent.deposited, kind: record.consent.kind } : null,
      entryIntoForce: eif,
      withdrawal: {
        notified: notified !== null && notified <= asOf ? notified : null,
        effective: effect?.effective ?? null,
        state: withdrawalState,
      },
      // Stryker disable next-line ArrayDeclaration: a placeholder element has no date, so the filter drops it as it drops nothing
      notices: (record.notices ?? [])
        .filter((n) => n.date <= asOf)
        .map((n) => ({
          kind: n.kind,
          date: n.date,
          notified: n.notified !== null && n.notified <= asOf ? n.notified : null,
          sources: n.sources,
        })),
      article4: bound ? this.article4On(record.iso3, eif, asOf) : NO_ARTICLE4,
      article5: bound ? this.article5On(record.iso3, eif, asOf) : NO_ARTICLE5,
      article7: { initialDue: bound ? initialReportDue(eif) : null },
    };
  }

  /** The stockpile ledger's answer (`Article4Record`): before the deadline, met once completed; after it, as recorded. */
  private article4On(iso3: StateCode, eif: CalendarDate, asOf: CalendarDate): StateOnDate['article4'] {
    const deadline = article4Deadline(eif);
    const record = this.facts.article4.get(iso3);
    if (record?.noStockpile) return { deadline, completed: null, missed: false, state: 'no-stockpile' };
    const completed = completedBy(record?.completed ?? null, asOf);
    // "No later than": the deadline day itself is still in time.
    const state = asOf <= deadline ? (completed === null ? 'open' : 'met') : (record?.afterDeadline ?? 'unknown');
    const missed = state === 'missed' ? true : state === 'met' ? false : null;
    return { deadline, completed, missed, state };
  }

  private article5On(iso3: StateCode, eif: CalendarDate, asOf: CalendarDate): StateOnDate['article5'] {
    const originalDeadline = article5OriginalDeadline(eif);
    const record = this.facts.article5.get(iso3);
    if (!record) {
      return { ...NO_ARTICLE5, originalDeadline };
    }
    const knownFrom = record.currentDeadlineAsOf === null ? null : latestDay(record.currentDeadlineAsOf);
    const chain = article5DeadlineOn(originalDeadline, record.extensions, asOf, knownFrom);
    const { completed, reopened, reopenings } = article5Completion(record, asOf);
    // Re-opened and no deadline set for the newly found areas yet: the deadline is not known.
    const awaiting = reopenings > chain.extensions.filter((e) => e.kind === 'reopened').length;
    const deadline = awaiting ? null : chain.deadline;
    return {
      originalDeadline,
      extensions: chain.extensions,
      currentDeadline: deadline,
      completed,
      reopened,
      state: deadline === null ? 'unknown' : article5State(record, deadline, completed, asOf, chain.undated),
    };
  }

  summary(asOf: CalendarDate): StatusSummary {
    const states = this.states(asOf);
    const parties = states.filter((s) => s.status === 'state-party');
    let latest: StatusSummary['latestToJoin'] = null;
    for (const s of parties) {
      const consent = s.consent;
      if (consent && (latest === null || consent.date > latest.date)) {
        latest = { iso3: s.iso3, name: s.name, date: consent.date, instrument: consent.kind };
      }
    }
    return {
      asOf,
      statesTotal: states.length,
      statesParties: parties.length,
      inForce: parties.filter((s) => s.inForce).length,
      notParty: states.length - parties.length,
      signatoriesNotParty: states.filter((s) => s.status === 'signatory').length,
      withdrawals: {
        effective: states.filter((s) => s.withdrawal.state === 'effective').map((s) => s.iso3),
        pending: states.filter((s) => s.withdrawal.state === 'pending').map((s) => s.iso3),
      },
      latestToJoin: latest,
    };
  }

  /** Every State Party bound by the article's deadline on the date, earliest deadline first. */
  deadlines(article: DeadlineArticle, asOf: CalendarDate): DeadlineEntry[] {
    const entries: DeadlineEntry[] = [];
    for (const s of this.states(asOf)) {
      // Stryker disable next-line ConditionalExpression,LogicalOperator: a State not bound has no Article 4, 5 or 7 entries (stateOf gives them only when bound), so this skip changes no list
      if (s.status !== 'state-party' || s.entryIntoForce === null) continue;
      const base = { iso3: s.iso3, name: s.name };
      if (article === 4 && s.article4.deadline && s.article4.state) {
        entries.push({ ...base, deadline: asPartialDate(s.article4.deadline), state: s.article4.state });
      } else if (article === 5 && s.article5.state && this.facts.article5.has(s.iso3)) {
        const last = s.article5.extensions.at(-1);
        const decision =
          last === undefined
            ? null
            : { meeting: last.meeting ?? null, granted: last.granted, sources: last.sources ?? [] };
        entries.push({ ...base, deadline: s.article5.currentDeadline, state: s.article5.state, decision });
      } else if (article === 7 && s.article7.initialDue) {
        const due = s.article7.initialDue;
        entries.push({ ...base, deadline: asPartialDate(due), state: due >= asOf ? 'open' : 'unknown' });
      }
    }
    const key = (e: DeadlineEntry): string => (e.deadline === null ? '9999' : earliestDay(e.deadline));
    return entries.sort((a, b) => key(a).localeCompare(key(b)) || a.iso3.localeCompare(b.iso3));
  }
}
