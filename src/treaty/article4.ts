import { type CalendarDate, addYears } from '../core/date.js';

/** Art. 4: stockpiles destroyed no later than four years after entry into force. */
export const STOCKPILE_DESTRUCTION_YEARS = 4;

export function article4Deadline(entryIntoForce: CalendarDate): CalendarDate {
  return addYears(entryIntoForce, STOCKPILE_DESTRUCTION_YEARS);
}
