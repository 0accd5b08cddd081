import type { CalendarDate } from '../../core/date.js';
import type { SourceId } from '../../core/source.js';
import type { Source } from '../../sources/model.js';
import type { StateOnDate, StatusSummary, TreatyEngine } from '../../treaty/status.js';
import type { ActionPlan, PlannedAction } from '../action-plans.js';
import type { ReportedFigure } from '../model.js';
import type { Notebook } from './notebook.js';

/** What every section is written from, all for one as-of date. */
export interface SectionContext {
  asOf: CalendarDate;
  engine: TreatyEngine;
  summary: StatusSummary;
  states: StateOnDate[];
  /** The figures known on the date: the latest edition of each (README, "Edition rule"). */
  known: ReportedFigure[];
  sources: ReadonlyMap<SourceId, Source>;
  plan: ActionPlan | null;
  actions: PlannedAction[];
  notebook: Notebook;
}

export const STATES_METHOD =
  'from the instruments deposited with the UN Secretary-General and the withdrawals recorded in data/states.csv ' +
  '(UN Treaty Collection [S02] and the later sources listed in data/SOURCES.md).';
export const ARTICLE4_METHOD =
  'from the Article 4 deadlines (entry into force + 4 years) and the completions recorded in data/article4.csv and data/article4_completed.csv.';
export const ARTICLE5_METHOD =
  'from the Article 5 deadlines, extension decisions and declarations of completion recorded in data/article5.csv.';
