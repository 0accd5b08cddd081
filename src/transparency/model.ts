import type { CalendarDate } from '../core/date.js';
import type { Qualifier, SourceId } from '../core/source.js';

/**
 * A published aggregate, kept as published: "more than 53 million stockpiled AP mines destroyed"
 * (Landmine Monitor 2017, p. 3). Later editions revise earlier periods; each edition is its own row.
 */
export interface ReportedFigure {
  /** Indicator name, as in data/reported_figures_icrc_2018.csv (`casualties_mines_erw`). */
  indicator: string;
  /** `global`, or the State(s) it is about (`GRC;UKR`). */
  scope: string;
  /** What the figure is about: a year (`2016`), a month or a date. */
  period: string;
  value: number;
  qualifier: Qualifier;
  unit: string;
  source: SourceId;
  /** The document and page the source cites for it, when the source is itself a secondary one. */
  citedDocument: string | null;
  citedPage: string | null;
  /** The edition's label where the data gives one (`LM2017`). */
  edition: string | null;
  /** When the figure became public (the edition rule, README); null when the source is undated. */
  published: CalendarDate | null;
  notes: string;
}
