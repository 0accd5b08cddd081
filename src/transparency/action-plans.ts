/**
 * The Review Conferences' action plans (Maputo 2014, Oslo 2019, Siem Reap-Angkor 2024): when
 * each was adopted, and the actions data/action-plans.csv holds. That file is partial
 * (SOURCES-plans.md): what is there is shown, what is missing is said, nothing is invented.
 */
import type { CsvRow } from '../core/csv.js';
import { type CalendarDate, dateProblem } from '../core/date.js';
import type { DataProblem } from '../core/errors.js';
import type { SourceId } from '../core/source.js';

export const ACTION_PLAN_COLUMNS = [
  'plan',
  'year',
  'section',
  'action',
  'text',
  'text_extent',
  'indicators',
  'notes',
  'sources',
];
export const ADOPTED_COLUMNS = ['plan', 'adopted', 'meeting', 'period', 'sources'];

/**
 * How much of an action's wording `text` holds: `full` the plan's words, whole; `partial` the
 * plan's words, but only part of them (the notes say which part); `described` no words of the
 * plan at all, only how a source (a Convention committee, the ISU) described the action.
 */
export const TEXT_EXTENTS = ['full', 'partial', 'described'] as const;
export type TextExtent = (typeof TEXT_EXTENTS)[number];

/** One indicator the plan gives for an action, under the id the file gives it (`OAP-12.a`). */
export interface Indicator {
  id: string;
  text: string;
}

/** Indicators are written `ID: wording`, several separated by ` | ` (a wording may hold `;`, not `|`). */
export const INDICATOR_SEPARATOR = ' | ';
const INDICATOR = /^([A-Z]+-\d+(?:\.[a-z0-9]+)?): (\S.*)$/s;
const SOURCE_ID = /^[A-Z]\d+[a-z]?$/;

export interface ActionPlan {
  name: string;
  adopted: CalendarDate;
  meeting: string;
  period: string;
  sources: SourceId[];
}

export interface PlannedAction {
  plan: string;
  /** The plan's own heading for the section, as a source printed it. */
  section: string;
  /** The action's number in the plan, when a source showed it. */
  number: string | null;
  /** The words as published (see `extent`): never a paraphrase by minefree. */
  text: string;
  extent: TextExtent;
  indicators: Indicator[];
  /** What is missing or uncertain about the row, in the data collector's words. */
  notes: string;
  sources: SourceId[];
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

/** `ID: wording | ID: wording` into indicators; null when a part is not of that form. */
export function parseIndicators(cell: string): Indicator[] | null {
  if (cell.trim() === '') return [];
  const indicators: Indicator[] = [];
  for (const part of cell.split('|')) {
    const match = INDICATOR.exec(part.trim());
    if (match === null) return null;
    indicators.push({ id: match[1] ?? '', text: match[2] ?? '' });
  }
  return new Set(indicators.map((i) => i.id)).size === indicators.length ? indicators : null;
}

/**
 * The rows of action-plans.csv, checked: a known plan, a known text extent, wording wherever the
 * extent says there is some, well-formed indicators and at least one source id, each known when
 * `knownSources` is given (sources.csv).
 */
export function actionsFromRows(
  rows: readonly CsvRow[],
  plans: readonly ActionPlan[],
  knownSources?: ReadonlySet<string>,
): { actions: PlannedAction[]; problems: DataProblem[] } {
  const names = new Set(plans.map((p) => p.name));
  const problems: DataProblem[] = [];
  const actions: PlannedAction[] = [];
  for (const row of rows) {
    const before = problems.length;
    if (!names.has(row.get('plan')))
      problems.push(row.problem('plan', `one of the plans in action_plans_adopted.csv (${[...names].join(', ')})`));
    const extent = row.get('text_extent');
    if (!(TEXT_EXTENTS as readonly string[]).includes(extent))
      problems.push(row.problem('text_extent', `one of ${TEXT_EXTENTS.join(', ')}`));
    if (row.get('text').trim() === '') problems.push(row.problem('text', 'the words a source gives for the action'));
    if ((extent === 'partial' || extent === 'described') && row.get('notes').trim() === '')
      problems.push(row.problem('notes', `what is missing, for a text that is ${extent}`));
    const indicators = parseIndicators(row.get('indicators'));
    if (indicators === null)
      problems.push(
        row.problem('indicators', `"ID: wording" items with distinct ids, separated by "${INDICATOR_SEPARATOR}"`),
      );
    const sources = row
      .get('sources')
      .split(';')
      .filter((id) => id !== '');
    const unknown = sources.find((id) => !SOURCE_ID.test(id) || (knownSources !== undefined && !knownSources.has(id)));
    if (sources.length === 0 || unknown !== undefined)
      problems.push(row.problem('sources', 'source ids listed in sources.csv, separated by ";"'));
    if (problems.length > before) continue;
    actions.push({
      plan: row.get('plan'),
      section: row.get('section'),
      number: row.get('action') || null,
      text: row.get('text'),
      extent: extent as TextExtent,
      indicators: indicators ?? [],
      notes: row.get('notes'),
      sources,
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
