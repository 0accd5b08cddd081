/**
 * The Article 4 state of a State on a date (README, "Rules"). No I/O here.
 *
 * `no-stockpile`: the State declared it held none. `met`: destruction completed no later than
 * the deadline (the deadline day counts as in time). `missed`: stock remained after the deadline;
 * it stays `missed` after a late completion. `open`: the deadline is ahead and destruction is not
 * complete. `unknown`: the deadline has passed and the ledger says neither.
 *
 * Dated facts are facts about the past: a completion recorded for 2017 tells that stock remained
 * on the 2008 deadline, whatever date is asked. Stock found after the deadline has its own
 * due date (`found.ts`) and does not change this state.
 */
import type { CalendarDate } from '../core/date.js';
import { earliestDay, latestDay } from '../core/partial-date.js';
import { entriesOf } from './ledger.js';
import type { Article4AfterDeadline } from '../treaty/model.js';
import type { Article4State, LedgerEntry } from './model.js';
import { completionOf, remainingOn } from './remaining.js';

/** Whether the ledger shows stock held after the deadline (not counting stock found after it). */
export function heldAfter(entries: readonly LedgerEntry[], deadline: CalendarDate): boolean {
  for (const e of entries) {
    if (e.kind === 'declared' && e.quantity !== 0 && earliestDay(e.date) > deadline) return true;
    if ((e.kind === 'destroyed' || e.kind === 'transferred') && earliestDay(e.date) > deadline) return true;
  }
  return (remainingOn(entries, deadline) ?? 0) > 0;
}

export function article4StateOn(
  entries: readonly LedgerEntry[],
  deadline: CalendarDate | null,
  asOf: CalendarDate,
): Article4State | null {
  if (deadline === null) return null;
  if (entriesOf(entries, 'none-held').length > 0) return 'no-stockpile';
  if (asOf <= deadline) {
    const completion = completionOf(entries);
    return completion !== null && completion.span.last <= asOf ? 'met' : 'open';
  }
  return article4AfterDeadline(entries, deadline);
}

/**
 * The state once the deadline has passed, for a State that held stock: no later date changes it,
 * since a dated fact is a fact about the past. The treaty engine keeps this answer per State.
 */
export function article4AfterDeadline(entries: readonly LedgerEntry[], deadline: CalendarDate): Article4AfterDeadline {
  const completion = completionOf(entries);
  if (completion !== null && completion.span.last <= deadline) return 'met';
  if (completion !== null && completion.span.first > deadline) return 'missed';
  const stated = entriesOf(entries, 'stated');
  if (stated.some((s) => !s.met)) return 'missed';
  if (heldAfter(entries, deadline)) return 'missed';
  if (stated.some((s) => s.met)) return 'met';
  return 'unknown';
}

/** Whether destruction is done on `asOf`: a completion known by then, or a source saying the deadline was met. */
export function destroyedBy(
  entries: readonly LedgerEntry[],
  deadline: CalendarDate | null,
  asOf: CalendarDate,
): boolean {
  const completion = completionOf(entries);
  if (completion !== null) return completion.span.last <= asOf;
  const statedMet = entriesOf(entries, 'stated').some((s) => s.met && latestDay(s.date) <= asOf);
  // Without a completion, the state is `met` only after the deadline (before it, `open`).
  return statedMet || article4StateOn(entries, deadline, asOf) === 'met';
}
