/**
 * The Review Conferences' action plans (Maputo 2014, Oslo 2019, Siem Reap-Angkor 2024): when
 * each was adopted, and the actions data/action-plans.csv holds. That file is partial
 * (SOURCES-plans.md): what is there is shown, what is missing is said, nothing is invented.
 */
import type { CsvRow } from '../core/csv.js';
import { type CalendarDate, dateProblem } from '../core/date.js';
import type { DataProblem } from '../core/errors.js';
import type { SourceId } from '../core/source.js';

export const ACTION_PLAN_COLUMNS = ['plan', 'year', 'section', 'action', 'summary', 'indicators'];
export const ADOPTED_COLUMNS = ['plan', 'adopted', 'meeting', 'period', 'sources'];

export interface ActionPlan {
  name: string;
  adopted: CalendarDate;
  meeting: string;
  period: string;
  sources: SourceId[];
}

export interface PlannedAction {
  plan: string;
  section: string;
  /** The action's number in the plan, when a source showed it. */
  number: string | null;
  summary: string;
}

export function actionPlansFromRows(rows: readonly CsvRow[]): { plans: ActionPlan[]; problems: DataProblem[] } {
  const problems: DataProblem[] = [];
  const plans: ActionPlan[] = [];
  for (const row of rows) {
    const adopted = row.get('adopted');
    const problem = dateProblem(adopted);
    if (problem !== null) problems.push(row.problem('adopted', problem));
    else
      plans.push({
        name: row.get('plan'),
        adopted: adopted as CalendarDate,
        meeting: row.get('meeting'),
        period: row.get('period'),
        sources: row.get('sources').split(';'),
      });
  }
  return { plans, problems };
}

export function actionsFromRows(
  rows: readonly CsvRow[],
  plans: readonly ActionPlan[],
): { actions: PlannedAction[]; problems: DataProblem[] } {
  const names = new Set(plans.map((p) => p.name));
  const problems: DataProblem[] = [];
  const actions: PlannedAction[] = [];
  for (const row of rows) {
    if (!names.has(row.get('plan')))
      problems.push(row.problem('plan', `one of the plans in action_plans_adopted.csv (${[...names].join(', ')})`));
    else
      actions.push({
        plan: row.get('plan'),
        section: row.get('section'),
        number: row.get('action') || null,
        summary: row.get('summary'),
      });
  }
  return { actions, problems };
}

/** The plan in force on a date: the latest adopted on or before it. */
export function planInForce(plans: readonly ActionPlan[], asOf: CalendarDate): ActionPlan | null {
  return (
    plans
      .filter((p) => p.adopted <= asOf)
      .sort((a, b) => a.adopted.localeCompare(b.adopted))
      .at(-1) ?? null
  );
}

export type Pillar = 'universalization' | 'stockpiles' | 'clearance' | 'victims' | 'cooperation';

/** Which fact-sheet section a plan's section belongs to, from its heading. */
export function pillarOf(section: string): Pillar | null {
  if (/universali/i.test(section)) return 'universalization';
  if (/stockpile/i.test(section)) return 'stockpiles';
  if (/clearance|mined area/i.test(section)) return 'clearance';
  if (/victim/i.test(section)) return 'victims';
  if (/cooperation|assistance/i.test(section)) return 'cooperation';
  return null;
}
