/**
 * Stock remaining on a date and the completion of destruction (Art. 4). No I/O here.
 *
 * The latest stock declared on or before the date is the baseline (declarations on the same date,
 * one per mine type, add up); destructions and transfers after it subtract, stock found after it
 * adds, and found stock subtracts again once destroyed. A declared completion known by the date,
 * later than the baseline, sets the old stock to zero. Unknown quantities make the answer unknown.
 */
import type { CalendarDate } from '../core/date.js';
import { type PartialDate, latestDay } from '../core/partial-date.js';
import { type Span, compareSpans, entriesOf, knownBy, spanOf } from './ledger.js';
import type { LedgerEntry } from './model.js';

/** A quantity, or null when some part of the sum is not known. */
type Count = number | null;

const add = (a: Count, b: Count): Count => (a === null || b === null ? null : a + b);

/** The latest declared stock known by `asOf`: its date and the sum of its entries. */
export function baselineOn(
  entries: readonly LedgerEntry[],
  asOf: CalendarDate,
): { date: PartialDate; quantity: Count } | null {
  const declared = entriesOf(entries, 'declared').filter((e) => knownBy(e.date, asOf));
  if (declared.length === 0) return null;
  const latest = declared.reduce((a, b) => (compareSpans(b.date, a.date) > 0 ? b : a));
  const same = declared.filter((e) => e.date === latest.date);
  return { date: latest.date, quantity: same.reduce<Count>((sum, e) => add(sum, e.quantity), 0) };
}

/** The declared completion (the earliest, if several), as a span. */
export function declaredCompletion(entries: readonly LedgerEntry[]): { date: PartialDate; span: Span } | null {
  const completed = entriesOf(entries, 'completed');
  if (completed.length === 0) return null;
  const first = completed.reduce((a, b) => (compareSpans(b.date, a.date) < 0 ? b : a));
  return { date: first.date, span: spanOf(first.date, first.from) };
}

/** Found stock reported after `after` (a day) and known by `asOf`, less what of it was destroyed by then. */
function foundChange(entries: readonly LedgerEntry[], after: CalendarDate | null, asOf: CalendarDate): Count {
  let change: Count = 0;
  for (const f of entriesOf(entries, 'found')) {
    if (knownBy(f.date, asOf) && (after === null || latestDay(f.date) > after)) change = add(change, f.quantity);
    if (f.destroyed !== null && knownBy(f.destroyed, asOf) && (after === null || latestDay(f.destroyed) > after)) {
      change = add(change, f.quantity === null ? null : -f.quantity);
    }
  }
  return change;
}

/** Stock to destroy on `asOf`, or null when the ledger does not give the quantities. */
export function remainingOn(entries: readonly LedgerEntry[], asOf: CalendarDate): Count {
  if (entriesOf(entries, 'none-held').length > 0) return foundChange(entries, null, asOf);
  const baseline = baselineOn(entries, asOf);
  const completion = declaredCompletion(entries);
  const after = baseline === null ? null : latestDay(baseline.date);
  if (completion !== null && completion.span.last <= asOf && (after === null || completion.span.last >= after)) {
    // Completed: only stock found after the completion remains.
    return foundChange(entries, completion.span.last, asOf);
  }
  if (baseline === null || after === null) return null;
  let remaining: Count = baseline.quantity;
  for (const e of entries) {
    if ((e.kind === 'destroyed' || e.kind === 'transferred') && knownBy(e.date, asOf) && latestDay(e.date) > after) {
      remaining = add(remaining, e.quantity === null ? null : -e.quantity);
    }
  }
  return add(remaining, foundChange(entries, after, asOf));
}

/**
 * The date of the declaration that `remainingOn` repeats unchanged: nothing recorded after it
 * (no destruction, transfer, stock found or destroyed, no completion) changes it by `asOf`. Null when
 * the remaining stock is computed from the ledger, or unknown. A remaining stock that is only a
 * declaration is not computed: the answer says "as declared on" that date.
 */
export function remainingAsDeclaredOn(entries: readonly LedgerEntry[], asOf: CalendarDate): PartialDate | null {
  if (entriesOf(entries, 'none-held').length > 0) return null;
  const baseline = baselineOn(entries, asOf);
  if (baseline === null || baseline.quantity === null) return null;
  const after = latestDay(baseline.date);
  const completion = declaredCompletion(entries);
  if (completion !== null && completion.span.last <= asOf && completion.span.last >= after) return null;
  const changed = entries.some((e) => {
    if (e.kind === 'destroyed' || e.kind === 'transferred' || e.kind === 'found') {
      if (knownBy(e.date, asOf) && latestDay(e.date) > after) return true;
    }
    return e.kind === 'found' && e.destroyed !== null && knownBy(e.destroyed, asOf) && latestDay(e.destroyed) > after;
  });
  return changed ? null : baseline.date;
}

/**
 * When destruction was completed: the declared completion, or else the day a destruction or
 * transfer brought the declared stock to zero.
 */
export function completionOf(entries: readonly LedgerEntry[]): { date: PartialDate; span: Span } | null {
  const declared = declaredCompletion(entries);
  if (declared !== null) return declared;
  if (entriesOf(entries, 'declared').every((d) => d.quantity === null || d.quantity === 0)) return null;
  const events = entries
    .filter((e) => e.kind === 'destroyed' || e.kind === 'transferred')
    .map((e) => e.date)
    .sort(compareSpans);
  for (const date of events) {
    const day = latestDay(date);
    if (baselineOn(entries, day) !== null && remainingOn(entries, day) === 0) return { date, span: spanOf(date) };
  }
  return null;
}
