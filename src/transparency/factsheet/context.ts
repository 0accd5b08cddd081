import type { CalendarDate } from '../../core/date.js';
import type { SourceId } from '../../core/source.js';
import type { Source } from '../../sources/model.js';
import type { StateOnDate, StatusSummary, TreatyEngine } from '../../treaty/status.js';
import type { ActionPlan, PlannedAction } from '../action-plans.js';
import { t } from '../../i18n/index.js';
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

/** How minefree computes the figures it states itself, for their endnotes. */
export const statesMethod = (): string => t('factsheet:method.states');
export const article4Method = (): string => t('factsheet:method.article4');
export const article5Method = (): string => t('factsheet:method.article5');
