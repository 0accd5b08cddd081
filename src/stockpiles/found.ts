/**
 * Stock found after the Article 4 deadline (Maputo Action Plan, action 7, and the plans after it):
 * report it and destroy it as a matter of urgency, within six months of reporting. No I/O here.
 * Stock reported on or before the deadline day is part of the stock the deadline covers.
 */
import { type CalendarDate, addMonths } from '../core/date.js';
import { type PartialDate, earliestDay, latestDay } from '../core/partial-date.js';
import { knownBy } from './ledger.js';
import type { DueState, FoundEntry, LedgerEntry } from './model.js';

export const FOUND_STOCK_MONTHS = 6;

/** Report date + six months; a report known only by its month or year is taken at its last day. */
export function foundStockDue(reported: PartialDate): CalendarDate {
  return addMonths(latestDay(reported), FOUND_STOCK_MONTHS);
}

export function foundStockState(destroyed: PartialDate | null, due: CalendarDate, asOf: CalendarDate): DueState {
  if (destroyed !== null) {
    if (latestDay(destroyed) <= due) return latestDay(destroyed) <= asOf ? 'met' : 'open';
    if (earliestDay(destroyed) > due) return asOf <= due ? 'open' : 'missed';
  }
  return asOf <= due ? 'open' : 'unknown';
}

export interface FoundAfterDeadline {
  entry: FoundEntry;
  due: CalendarDate;
  /** The destruction, once known on the date asked. */
  destroyed: PartialDate | null;
  state: DueState;
}

/** Stock reported after the deadline and known by `asOf`, each with its due date and state. */
export function foundAfterDeadline(
  entries: readonly LedgerEntry[],
  deadline: CalendarDate | null,
  asOf: CalendarDate,
): FoundAfterDeadline[] {
  if (deadline === null) return [];
  return entries
    .filter((e): e is FoundEntry => e.kind === 'found' && earliestDay(e.date) > deadline && knownBy(e.date, asOf))
    .map((entry) => {
      const due = foundStockDue(entry.date);
      const destroyed = entry.destroyed !== null && knownBy(entry.destroyed, asOf) ? entry.destroyed : null;
      return { entry, due, destroyed, state: foundStockState(entry.destroyed, due, asOf) };
    });
}
