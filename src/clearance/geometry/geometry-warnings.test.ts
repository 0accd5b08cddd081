import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { geodesicAreaM2 } from './area.js';
import { overlapWarnings, outsideStateWarning, releaseBeyondAreaWarning } from './geometry.js';
import type { AreaGeometry } from '../model.js';

const box = (west: number, south: number, size: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [west + size, south],
      [west + size, south + size],
      [west, south + size],
      [west, south],
    ] as Position[],
  ],
});
const located = (id: string, geometry: AreaGeometry) => ({ id, geometry, areaM2: geodesicAreaM2(geometry) });

describe('overlap with other open hazard areas', () => {
  // Near the equator, 0.01° squares: the other one shifted by half a side both ways covers a quarter.
  const self = located('HA-1', box(104, 0, 0.01));
  const quarter = { ...located('HA-2', box(104.005, 0.005, 0.01)), status: 'open' as const };

  it('names the other area and the share of this one it covers', () => {
    const [warning, ...rest] = overlapWarnings(self, [quarter]);
    expect(rest).toEqual([]);
    expect(warning?.otherId).toBe('HA-2');
    expect(warning?.share).toBeCloseTo(0.25, 3);
    expect(warning?.message).toMatch(/^feature HA-1 overlaps open hazard area HA-2: [\d,]+ m², 25\.0 % of its area$/);
  });

  it('ignores closed areas, itself, areas far away and areas that only share an edge', () => {
    const others = [
      { ...quarter, id: 'closed', status: 'closed' as const },
      { ...self, status: 'open' as const },
      { ...located('far', box(10, 10, 0.01)), status: 'open' as const },
      { ...located('edge', box(104.01, 0, 0.01)), status: 'open' as const },
    ];
    expect(overlapWarnings(self, others)).toEqual([]);
  });
});

describe('release beyond its hazard area', () => {
  const area = { id: 'HA-1', geometry: box(104, 0, 0.01) };

  it('gives the share outside', () => {
    const half = located('R-1', {
      type: 'Polygon',
      coordinates: [
        [
          [104.005, 0],
          [104.015, 0],
          [104.015, 0.01],
          [104.005, 0.01],
          [104.005, 0],
        ],
      ],
    });
    const warning = releaseBeyondAreaWarning(half, area);
    expect(warning?.share).toBeCloseTo(0.5, 3);
    expect(warning?.message).toContain('release R-1 extends beyond hazard area HA-1');
  });

  it('stays silent for a release inside its area', () => {
    expect(releaseBeyondAreaWarning(located('R-2', box(104.002, 0.002, 0.005)), area)).toBeNull();
  });
});

describe('area outside its State', () => {
  // A State shaped as a 1° box; 0.01° of latitude is about 1.1 km.
  const state = box(104, 10, 1);

  it('stays silent inside the boundary and within the tolerance', () => {
    expect(outsideStateWarning(located('in', box(104.5, 10.5, 0.01)), state, 1_000)).toBeNull();
    // Sticks out 0.005° (≈ 550 m) past the eastern boundary: within 1 km.
    expect(outsideStateWarning(located('edge', box(104.995, 10.5, 0.01)), state, 1_000)).toBeNull();
  });

  it('warns beyond the tolerance, with the distance and the share outside', () => {
    // 0.1° east of the boundary at 10.5° N ≈ 10.9 km; the whole area is outside.
    const warning = outsideStateWarning(located('out', box(105.1, 10.5, 0.01)), state, 1_000);
    expect(warning?.share).toBeCloseTo(1, 6);
    expect(warning?.farthestM).toBeGreaterThan(10_000);
    expect(warning?.farthestM).toBeLessThan(13_000);
    expect(warning?.message).toContain("feature out lies partly outside the State's boundary");
  });
});
