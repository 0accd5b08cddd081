import type { CalendarDate } from '../core/date.js';
import { type PartialDate, earliestDay, latestDay } from '../core/partial-date.js';
import type { DeadlineState } from './model.js';

/** A completion the data records, if it was known (fully past) on `asOf`. */
export function completedBy(completed: PartialDate | null, asOf: CalendarDate): PartialDate | null {
  return completed !== null && latestDay(completed) <= asOf ? completed : null;
}

/**
 * Whether a deadline was met, missed or is still open on `asOf`.
 * A completion known only by its year or month counts as met only if its last possible day is
 * on or before the deadline, as missed only if its first possible day is after it.
 * `missedPerSources` is a source's own statement that the deadline was missed or met.
 */
export function deadlineState(input: {
  deadline: CalendarDate;
  completed: PartialDate | null;
  asOf: CalendarDate;
  statedMet?: boolean | null;
  /** The data is known to be complete (no later event omitted) up to this date. */
  completeUntil?: CalendarDate | null;
  /**
   * Whether the deadline can be extended (Art. 5, not Art. 4). A completion after an extendable
   * deadline is a miss only if the data is complete up to it: an extension missing from the
   * sources read may have covered it.
   */
  extendable?: boolean;
}): DeadlineState {
  const { deadline, asOf, completeUntil = null } = input;
  const completed = completedBy(input.completed, asOf);
  if (completed !== null) {
    if (latestDay(completed) <= deadline) return 'met';
    const certain = !input.extendable || (completeUntil !== null && earliestDay(completed) <= completeUntil);
    if (earliestDay(completed) > deadline) return certain ? 'missed' : 'unknown';
  }
  if (asOf <= deadline) return 'open'; // "no later than": the deadline day itself is still in time
  if (input.statedMet === true && completed !== null) return 'met';
  if (input.statedMet === false) return 'missed';
  if (completed === null && completeUntil !== null && deadline < completeUntil) return 'missed';
  return 'unknown';
}
