import type { CalendarDate } from '../../core/date.js';
import { t } from '../../i18n/index.js';
import { type Pillar, pillarOf } from '../action-plans.js';
import type { SectionContext } from './context.js';
import type { Paragraph } from './model.js';
import { bullet, heading, text } from './notebook.js';
import { longDate } from './words.js';

/** The Maputo Action Plan, the first, was adopted at the Third Review Conference on 27 June 2014. */
const FIRST_PLAN_ADOPTED = '2014-06-27' as CalendarDate;

/** The action's words without the data collector's remarks, keeping any warning that text is missing. */
function actionText(summary: string): string {
  const [words = summary] = summary.split(
    /\s*(?=Only the opening|This is the wording|Wording is from|The Committee on|Listed by the|Listed among|the source excerpt)/,
  );
  const partial = /Only the opening|ends mid-phrase/.test(summary) ? t('factsheet:todo.partial') : '';
  return `${words.trim().replace(/[.;,]?$/, '.')}${partial}`.replace(/\.\s\(/, ' (').replace(/\)$/, ').');
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
    const words = actionText(action.summary);
    out.push(bullet(action.number ? t('factsheet:todo.action', { number: action.number, text: words }) : words, note));
  }
  return out;
}
