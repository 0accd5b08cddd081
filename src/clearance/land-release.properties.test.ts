import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CalendarDate, addDays, parseDate } from '../core/date.js';
import { endOfYear } from './calendar.js';
import { landReleaseSummary, releasedPerYear, stateRecords } from './land-release.js';
import type { AreaRevision, ClearanceRecords, HazardArea, LandRelease } from './model.js';
import { reconcile } from './reconciliation.js';
import { hazardArea, release, revision } from './test-records.js';

const START = parseDate('2018-01-01');
const day = fc.integer({ min: 0, max: 7 * 365 }).map((n) => addDays(START, n));
const m2 = fc.integer({ min: 1, max: 100_000 });
const AS_OF = parseDate('2025-12-31');

/** Any history, including the faults reconciliation exists to find. */
const anyHistory: fc.Arbitrary<ClearanceRecords> = fc
  .array(
    fc.record({
      recorded: day, size: m2, closedOn: fc.option(day), resurvey: fc.option(fc.tuple(day, m2)),
      releases: fc.array(fc.tuple(day, fc.integer({ min: 0, max: 60_000 })), { maxLength: 4 }),
    }),
    { maxLength: 8 },
  )
  .map((specs) => {
    const [areas, revisions, releases]: [HazardArea[], AreaRevision[], LandRelease[]] = [[], [], []];
    specs.forEach((s, i) => {
      const id = `A${i}`;
      const closed = s.closedOn !== null && s.closedOn >= s.recorded;
      areas.push(hazardArea(id, s.recorded, s.resurvey ? s.resurvey[1] : s.size, closed ? { status: 'closed', statusDate: s.closedOn } : {}));
      if (s.resurvey) revisions.push(revision(id, s.resurvey[0], s.size, s.resurvey[1]));
      s.releases.forEach(([date, area], j) => releases.push(release(`${id}-${j}`, id, date, area)));
    });
    return { areas, revisions, activities: [], releases, devices: [] };
  });

/** A history that agrees with itself: releases after recording, never more than the area. */
const cleanHistory: fc.Arbitrary<ClearanceRecords> = fc
  .array(fc.record({ recorded: day, size: m2, releases: fc.array(fc.tuple(fc.integer({ min: 0, max: 2_000 }), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 4 }) }), { maxLength: 8 })
  .map((specs) => {
    const [areas, releases]: [HazardArea[], LandRelease[]] = [[], []];
    specs.forEach((s, i) => {
      const id = `A${i}`;
      areas.push(hazardArea(id, s.recorded, s.size));
      let left = s.size;
      s.releases.forEach(([after, share], j) => {
        const area = Math.floor(left * share);
        left -= area;
        releases.push(release(`${id}-${j}`, id, addDays(s.recorded, after), area));
      });
    });
    return { areas, revisions: [], activities: [], releases, devices: [] };
  });

const khm = (records: ClearanceRecords) => stateRecords(records, 'KHM');

describe('land release properties', () => {
  it('never gives a negative area', () => {
    fc.assert(fc.property(anyHistory, day, (records, asOf) => {
      const s = landReleaseSummary(khm(records), asOf);
      expect(s.open.sha.areaM2).toBeGreaterThanOrEqual(0);
      expect(s.open.cha.areaM2).toBeGreaterThanOrEqual(0);
      for (const r of releasedPerYear(khm(records), asOf)) expect(Math.min(r.cancelledM2, r.reducedM2, r.clearedM2)).toBeGreaterThanOrEqual(0);
      for (const row of reconcile(khm(records), asOf)) expect(row.closingM2).toBeGreaterThanOrEqual(0);
    }));
  });

  it('chains the years: closing = opening − released + newly + difference, and the last closing is what remains', () => {
    fc.assert(fc.property(anyHistory, day, (records, asOf) => {
      const rows = reconcile(khm(records), asOf);
      rows.forEach((row, i) => {
        expect(row.closingM2).toBeCloseTo(row.openingM2 - row.releasedM2 + row.newlyRecordedM2 + row.differenceM2, 1);
        const next = rows[i + 1];
        if (next) expect(next.openingM2).toBe(row.closingM2);
        expect(row.differenceM2).toBeCloseTo(row.causes.reduce((sum, c) => sum + c.differenceM2, 0), 1);
      });
      const last = rows[rows.length - 1];
      expect(last?.closingM2 ?? 0).toBeCloseTo(landReleaseSummary(khm(records), asOf).remainingM2, 1);
    }));
  });

  it('finds no difference in a history that agrees with itself: remaining = recorded − released, every year', () => {
    fc.assert(fc.property(cleanHistory, (records) => {
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
    }));
  });
});
