/** The reported figures shipped in data/, read and checked (all problems at once). */
import { join } from 'node:path';
import { type CsvRow, readCsv } from '../core/csv.js';
import { DataError, type DataProblem } from '../core/errors.js';
import type { SourceId } from '../core/source.js';
import type { Source } from '../sources/model.js';
import { DEFAULT_DATA_DIR } from '../treaty/reference.js';
import {
  ARTICLE4_GLOBAL_COLUMNS,
  CASUALTY_COLUMNS,
  EDITION_COLUMNS,
  type Editions,
  type FigureRows,
  FUNDING_COLUMNS,
  ICRC_FIGURE_COLUMNS,
  article4GlobalFiguresFromRows,
  casualtyFiguresFromRows,
  editionsFromRows,
  fundingFiguresFromRows,
  icrcFiguresFromRows,
} from './reference-rows.js';
import type { ReportedFigure } from './model.js';
import {
  ACTION_PLAN_COLUMNS,
  ADOPTED_COLUMNS,
  type ActionPlan,
  type PlannedAction,
  actionPlansFromRows,
  actionsFromRows,
} from './action-plans.js';

/** The documents figures come from, with the day each was published (the edition rule, README). */
const EDITIONS_FILE = 'editions.csv';

const FILES: readonly {
  file: string;
  columns: readonly string[];
  read: (rows: readonly CsvRow[], sources: ReadonlyMap<SourceId, Source>, editions: Editions) => FigureRows;
}[] = [
  { file: 'reported_figures_icrc_2018.csv', columns: ICRC_FIGURE_COLUMNS, read: icrcFiguresFromRows },
  { file: 'casualties_by_year.csv', columns: CASUALTY_COLUMNS, read: casualtyFiguresFromRows },
  { file: 'funding_by_year.csv', columns: FUNDING_COLUMNS, read: fundingFiguresFromRows },
  { file: 'article4_global.csv', columns: ARTICLE4_GLOBAL_COLUMNS, read: article4GlobalFiguresFromRows },
];

export function loadReportedFigures(
  sources: ReadonlyMap<SourceId, Source>,
  dir: string = DEFAULT_DATA_DIR,
): ReportedFigure[] {
  const problems: DataProblem[] = [];
  const figures: ReportedFigure[] = [];
  let editions: Editions = { byLabel: new Map(), byTitle: new Map() };
  try {
    const read = editionsFromRows(readCsv(join(dir, EDITIONS_FILE), EDITIONS_FILE, EDITION_COLUMNS), sources);
    editions = read.editions;
    problems.push(...read.problems);
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    problems.push(...error.problems);
  }
  for (const { file, columns, read } of FILES) {
    try {
      const result = read(readCsv(join(dir, file), file, columns), sources, editions);
      figures.push(...result.figures);
      problems.push(...result.problems);
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new DataError(problems);
  return figures;
}

/** The action plans and the actions data/ holds of them. */
export function loadActionPlans(dir: string = DEFAULT_DATA_DIR): { plans: ActionPlan[]; actions: PlannedAction[] } {
  const plans = actionPlansFromRows(
    readCsv(join(dir, 'action_plans_adopted.csv'), 'action_plans_adopted.csv', ADOPTED_COLUMNS),
  );
  const known = new Set(readCsv(join(dir, 'sources.csv'), 'sources.csv', ['id']).map((row) => row.get('id')));
  const actions = actionsFromRows(
    readCsv(join(dir, 'action-plans.csv'), 'action-plans.csv', ACTION_PLAN_COLUMNS),
    plans.plans,
    known,
  );
  const problems = [...plans.problems, ...actions.problems];
  if (problems.length > 0) throw new DataError(problems);
  return { plans: plans.plans, actions: actions.actions };
}
