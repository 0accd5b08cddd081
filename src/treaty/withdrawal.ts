import { type CalendarDate, addMonths, maxDate } from '../core/date.js';
import type { Withdrawal, WithdrawalState } from './model.js';

/** Art. 20.3: a withdrawal takes effect six months after the Depositary receives it. */
export const WITHDRAWAL_NOTICE_MONTHS = 6;

export interface WithdrawalEffect {
  /** Effective date, or null while it cannot be known (armed conflict still going on). */
  effective: CalendarDate | null;
  /** First date on which the withdrawal is known to be pending, or null if it cannot be placed in time. */
  pendingFrom: CalendarDate | null;
}

/**
 * When a withdrawal takes effect (Art. 20.3). Six months after receipt; if the State is then
 * engaged in an armed conflict, not before that conflict ends, so unknown while it goes on.
 * Without a deposit date, a stated effective date is the only fact there is (Poland); it shows
 * that the withdrawal was pending for at least the six months before it.
 */
export function withdrawalEffect(withdrawal: Withdrawal): WithdrawalEffect {
  const { deposited, armedConflict, effectiveStated, announced } = withdrawal;
  if (deposited !== null) {
    const afterNotice = addMonths(deposited, WITHDRAWAL_NOTICE_MONTHS);
    if (armedConflict === null) return { effective: afterNotice, pendingFrom: deposited };
    const ended = armedConflict.ended;
    // Stryker disable next-line ConditionalExpression: maxDate(d, null) is null too (d >= null is false), so the null test cannot be told apart
    return { effective: ended === null ? null : maxDate(afterNotice, ended), pendingFrom: deposited };
  }
  if (effectiveStated !== null) {
    const pendingFrom = announced ?? addMonths(effectiveStated, -WITHDRAWAL_NOTICE_MONTHS);
    return { effective: effectiveStated, pendingFrom };
  }
  return { effective: armedConflict?.ended ?? null, pendingFrom: announced };
}

/** Where a withdrawal stands on a date. */
export function withdrawalStateOn(withdrawal: Withdrawal | null, asOf: CalendarDate): WithdrawalState {
  if (withdrawal === null) return 'none';
  const { effective, pendingFrom } = withdrawalEffect(withdrawal);
  if (effective !== null && effective <= asOf) return 'effective';
  if (pendingFrom !== null && pendingFrom <= asOf) return 'pending';
  return 'none';
}
