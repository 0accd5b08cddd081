import { type CalendarDate, dateProblem, today } from '../core/date.js';
import { UsageError } from '../core/errors.js';
import { type StateCode, isStateCode } from '../core/states.js';
import type { DeadlineArticle } from '../treaty/status.js';

export function asOfOption(value: string | undefined): CalendarDate {
  if (value === undefined) return today();
  const problem = dateProblem(value);
  if (problem !== null) throw new UsageError(`--as-of "${value}": expected ${problem}`);
  return value as CalendarDate;
}

export function stateArgument(value: string): StateCode {
  const code = value.toUpperCase();
  if (!isStateCode(code)) {
    throw new UsageError(
      `"${value}" is not a State: expected an ISO 3166-1 alpha-3 code of one of the 197 States (for example KHM)`,
    );
  }
  return code;
}

export function articleOption(value: string | undefined): DeadlineArticle {
  if (value === '4' || value === '5' || value === '7') return Number(value) as DeadlineArticle;
  throw new UsageError(
    `--article "${value ?? ''}": expected 4 (stockpile destruction), 5 (mine clearance) or 7 (transparency report)`,
  );
}
