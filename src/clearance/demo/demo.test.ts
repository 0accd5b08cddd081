import { describe, expect, it } from 'vitest';
import { parseDate } from '../../core/date.js';
import { DEMO_YEARS, demoRecords } from './demo.js';
import { randomSource } from './demo-placement.js';
import { shapeContains, stateShape } from '../files/state-shapes.js';
import { stateRecords } from '../land-release.js';
import { summariseClearance } from '../summary.js';

const asOf = parseDate('2026-11-28');
const shape = stateShape('KHM');
if (shape === null) throw new Error('no shape for KHM');
const contains = shapeContains(shape);
const make = (seed: number, areas = 200) => demoRecords(shape, contains, { iso3: 'KHM', areas, seed, asOf });

describe('synthetic clearance data', () => {
  const records = make(42);

  it('is the same for the same seed and differs for another', () => {
    expect(make(42)).toEqual(records);
    expect(make(43).areas[0]?.geometry).not.toEqual(records.areas[0]?.geometry);
    const [a, b] = [randomSource(7), randomSource(7)];
    const draws = Array.from({ length: 1000 }, () => a());
    expect(draws).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('places every area inside the State, flagged synthetic, none overlapping another', () => {
    expect(records.areas).toHaveLength(200);
    expect(records.areas.every((a) => a.synthetic && a.iso3 === 'KHM')).toBe(true);
    const vertices = records.areas.flatMap((a) =>
      a.geometry.type === 'Polygon' ? a.geometry.coordinates.flat() : a.geometry.coordinates.flat(2),
    );
    expect(vertices.every(([x = 0, y = 0]) => contains(x, y))).toBe(true);
    const boxes = records.areas.map((a) => a.bbox).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < boxes.length; i++) {
      const [a, b] = [boxes[i - 1], boxes[i]];
      if (a && b && b[0] <= a[2]) expect(b[1] > a[3] || b[3] < a[1]).toBe(true);
    }
  });

  it('releases land over the last years in slices that add up to the area', () => {
    const years = new Set(records.releases.map((r) => Number(r.date.slice(0, 4))));
    expect(Math.min(...years)).toBeGreaterThanOrEqual(2026 - DEMO_YEARS);
    expect(records.releases.every((r) => r.date <= asOf)).toBe(true);
    const closed = records.areas.filter((a) => a.status === 'closed');
    expect(closed.length).toBeGreaterThan(0);
    for (const area of closed) {
      const released = records.releases.filter((r) => r.hazardAreaId === area.id).reduce((sum, r) => sum + r.areaM2, 0);
      expect(released).toBeCloseTo(area.areaM2, 3);
      expect(area.statusDate).toBe(records.releases.filter((r) => r.hazardAreaId === area.id).at(-1)?.date);
    }
    const summary = summariseClearance(stateRecords(records, 'KHM'), asOf, null);
    expect(summary.synthetic).toBe(true);
    expect(summary.reconciliation.every((r) => r.differenceM2 === 0)).toBe(true);
    expect(summary.open.sha.count + summary.open.cha.count).toBeGreaterThan(0);
  });

  it('says so when a State is too small to hold the areas apart', () => {
    const vatican = stateShape('VAT');
    if (vatican === null) return expect(vatican).toBeNull(); // no 1:50m shape at all: the CLI says so instead
    expect(() => demoRecords(vatican, shapeContains(vatican), { iso3: 'VAT', areas: 100_000, seed: 1, asOf })).toThrow(
      /too small/,
    );
  });
});
