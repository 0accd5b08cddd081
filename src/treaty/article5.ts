import { type CalendarDate, addYears, maxDate } from '../core/date.js';
import { type PartialDate, asPartialDate, earliestDay, latestDay } from '../core/partial-date.js';
import type { Article5Reopening, ExtensionDecision } from './model.js';

/** Art. 5.1: mined areas cleared no later than ten years after entry into force. */
export const CLEARANCE_YEARS = 10;
/** Art. 5.3: each extension is for a period of up to ten years. */
export const MAX_EXTENSION_YEARS = 10;

// Stryker disable next-line EqualityOperator: on equal dates either one is the minimum
const minDate = (a: CalendarDate, b: CalendarDate): CalendarDate => (a < b ? a : b);

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
 * A deadline set after newly found mined areas re-opened the obligation (`kind: 'reopened'`) is
 * not compared with the one before: it starts a new chain.
 */
export function extensionChainProblems(original: CalendarDate, chain: readonly ExtensionDecision[]): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let previousDeadline: PartialDate | null = asPartialDate(original);
  // Each grant moves the deadline later, so one after an unknown deadline is still later than the last known.
  let lastKnown: PartialDate | null = previousDeadline;
  let previousGranted: PartialDate | null = null;
  for (const [index, extension] of chain.entries()) {
    const { granted, deadline } = extension;
    if (granted !== null && previousGranted !== null && latestDay(granted) < earliestDay(previousGranted)) {
      problems.push({ index, expected: `a decision granted no earlier than the previous one (${previousGranted})` });
    }
    if (extension.kind === 'reopened') previousDeadline = lastKnown = null;
    if (deadline !== null && lastKnown !== null && latestDay(deadline) <= earliestDay(lastKnown)) {
      problems.push({
        index,
        expected:
          previousDeadline === null
            ? `a new deadline later than ${lastKnown}, the last known deadline before it`
            : `a new deadline later than the one it replaces (${lastKnown})`,
      });
    } else if (
      deadline !== null &&
      previousDeadline !== null &&
      earliestDay(deadline) > addYears(latestDay(previousDeadline), MAX_EXTENSION_YEARS)
    ) {
      problems.push({
        index,
        expected: `an extension of at most ${MAX_EXTENSION_YEARS} years after ${previousDeadline} (Art. 5.3)`,
      });
    }
    previousDeadline = deadline;
    if (deadline !== null) lastKnown = deadline;
    if (granted !== null) previousGranted = granted;
  }
  return problems;
}

/**
 * The first day each extension is surely in effect: the day of the decision (the last day of its
 * month or year when only that is known). A decision whose day is unknown is never back-dated to
 * the deadline it replaced: it counts from the next decision with a known day or from `knownFrom`
 * (the day of the source that reports it), whichever is earlier; null when neither is known.
 * No extension counts before the one granted before it (Art. 5.6).
 */
export function extensionsInEffectFrom(
  chain: readonly ExtensionDecision[],
  knownFrom: CalendarDate | null = null,
): (CalendarDate | null)[] {
  const own = chain.map((e) => (e.granted === null ? null : latestDay(e.granted)));
  const result: (CalendarDate | null)[] = [];
  let previous: CalendarDate | null = null;
  for (const [index, day] of own.entries()) {
    let from = day;
    if (from === null) {
      const next = own.slice(index + 1).find((d) => d !== null) ?? null;
      from = next === null ? knownFrom : knownFrom === null ? next : minDate(next, knownFrom);
    }
    if (from === null) {
      // Unknown: this extension and every later one wait for a dated event.
      while (result.length < chain.length) result.push(null);
      return result;
    }
    previous = previous === null ? from : maxDate(previous, from);
    result.push(previous);
  }
  return result;
}

export interface Article5Deadline {
  /** Deadline in force on the date; null when the latest extension's new date is not known. */
  deadline: PartialDate | null;
  /** The extensions granted by then, in order. */
  extensions: ExtensionDecision[];
  /**
   * An extension recorded without a known decision day is not yet counted on the date: the
   * deadline shown may already have been replaced, so a passed one is neither met nor missed.
   */
  undated: boolean;
}

export function article5DeadlineOn(
  original: CalendarDate,
  chain: readonly ExtensionDecision[],
  asOf: CalendarDate,
  knownFrom: CalendarDate | null = null,
): Article5Deadline {
  const from = extensionsInEffectFrom(chain, knownFrom);
  let deadline: PartialDate | null = asPartialDate(original);
  const granted: ExtensionDecision[] = [];
  let undated = false;
  for (const [index, extension] of chain.entries()) {
    const day = from[index] ?? null;
    if (day === null || day > asOf) {
      undated = chain.slice(index).some((e) => e.granted === null);
      break;
    }
    granted.push(extension);
    deadline = extension.deadline;
  }
  return { deadline, extensions: granted, undated };
}

/**
 * The decisions that set the deadline for newly found mined areas: after each report that
 * re-opened the obligation, the first decision with a known day later than the report's last
 * possible day is marked `reopened`; every other decision is an `extension`.
 */
export function markReopened(
  chain: readonly ExtensionDecision[],
  reopenings: readonly Article5Reopening[],
): ExtensionDecision[] {
  const marked = new Set<number>();
  for (const r of reopenings) {
    const after = latestDay(r.reported);
    const index = chain.findIndex((e) => e.granted !== null && latestDay(e.granted) > after);
    // Stryker disable next-line ConditionalExpression: adding -1 (no decision found) marks nothing, as no decision has that index
    if (index >= 0) marked.add(index);
  }
  return chain.map((e, index) => ({ ...e, kind: marked.has(index) ? 'reopened' : 'extension' }));
}
