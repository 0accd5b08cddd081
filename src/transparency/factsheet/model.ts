import type { CalendarDate } from '../../core/date.js';
import type { Qualifier, SourceId } from '../../core/source.js';

/** A figure the fact sheet uses, with where it comes from (the `figures` of the JSON format). */
export interface FigureUse {
  id: string;
  period: string;
  value: number;
  qualifier: Qualifier;
  unit: string;
  /** True when minefree computed it from its own records (States Parties from instruments). */
  computed: boolean;
  source: { id: SourceId; title: string; published: CalendarDate | null; page: string | null };
  /** The endnote that gives its source. */
  note: number;
}

export interface Paragraph {
  kind: 'heading' | 'text' | 'bullet';
  text: string;
  /** Endnote numbers the text relies on. */
  notes: number[];
}

export interface Section {
  id: string;
  title: string;
  paragraphs: Paragraph[];
}

export interface Endnote {
  n: number;
  text: string;
  url: string | null;
}

/** One fact sheet: the single model every format (HTML, PDF, Markdown, JSON) is rendered from. */
export interface FactSheet {
  asOf: CalendarDate;
  title: string;
  subtitle: string;
  figures: FigureUse[];
  sections: Section[];
  endnotes: Endnote[];
}
