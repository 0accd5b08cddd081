// Small, hand-made facts for rule tests (not reference data).
import { type CalendarDate, parseDate } from '../core/date.js';
import type { StateCode } from '../core/states.js';
import type { ConsentKind, StateRecord, Withdrawal } from './model.js';

export function stateRecord(
  iso3: StateCode,
  events: { signed?: string; deposited?: string; kind?: ConsentKind; withdrawal?: Partial<Withdrawal> } = {},
): StateRecord {
  const date = (text: string | undefined): CalendarDate | null => (text === undefined ? null : parseDate(text));
  const signed = date(events.signed);
  const deposited = date(events.deposited);
  return {
    iso3,
    name: iso3,
    sources: [],
    entryIntoForceStated: null,
    signature: signed ? { date: signed, sources: [] } : null,
    consent: deposited ? { deposited, kind: events.kind ?? 'ratification', sources: [] } : null,
    withdrawal: events.withdrawal
      ? {
          deposited: null,
          effectiveStated: null,
          announced: null,
          armedConflict: null,
          sources: [],
          ...events.withdrawal,
        }
      : null,
  };
}
