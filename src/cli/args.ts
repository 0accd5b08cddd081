import { type CalendarDate, dateProblem, today } from '../core/date.js';
import { UsageError } from '../core/errors.js';
import { t } from '../i18n/index.js';
import { type StateCode, isStateCode } from '../core/states.js';
import type { DeadlineArticle } from '../treaty/status.js';

export function asOfOption(value: string | undefined): CalendarDate {
  if (value === undefined) return today();
  const problem = dateProblem(value);
  if (problem !== null) throw new UsageError(t('cli:usage.asOf', { value, problem }));
  return value as CalendarDate;
}

export function stateArgument(value: string): StateCode {
  const code = value.toUpperCase();
  if (!isStateCode(code)) {
    throw new UsageError(t('cli:usage.state', { value }));
  }
  return code;
}

export function articleOption(value: string | undefined): DeadlineArticle {
  if (value === '4' || value === '5' || value === '7') return Number(value) as DeadlineArticle;
  throw new UsageError(t('cli:usage.article', { value: value ?? '' }));
}
