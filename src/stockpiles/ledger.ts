/** Reading a ledger: the entries of one kind, the span of an entry's date, their order. No I/O here. */
import type { CalendarDate } from '../core/date.js';
import { type PartialDate, earliestDay, latestDay } from '../core/partial-date.js';
import type { EntryKind, LedgerEntry } from './model.js';

export type EntryOf<K extends EntryKind> = Extract<LedgerEntry, { kind: K }>;

export function entriesOf<K extends EntryKind>(entries: readonly LedgerEntry[], kind: K): EntryOf<K>[] {
  return entries.filter((e): e is EntryOf<K> => e.kind === kind);
}

/** The days a dated fact can fall on: a partial date spans its month or year; `from` widens it. */
export interface Span {
  first: CalendarDate;
  last: CalendarDate;
}

export function spanOf(date: PartialDate, from: PartialDate | null = null): Span {
  return { first: earliestDay(from ?? date), last: latestDay(date) };
}

/** A fact is known on `asOf` once its last possible day has passed (or is that day). */
export const knownBy = (date: PartialDate, asOf: CalendarDate): boolean => latestDay(date) <= asOf;

/** Orders partial dates by their last day, then their first (2008 after 2008-03-31). */
export function compareSpans(a: PartialDate, b: PartialDate): number {
  return latestDay(a).localeCompare(latestDay(b)) || earliestDay(a).localeCompare(earliestDay(b));
}
