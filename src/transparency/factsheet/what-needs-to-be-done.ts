import type { CalendarDate } from '../../core/date.js';
import { t } from '../../i18n/index.js';
import { type Pillar, type PlannedAction, pillarOf } from '../action-plans.js';
import type { SectionContext } from './context.js';
import type { Paragraph } from './model.js';
import { bullet, heading, text } from './notebook.js';
import { longDate } from './words.js';

/** The Maputo Action Plan, the first, was adopted at the Third Review Conference on 27 June 2014. */
const FIRST_PLAN_ADOPTED = '2014-06-27' as CalendarDate;

/**
 * The action's words as the data holds them: a quotation that starts or stops inside the action is
 * marked with an ellipsis, and a partial or second-hand wording says so.
 */
function actionText(action: PlannedAction): string {
  let words = action.text.trim();
  if (action.extent === 'partial' && /^[a-z]/.test(words)) words = `… ${words}`;
  if (action.extent === 'partial' && !/[.;:!?]$/.test(words)) words = `${words} …`;
  else words = words.replace(/[.;,:]?$/, '.');
  if (action.extent === 'partial') return `${words}${t('factsheet:todo.partial')}`;
  if (action.extent === 'described') return `${words}${t('factsheet:todo.described')}`;
  return words;
}

/**
 * "What needs to be done": the actions of the plan in force on the date for this pillar, as far
 * as data/action-plans.csv holds them. A missing action is said to be missing, never written.
 */
export function whatNeedsToBeDone(context: SectionContext, pillar: Pillar): Paragraph[] {
  const { plan, notebook } = context;
  const out: Paragraph[] = [heading(t('factsheet:heading.todo'))];
  if (plan === null) {
    out.push(text(t('factsheet:todo.noPlan', { date: longDate(FIRST_PLAN_ADOPTED) })));
    return out;
  }
  const note = notebook.fact(
    `plan|${plan.name}`,
    t('factsheet:todo.planNote', {
      plan: plan.name,
      adopted: longDate(plan.adopted),
      meeting: plan.meeting,
      period: plan.period,
      sources: plan.sources.join(', '),
    }),
  );
  const actions = context.actions.filter((a) => a.plan === plan.name && pillarOf(a.section) === pillar);
  if (actions.length === 0) {
    out.push(text(t('factsheet:todo.notYet', { plan: plan.name, period: plan.period }), note));
    return out;
  }
  out.push(text(t('factsheet:todo.commits', { plan: plan.name, period: plan.period }), note));
  for (const action of actions) {
    const words = actionText(action);
    out.push(bullet(action.number ? t('factsheet:todo.action', { number: action.number, text: words }) : words, note));
  }
  return out;
}
