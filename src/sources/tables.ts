/** The sources table: every figure and date cites rows of it. */
import type { PartialDate } from '../core/partial-date.js';

export interface SourcesTable {
  id: string;
  title: string;
  url: string | null;
  published: PartialDate | null;
}

/** The tables the seed loads from data/, children before parents. */
export const SOURCES_REFERENCE_TABLES = ['sources'] as const;

declare module '../store/database.js' {
  interface Database {
    sources: SourcesTable;
  }
}
