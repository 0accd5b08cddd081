import { type CalendarDate, addMonths, compareDates, firstDayOfMonth } from '../core/date.js';

/** Art. 15: the Convention opened for signature at Ottawa on 3 December 1997. */
export const OPENED_FOR_SIGNATURE = '1997-12-03' as CalendarDate;

/** Art. 17.1: the number of instruments that brought the Convention into force. */
export const INSTRUMENTS_FOR_ENTRY_INTO_FORCE = 40;

/** The first day of the sixth month after the month of `date` (Art. 17.1 and 17.2). */
export function firstDayOfSixthMonthAfter(date: CalendarDate): CalendarDate {
  return addMonths(firstDayOfMonth(date), 6);
}

export interface ConventionEntryIntoForce {
  /** Date of the 40th instrument of ratification, acceptance, approval or accession. */
  fortiethDeposit: CalendarDate;
  date: CalendarDate;
}

/**
 * Art. 17.1, computed from the deposits themselves: the Convention entered into force on the
 * first day of the sixth month after the month of the 40th deposit. Null before 40 deposits.
 */
export function conventionEntryIntoForce(consentDeposits: readonly CalendarDate[]): ConventionEntryIntoForce | null {
  const sorted = [...consentDeposits].sort(compareDates);
  const fortieth = sorted[INSTRUMENTS_FOR_ENTRY_INTO_FORCE - 1];
  if (fortieth === undefined) return null;
  return { fortiethDeposit: fortieth, date: firstDayOfSixthMonthAfter(fortieth) };
}

/**
 * Entry into force for one State. Consent deposited on or before the day of the 40th deposit
 * takes the Convention's own date (Art. 17.1); any later deposit, even before 1 March 1999,
 * the first day of the sixth month after the month of deposit (Art. 17.2).
 */
export function entryIntoForce(deposited: CalendarDate, convention: ConventionEntryIntoForce): CalendarDate {
  if (deposited <= convention.fortiethDeposit) return convention.date;
  return firstDayOfSixthMonthAfter(deposited);
}

/**
 * Entry into force for a State's consent. A notification of succession takes effect from the
 * date of the succession of States (independence) the Depositary records (`effective`), not
 * under Art. 17.2; without that date recorded, Art. 17.2 is applied to its deposit.
 */
export function consentEntryIntoForce(
  consent: { kind: string; deposited: CalendarDate; effective?: CalendarDate | null },
  convention: ConventionEntryIntoForce,
): CalendarDate {
  if (consent.kind === 'succession' && consent.effective != null) return consent.effective;
  return entryIntoForce(consent.deposited, convention);
}

/** Article 15: open for signature until its entry into force; after that a State accedes. */
export const SIGNATURE_CLOSED_AFTER = '1999-03-01' as CalendarDate;
