/**
 * Mines retained under Article 3 (training in detection, clearance or destruction, development):
 * the number held at each year's end, its change, and the ICBL's recurring concern, a number that
 * stays the same for three years or more with none consumed. No I/O here.
 */
import type { CalendarDate } from '../core/date.js';
import type { RetainedEntry } from './model.js';

/** Three year-ends in a row with the same number held and none consumed. */
export const CONSTANT_RETENTION_YEARS = 3;

/** Years whose end has passed on `asOf` (the year of the date is not over yet unless it is 31 December). */
export function retainedKnownBy(entries: readonly RetainedEntry[], asOf: CalendarDate): RetainedEntry[] {
  return entries.filter((e) => `${String(e.year).padStart(4, '0')}-12-31` <= asOf).sort((a, b) => a.year - b.year);
}

export function retainedTrend(entries: readonly RetainedEntry[]): { entry: RetainedEntry; change: number | null }[] {
  return entries.map((entry, i) => {
    const before = entries[i - 1];
    return { entry, change: before !== undefined && before.year === entry.year - 1 ? entry.held - before.held : null };
  });
}

/**
 * The latest run of consecutive years (at least three) holding the same number with none consumed
 * (a year with no consumption reported counts as none consumed), or null. Years sorted ascending.
 */
export function constantRetention(
  entries: readonly RetainedEntry[],
): { from: number; to: number; held: number } | null {
  const idle = (x: RetainedEntry): boolean => x.consumed === null || x.consumed === 0;
  let found: { from: number; to: number; held: number } | null = null;
  let run: RetainedEntry | null = null; // the first year of the current run
  let prev: RetainedEntry | null = null;
  for (const e of entries) {
    const continues = run !== null && prev !== null && prev.year === e.year - 1 && prev.held === e.held && idle(e);
    if (!continues) run = idle(e) ? e : null;
    if (run !== null && run.held > 0 && e.year - run.year + 1 >= CONSTANT_RETENTION_YEARS) {
      found = { from: run.year, to: e.year, held: e.held };
    }
    prev = e;
  }
  return found;
}
