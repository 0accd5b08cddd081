import { type Pillar, pillarOf } from '../action-plans.js';
import type { SectionContext } from './context.js';
import type { Paragraph } from './model.js';
import { bullet, heading, text } from './notebook.js';
import { longDate } from './words.js';

/** The action's words without the data collector's remarks, keeping any warning that text is missing. */
function actionText(summary: string): string {
  const [words = summary] = summary.split(
    /\s*(?=Only the opening|This is the wording|Wording is from|The Committee on|Listed by the|Listed among|the source excerpt)/,
  );
  const partial = /Only the opening|ends mid-phrase/.test(summary)
    ? " (only part of this action's wording is in minefree's data)"
    : '';
  return `${words.trim().replace(/[.;,]?$/, '.')}${partial}`.replace(/\.\s\(/, ' (').replace(/\)$/, ').');
}

/**
 * "What needs to be done": the actions of the plan in force on the date for this pillar, as far
 * as data/action-plans.csv holds them. A missing action is said to be missing, never written.
 */
export function whatNeedsToBeDone(context: SectionContext, pillar: Pillar): Paragraph[] {
  const { plan, notebook } = context;
  const out: Paragraph[] = [heading('What needs to be done')];
  if (plan === null) {
    out.push(
      text('No action plan had been adopted by this date; the first, the Maputo Action Plan, dates from 27 June 2014.'),
    );
    return out;
  }
  const note = notebook.fact(
    `plan|${plan.name}`,
    `${plan.name}, adopted on ${longDate(plan.adopted)} at the ${plan.meeting} (period ${plan.period}) [${plan.sources.join(', ')}]; ` +
      'its actions as held in data/action-plans.csv, which is partial (data/SOURCES-plans.md).',
  );
  const actions = context.actions.filter((a) => a.plan === plan.name && pillarOf(a.section) === pillar);
  if (actions.length === 0) {
    out.push(
      text(
        `The ${plan.name} (${plan.period}) guides this work. Its actions on this subject are not yet in minefree's data.`,
        note,
      ),
    );
    return out;
  }
  out.push(text(`The ${plan.name} (${plan.period}) commits the States Parties to actions including:`, note));
  for (const action of actions) {
    out.push(bullet(`${action.number ? `Action ${action.number}: ` : ''}${actionText(action.summary)}`, note));
  }
  return out;
}
