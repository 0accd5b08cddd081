import type { PartialDate } from '../core/partial-date.js';
import type { SourceId } from '../core/source.js';

export type { SourceId } from '../core/source.js';

/** Where a figure or a date comes from (DESIGN.md §2, "Source"). */
export interface Source {
  id: SourceId;
  title: string;
  url: string | null;
  /** Publication date, to the precision the source list gives. */
  published: PartialDate | null;
}
