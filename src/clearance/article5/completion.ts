/**
 * Declarations of completion and areas found after them. A previously unknown mined area found
 * after a State declared completion re-opens its Article 5 obligation (Oslo Action Plan, action
 * 27: report it and clear it as a matter of urgency) until the State declares completion again.
 */
import type { CalendarDate } from '../../core/date.js';
import type { CompletionDeclaration, HazardArea, ObligationOnDate } from '../model.js';

export function obligationOn(
  declarations: readonly CompletionDeclaration[],
  areas: readonly Pick<HazardArea, 'id' | 'informationDate' | 'previouslyUnknown'>[],
  asOf: CalendarDate,
): ObligationOnDate {
  let declared: CalendarDate | null = null;
  for (const d of declarations) if (d.date <= asOf && (declared === null || d.date > declared)) declared = d.date;
  if (declared === null) return { state: 'in-progress', declared, reopenedBy: [], unflagged: [] };
  const since = declared;
  const found = areas.filter((a) => a.informationDate > since && a.informationDate <= asOf);
  return {
    state: found.length > 0 ? 'reopened' : 'completed',
    declared,
    reopenedBy: found.map((a) => a.id),
    unflagged: found.filter((a) => !a.previouslyUnknown).map((a) => a.id),
  };
}
