/**
 * A State's stockpile on a date and the global view, from the ledgers and the treaty engine
 * (each State's Article 4 deadline). No I/O here.
 */
import type { CalendarDate } from '../core/date.js';
import { type PartialDate, earliestDay, latestDay } from '../core/partial-date.js';
import type { StateCode } from '../core/states.js';
import type { TreatyEngine } from '../treaty/status.js';
import { article4StateOn, destroyedBy } from './article4.js';
import { foundAfterDeadline } from './found.js';
import { compareSpans, entriesOf, knownBy } from './ledger.js';
import type {
  Cited,
  DestroyedInYear,
  GlobalStockpiles,
  LedgerEntry,
  StateStockpile,
  StockpilesByState,
} from './model.js';
import { baselineOn, completionOf, remainingAsDeclaredOn, remainingOn } from './remaining.js';
import { constantRetention, retainedKnownBy, retainedTrend } from './retained.js';

const cited = (e: { sources: readonly string[] }): Cited => ({ source: e.sources[0] ?? '', sources: e.sources });

export function stateStockpile(
  engine: TreatyEngine,
  iso3: StateCode,
  entries: readonly LedgerEntry[],
  asOf: CalendarDate,
): StateStockpile | null {
  const treaty = engine.state(iso3, asOf);
  if (treaty === null) return null;
  const deadline = treaty.article4.deadline;
  const baseline = baselineOn(entries, asOf);
  const declared = baseline
    ? (entriesOf(entries, 'declared')
        .filter((e) => e.date === baseline.date)
        .map((e) => ({ date: e.date, quantity: baseline.quantity, qualifier: e.qualifier, ...cited(e) }))[0] ?? null)
    : null;
  const completion = completionOf(entries);
  const retained = retainedKnownBy(entriesOf(entries, 'retained'), asOf);
  return {
    iso3,
    name: treaty.name,
    asOf,
    deadline,
    state: article4StateOn(entries, deadline, asOf),
    declared,
    destroyed: entriesOf(entries, 'destroyed')
      .filter((e) => knownBy(e.date, asOf))
      .sort((a, b) => compareSpans(a.date, b.date))
      .map((e) => ({
        date: e.date,
        from: e.from,
        quantity: e.quantity,
        qualifier: e.qualifier,
        type: e.mineType,
        ...cited(e),
      })),
    transferred: entriesOf(entries, 'transferred')
      .filter((e) => knownBy(e.date, asOf))
      .sort((a, b) => compareSpans(a.date, b.date))
      .map((e) => ({ date: e.date, quantity: e.quantity, recipient: e.recipient, ...cited(e) })),
    remaining: remainingOn(entries, asOf),
    remainingAsDeclared: remainingAsDeclaredOn(entries, asOf),
    remainingHistory: remainingHistory(entries, asOf),
    completed: completion !== null && completion.span.last <= asOf ? completion.date : null,
    foundAfterDeadline: foundAfterDeadline(entries, deadline, asOf).map((f) => ({
      reported: f.entry.date,
      quantity: f.entry.quantity,
      due: f.due,
      destroyed: f.destroyed,
      state: f.state,
      ...cited(f.entry),
    })),
    retained: retainedTrend(retained).map(({ entry, change }) => ({
      year: entry.year,
      held: entry.held,
      consumed: entry.consumed,
      purpose: entry.purpose,
      change,
      ...cited(entry),
    })),
    retainedFlag: constantRetention(retained),
  };
}

/**
 * The remaining stock on each day the ledger changes it (a dated entry's last possible day), up to
 * `asOf`, then on `asOf`: the points of the chart of remaining stock against the deadline.
 */
export function remainingHistory(
  entries: readonly LedgerEntry[],
  asOf: CalendarDate,
): { date: CalendarDate; remaining: number | null }[] {
  const days = new Set<CalendarDate>();
  for (const e of entries) {
    if (e.kind === 'retained' || e.kind === 'stated') continue;
    if (knownBy(e.date, asOf)) days.add(latestDay(e.date));
    if (e.kind === 'found' && e.destroyed !== null && knownBy(e.destroyed, asOf)) days.add(latestDay(e.destroyed));
  }
  if (days.size === 0) return [];
  days.add(asOf);
  return [...days].sort().map((date) => ({ date, remaining: remainingOn(entries, date) }));
}

/**
 * Whether the State holds stock on `asOf`: a positive remaining stock, a declared stock not yet
 * destroyed, stock found and not yet destroyed, or stock the ledger shows later (stocks only shrink,
 * apart from stock found).
 */
export function holdsStock(
  entries: readonly LedgerEntry[],
  deadline: CalendarDate | null,
  asOf: CalendarDate,
): boolean {
  if (entriesOf(entries, 'none-held').length > 0) {
    return entriesOf(entries, 'found').some(
      (f) => knownBy(f.date, asOf) && (f.destroyed === null || !knownBy(f.destroyed, asOf)),
    );
  }
  const remaining = remainingOn(entries, asOf);
  if (remaining !== null) return remaining > 0;
  if (!destroyedBy(entries, deadline, asOf)) {
    const baseline = baselineOn(entries, asOf);
    if (baseline !== null && baseline.quantity !== 0) return true;
    const later = entries.some(
      (e) =>
        ((e.kind === 'declared' && e.quantity !== 0) || e.kind === 'destroyed' || e.kind === 'transferred') &&
        earliestDay(e.date) > asOf,
    );
    const completion = completionOf(entries);
    if (later || (completion !== null && completion.span.first > asOf)) return true;
  }
  return entriesOf(entries, 'found').some(
    (f) => knownBy(f.date, asOf) && (f.destroyed === null || latestDay(f.destroyed) > asOf),
  );
}

export type ReportedDestroyed = NonNullable<GlobalStockpiles['reportedDestroyed']>;

/** The global view on `asOf`: counts over the States Parties on that date, totals over every ledger. */
export function globalStockpiles(
  engine: TreatyEngine,
  ledgers: ReadonlyMap<StateCode, readonly LedgerEntry[]>,
  asOf: CalendarDate,
  reportedDestroyed: ReportedDestroyed | null,
): GlobalStockpiles {
  const parties = engine.states(asOf).filter((s) => s.status === 'state-party');
  const holding: StateCode[] = [];
  const missed: StateCode[] = [];
  let noStockpile = 0;
  let completed = 0;
  let unknown = 0;
  for (const party of parties) {
    const entries = ledgers.get(party.iso3) ?? [];
    const deadline = party.article4.deadline;
    const state = article4StateOn(entries, deadline, asOf);
    if (state === 'no-stockpile') noStockpile++;
    if (state === 'missed') missed.push(party.iso3);
    if (state === 'unknown') unknown++;
    if (state !== 'no-stockpile' && destroyedBy(entries, deadline, asOf)) completed++;
    if (holdsStock(entries, deadline, asOf)) holding.push(party.iso3);
  }
  let destroyedTotal = 0;
  for (const entries of ledgers.values()) {
    for (const e of entries) {
      if (e.kind === 'destroyed' && e.quantity !== null && knownBy(e.date, asOf)) destroyedTotal += e.quantity;
      if (e.kind === 'found' && e.quantity !== null && e.destroyed !== null && knownBy(e.destroyed, asOf)) {
        destroyedTotal += e.quantity;
      }
    }
  }
  return {
    asOf,
    statesParties: parties.length,
    noStockpile,
    completed,
    holding: holding.sort(),
    missed: missed.sort(),
    unknown,
    destroyedTotal,
    reportedDestroyed,
  };
}

/**
 * The stockpiles map and chart on `asOf`: every State with its Article 4 state (null where not
 * bound), and the ledger's destructions by year, dated by then.
 */
export function stockpilesByState(
  engine: TreatyEngine,
  ledgers: ReadonlyMap<StateCode, readonly LedgerEntry[]>,
  asOf: CalendarDate,
): StockpilesByState {
  const states = engine.states(asOf).map((s) => {
    const bound = s.status === 'state-party' ? s.article4.deadline : null;
    return {
      iso3: s.iso3,
      name: s.name,
      state: bound === null ? null : article4StateOn(ledgers.get(s.iso3) ?? [], bound, asOf),
      deadline: bound,
    };
  });
  const years = new Map<number, DestroyedInYear>();
  const count = (date: PartialDate, quantity: number | null): void => {
    if (quantity === null || !knownBy(date, asOf)) return;
    const year = Number(latestDay(date).slice(0, 4));
    const row = years.get(year) ?? { year, quantity: 0, entries: 0 };
    row.quantity += quantity;
    row.entries += 1;
    years.set(year, row);
  };
  for (const entries of ledgers.values()) {
    for (const e of entries) {
      if (e.kind === 'destroyed') count(e.date, e.quantity);
      if (e.kind === 'found' && e.destroyed !== null) count(e.destroyed, e.quantity);
    }
  }
  return { asOf, states, destroyedByYear: [...years.values()].sort((a, b) => a.year - b.year) };
}
