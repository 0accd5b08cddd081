import type { CalendarDate } from '../core/date.js';
import { withdrawalEffect } from './withdrawal.js';
import type { TreatyEngine } from './status.js';

export interface HistoryPoint {
  date: CalendarDate;
  statesParties: number;
  inForce: number;
  withdrawn: number;
}

/**
 * States Parties over time: one point on each date a count can change (a deposit, an entry
 * into force, a withdrawal taking effect), from the opening for signature to `until`.
 */
export function statusHistory(engine: TreatyEngine, from: CalendarDate, until: CalendarDate): HistoryPoint[] {
  const dates = new Set<CalendarDate>([from, until]);
  for (const record of engine.facts.states) {
    if (record.consent) dates.add(record.consent.deposited);
    const eif = engine.entryIntoForce(record.iso3);
    if (eif) dates.add(eif);
    const effective = record.withdrawal ? withdrawalEffect(record.withdrawal).effective : null;
    if (effective) dates.add(effective);
  }
  const points: HistoryPoint[] = [];
  for (const date of [...dates].filter((d) => d >= from && d <= until).sort()) {
    const states = engine.states(date);
    const point = {
      date,
      statesParties: states.filter((s) => s.status === 'state-party').length,
      inForce: states.filter((s) => s.inForce).length,
      withdrawn: states.filter((s) => s.status === 'withdrawn').length,
    };
    const last = points.at(-1);
    if (
      !last ||
      last.statesParties !== point.statesParties ||
      last.inForce !== point.inForce ||
      last.withdrawn !== point.withdrawn ||
      date === until
    )
      points.push(point);
  }
  return points;
}
