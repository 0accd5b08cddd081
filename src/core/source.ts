/**
 * The citation vocabulary every pillar shares; the Source records themselves, their CSV, table
 * and routes live in src/sources/.
 */

/** A source id as listed in data/SOURCES*.md, for example `S02` or `S53b`. */
export type SourceId = string;

/** What a source id looks like (`S02`, `S53b`, `P14`). */
export const SOURCE_ID_PATTERN = /^[A-Z]+\d+[a-z]?$/;

/** Every stored fact carries the sources that state it. */
export interface Provenance {
  sources: readonly SourceId[];
}

/** How a published figure qualifies its value ("more than 53 million"). */
export const QUALIFIERS = ['exact', 'about', 'more than', 'at least', 'almost'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];
