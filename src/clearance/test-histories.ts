/** fast-check histories of hazard areas and releases for the land-release property tests. */
import fc from 'fast-check';
import { addDays, parseDate } from '../core/date.js';
import type { AreaRevision, ClearanceRecords, HazardArea, LandRelease } from './model.js';
import { hazardArea, release, revision } from './test-records.js';

const START = parseDate('2018-01-01');
export const day = fc.integer({ min: 0, max: 7 * 365 }).map((n) => addDays(START, n));
const m2 = fc.integer({ min: 1, max: 100_000 });
export const AS_OF = parseDate('2025-12-31');

/** Any history, including the faults reconciliation exists to find. */
export const anyHistory: fc.Arbitrary<ClearanceRecords> = fc
  .array(
    fc.record({
      recorded: day,
      size: m2,
      closedOn: fc.option(day),
      resurvey: fc.option(fc.tuple(day, m2)),
      releases: fc.array(fc.tuple(day, fc.integer({ min: 0, max: 60_000 })), { maxLength: 4 }),
    }),
    { maxLength: 8 },
  )
  .map((specs) => {
    const [areas, revisions, releases]: [HazardArea[], AreaRevision[], LandRelease[]] = [[], [], []];
    specs.forEach((s, i) => {
      const id = `A${i}`;
      const closed = s.closedOn !== null && s.closedOn >= s.recorded;
      areas.push(
        hazardArea(
          id,
          s.recorded,
          s.resurvey ? s.resurvey[1] : s.size,
          closed ? { status: 'closed', statusDate: s.closedOn } : {},
        ),
      );
      if (s.resurvey) revisions.push(revision(id, s.resurvey[0], s.size, s.resurvey[1]));
      s.releases.forEach(([date, area], j) => releases.push(release(`${id}-${j}`, id, date, area)));
    });
    return { areas, revisions, activities: [], releases, devices: [] };
  });

/** A history that agrees with itself: releases after recording, never more than the area. */
export const cleanHistory: fc.Arbitrary<ClearanceRecords> = fc
  .array(
    fc.record({
      recorded: day,
      size: m2,
      releases: fc.array(fc.tuple(fc.integer({ min: 0, max: 2_000 }), fc.double({ min: 0, max: 1, noNaN: true })), {
        maxLength: 4,
      }),
    }),
    { maxLength: 8 },
  )
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
