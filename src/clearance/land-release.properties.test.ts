import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../core/date.js';
import { endOfYear } from './calendar.js';
import { landReleaseSummary, releasedPerYear, stateRecords } from './land-release.js';
import type { ClearanceRecords } from './model.js';
import { reconcile } from './reconciliation.js';
import { AS_OF, anyHistory, cleanHistory, day } from './test-histories.js';

const khm = (records: ClearanceRecords) => stateRecords(records, 'KHM');

describe('land release properties', () => {
  it('never gives a negative area', () => {
    fc.assert(
      fc.property(anyHistory, day, (records, asOf) => {
        const s = landReleaseSummary(khm(records), asOf);
        expect(s.open.sha.areaM2).toBeGreaterThanOrEqual(0);
        expect(s.open.cha.areaM2).toBeGreaterThanOrEqual(0);
        for (const r of releasedPerYear(khm(records), asOf))
          expect(Math.min(r.cancelledM2, r.reducedM2, r.clearedM2)).toBeGreaterThanOrEqual(0);
        for (const row of reconcile(khm(records), asOf)) expect(row.closingM2).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('chains the years: closing = opening − released + newly + difference, and the last closing is what remains', () => {
    fc.assert(
      fc.property(anyHistory, day, (records, asOf) => {
        const rows = reconcile(khm(records), asOf);
        rows.forEach((row, i) => {
          expect(row.closingM2).toBeCloseTo(row.openingM2 - row.releasedM2 + row.newlyRecordedM2 + row.differenceM2, 1);
          const next = rows[i + 1];
          if (next) expect(next.openingM2).toBe(row.closingM2);
          expect(row.differenceM2).toBeCloseTo(
            row.causes.reduce((sum, c) => sum + c.differenceM2, 0),
            1,
          );
        });
        const last = rows[rows.length - 1];
        expect(last?.closingM2 ?? 0).toBeCloseTo(landReleaseSummary(khm(records), asOf).remainingM2, 1);
      }),
    );
  });

  it('finds no difference in a history that agrees with itself: remaining = recorded − released, every year', () => {
    fc.assert(
      fc.property(cleanHistory, (records) => {
        const rows = reconcile(khm(records), AS_OF);
        let recorded = 0;
        let released = 0;
        for (const row of rows) {
          expect(row.differenceM2).toBe(0);
          recorded += row.newlyRecordedM2;
          released += row.releasedM2;
          expect(row.closingM2).toBeCloseTo(recorded - released, 1);
          const end: CalendarDate = endOfYear(row.year) < AS_OF ? endOfYear(row.year) : AS_OF;
          expect(landReleaseSummary(khm(records), end).remainingM2).toBeCloseTo(row.closingM2, 1);
        }
      }),
    );
  });
});
