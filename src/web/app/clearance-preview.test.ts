import { describe, expect, it } from 'vitest';
import { frame, outlinePath, previewGeometry, project } from './clearance-preview';
import type { Box } from './hazard-area-rows';

const near = (a: number, b: number) => Math.abs(a - b) < 0.01;

describe('project (Web Mercator, in SVG units, y down)', () => {
  it.each([
    ['the origin', 0, 0, 50_000, 50_000],
    ['the antimeridian, west', -180, 0, 0, 50_000],
    ['the antimeridian, east', 180, 0, 100_000, 50_000],
    ['the Mercator limit, north', 0, 85.051129, 50_000, 0],
    ['the Mercator limit, south', 0, -85.051129, 50_000, 100_000],
    ['the pole, held at the limit', 0, 90, 50_000, 0],
  ])('%s (%d, %d)', (_name, lon, lat, x, y) => {
    const [px, py] = project(lon, lat);
    expect(Math.abs(px - x)).toBeLessThan(1);
    expect(Math.abs(py - y)).toBeLessThan(1);
  });

  it('puts north above south and east right of west', () => {
    const [x1, y1] = project(104, 14);
    const [x2, y2] = project(105, 11);
    expect(x2).toBeGreaterThan(x1);
    expect(y2).toBeGreaterThan(y1);
  });
});

describe('outlinePath', () => {
  const ring = [
    [102, 10],
    [107, 10],
    [107, 14],
    [102, 10],
  ];
  it.each([
    ['no geometry', null, 0],
    ['a point (not a polygon)', { type: 'Point', coordinates: [104, 12] }, 0],
    ['a polygon', { type: 'Polygon', coordinates: [ring] }, 1],
    ['a polygon with a hole', { type: 'Polygon', coordinates: [ring, ring] }, 2],
    ['a multipolygon of two', { type: 'MultiPolygon', coordinates: [[ring], [ring]] }, 2],
    [
      'a ring of two points (dropped)',
      {
        type: 'Polygon',
        coordinates: [
          [
            [1, 1],
            [2, 2],
          ],
        ],
      },
      0,
    ],
  ])('%s: %i closed rings', (_name, geometry, rings) => {
    const path = outlinePath(geometry);
    expect(path.split('M').length - 1).toBe(rings);
    expect(path.split('Z').length - 1).toBe(rings);
  });
});

describe('frame', () => {
  it('holds the fitted box with room on every side', () => {
    const fit: Box = [102.3, 10.4, 107.6, 14.7];
    const { viewBox } = frame(fit);
    const [x, y, w, h] = viewBox.split(' ').map(Number) as [number, number, number, number];
    const [west, north] = project(fit[0], fit[3]);
    const [east, south] = project(fit[2], fit[1]);
    expect(x).toBeLessThan(west);
    expect(y).toBeLessThan(north);
    expect(x + w).toBeGreaterThan(east);
    expect(y + h).toBeGreaterThan(south);
  });

  it('gives a single point a frame of some size, not zero', () => {
    const { viewBox, size } = frame([104, 12, 104, 12]);
    const [, , w, h] = viewBox.split(' ').map(Number);
    expect(size).toBeGreaterThan(0);
    expect(w).toBeGreaterThan(0);
    expect(h).toBeGreaterThan(0);
  });
});

describe('previewGeometry', () => {
  const shape = {
    type: 'Polygon',
    coordinates: [
      [
        [102, 10],
        [108, 10],
        [108, 15],
        [102, 10],
      ],
    ],
  };
  const row = (status: 'open' | 'closed' | 'handed-over', type: string, box: Box | null) => ({ status, type, box });

  it.each([
    ['nothing to frame', null, null, [], null],
    ['the outline alone, framed on it', null, shape, [], 0],
    ['open areas are dots', [103, 11, 106, 13] as Box, shape, [row('open', 'SHA', [104, 12, 104.2, 12.2])], 1],
    [
      'closed and handed-over areas are not drawn, nor an area without a box',
      [103, 11, 106, 13] as Box,
      shape,
      [
        row('closed', 'SHA', [104, 12, 105, 13]),
        row('handed-over', 'CHA', [104, 12, 105, 13]),
        row('open', 'CHA', null),
      ],
      0,
    ],
    [
      'dots without an outline (no shape)',
      [103, 11, 106, 13] as Box,
      null,
      [row('open', 'CHA', [104, 12, 104, 12])],
      1,
    ],
  ])('%s', (_name, fit, geometry, rows, dots) => {
    const preview = previewGeometry(fit, geometry, rows);
    if (dots === null) {
      expect(preview).toBeNull();
      return;
    }
    expect(preview?.dots.length).toBe(dots);
    expect(preview?.outline === '').toBe(geometry === null);
    expect(preview?.radius).toBeGreaterThan(0);
  });

  it('puts a dot at the centre of its area, typed SHA unless CHA', () => {
    const preview = previewGeometry(null, shape, [
      row('open', 'CHA', [104, 12, 106, 14]),
      row('open', 'something else', [104, 12, 104, 12]),
    ]);
    const [x, y] = project(105, 13);
    expect(near(preview?.dots[0]?.x ?? NaN, Math.round(x * 10) / 10)).toBe(true);
    expect(near(preview?.dots[0]?.y ?? NaN, Math.round(y * 10) / 10)).toBe(true);
    expect(preview?.dots.map((d) => d.type)).toEqual(['CHA', 'SHA']);
  });
});
