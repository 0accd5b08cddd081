import { type CalendarDate, addYears, maxDate } from '../core/date.js';
import { type PartialDate, asPartialDate, earliestDay, latestDay } from '../core/partial-date.js';
import type { ExtensionDecision } from './model.js';

/** Art. 5.1: mined areas cleared no later than ten years after entry into force. */
export const CLEARANCE_YEARS = 10;
/** Art. 5.3: each extension is for a period of up to ten years. */
export const MAX_EXTENSION_YEARS = 10;

export function article5OriginalDeadline(entryIntoForce: CalendarDate): CalendarDate {
  return addYears(entryIntoForce, CLEARANCE_YEARS);
}

export interface ChainProblem {
  /** Position of the faulty extension in the chain, from 0. */
  index: number;
  expected: string;
}

/**
 * What is wrong with a chain of extensions, if anything. Only certain faults are reported: a
 * part the sources leave unknown (`?`) is never guessed. Each granted extension must move the
 * deadline later, by at most ten years (Art. 5.3), and grants come in date order (Art. 5.6).
 */
export function extensionChainProblems(original: CalendarDate, chain: readonly ExtensionDecision[]): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let previousDeadline: PartialDate | null = asPartialDate(original);
  let previousGranted: PartialDate | null = null;
  for (const [index, extension] of chain.entries()) {
    const { granted, deadline } = extension;
    if (granted !== null && previousGranted !== null && latestDay(granted) < earliestDay(previousGranted)) {
      problems.push({ index, expected: `a decision granted no earlier than the previous one (${previousGranted})` });
    }
    if (deadline !== null && previousDeadline !== null) {
      const before = previousDeadline;
      if (latestDay(deadline) <= earliestDay(before)) {
        problems.push({ index, expected: `a new deadline later than the one it replaces (${before})` });
      } else if (earliestDay(deadline) > addYears(latestDay(before), MAX_EXTENSION_YEARS)) {
        problems.push({
          index,
          expected: `an extension of at most ${MAX_EXTENSION_YEARS} years after ${before} (Art. 5.3)`,
        });
      }
    }
    previousDeadline = deadline;
    if (granted !== null) previousGranted = granted;
  }
  return problems;
}

/**
 * The first day an extension is surely in effect. A decision known only by its year counts
 * from the last day of that year; one with no known date, from the deadline it replaced
 * (a request must be decided before that deadline, Art. 5.3).
 */
function inEffectFrom(
  extension: ExtensionDecision,
  replaced: PartialDate | null,
  previousFrom: CalendarDate | null,
): CalendarDate | null {
  const from =
    extension.granted !== null ? latestDay(extension.granted) : replaced !== null ? earliestDay(replaced) : null;
  if (from === null) return previousFrom;
  return previousFrom === null ? from : maxDate(previousFrom, from);
}

export interface Article5Deadline {
  /** Deadline in force on the date; null when the latest extension's new date is not known. */
  deadline: PartialDate | null;
  /** The extensions granted by then, in order. */
  extensions: ExtensionDecision[];
}

export function article5DeadlineOn(
  original: CalendarDate,
  chain: readonly ExtensionDecision[],
  asOf: CalendarDate,
): Article5Deadline {
  let deadline: PartialDate | null = asPartialDate(original);
  let from: CalendarDate | null = null;
  const granted: ExtensionDecision[] = [];
  for (const extension of chain) {
    from = inEffectFrom(extension, deadline, from);
    if (from === null || from > asOf) break;
    granted.push(extension);
    deadline = extension.deadline;
  }
  return { deadline, extensions: granted };
}
