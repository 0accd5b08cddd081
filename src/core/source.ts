import type { PartialDate } from './partial-date.js';

/** A source id as listed in data/SOURCES*.md, for example `S02` or `S53b`. */
export type SourceId = string;

/** Where a figure or a date comes from (DESIGN.md §2, "Source"). */
export interface Source {
  id: SourceId;
  title: string;
  url: string | null;
  /** Publication date, to the precision the source list gives. */
  published: PartialDate | null;
}

/** Every stored fact carries the sources that state it. */
export interface Provenance {
  sources: readonly SourceId[];
}

/** How a published figure qualifies its value ("more than 53 million"). */
export const QUALIFIERS = ['exact', 'about', 'more than', 'at least', 'almost'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];
