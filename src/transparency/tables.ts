/** Reported figures, one row per figure per edition (src/transparency/README.md). */
import type { Generated } from 'kysely';
import type { CalendarDate } from '../core/date.js';
import type { Qualifier } from '../core/source.js';

export interface ReportedFiguresTable {
  id: Generated<number>;
  indicator: string;
  scope: string;
  period: string;
  value: number;
  qualifier: Qualifier;
  unit: string;
  source_id: string;
  cited_document: string | null;
  cited_page: string | null;
  /** The edition's label (`LM2017`) where the data gives one. */
  edition: string | null;
  /** The day the figure became public (ReportedFigure.published). */
  edition_date: CalendarDate | null;
  notes: string;
}

/** The tables the seed loads from data/, children before parents. */
export const TRANSPARENCY_REFERENCE_TABLES = ['reported_figures'] as const;

declare module '../store/database.js' {
  interface Database {
    reported_figures: ReportedFiguresTable;
  }
}
