import { describe, expect, it } from 'vitest';
import {
  STILL_OPEN,
  clearanceFilters,
  clearanceLayers,
  dateInt,
  featureWords,
  intDate,
  shapeBounds,
  sliderDates,
} from './clearance-map';
import type { CountryShapes } from './map/world-shapes';

describe('dates as the tiles write them', () => {
  it('turns a calendar date into YYYYMMDD and back', () => {
    expect(dateInt('2024-03-05')).toBe(20240305);
    expect(intDate(20240305)).toBe('2024-03-05');
    expect(intDate('20240305')).toBe('2024-03-05');
    expect(intDate(STILL_OPEN)).toBeNull();
    expect(intDate(undefined)).toBeNull();
  });
});

describe('sliderDates', () => {
  it('stops at each month end from January of the first year, then at the as-of date', () => {
    const dates = sliderDates(2024, '2025-03-15');
    expect(dates.slice(0, 3)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31']);
    expect(dates.slice(-3)).toEqual(['2025-01-31', '2025-02-28', '2025-03-15']);
    expect(dates).toHaveLength(15);
  });

  it('has one stop when the records start in the as-of month', () => {
    expect(sliderDates(2026, '2026-01-20')).toEqual(['2026-01-20']);
  });
});

describe('clearanceFilters', () => {
  it('shows an area from the day it was recorded, open until the day it closed, and a release from its date', () => {
    const f = clearanceFilters(20230630);
    expect(f['clearance-hazard-open']).toEqual([
      'all',
      ['<=', ['to-number', ['get', 'recorded']], 20230630],
      ['>', ['to-number', ['get', 'closed']], 20230630],
    ]);
    expect(f['clearance-hazard-closed-edge']).toEqual([
      'all',
      ['<=', ['to-number', ['get', 'recorded']], 20230630],
      ['!', ['>', ['to-number', ['get', 'closed']], 20230630]],
    ]);
    expect(f['clearance-released']).toEqual(['<=', ['to-number', ['get', 'released']], 20230630]);
  });

  it('gives every layer its filter for the day', () => {
    const { layers } = clearanceLayers('/tiles/{z}/{x}/{y}', 20230630);
    const filters = clearanceFilters(20230630);
    for (const layer of layers) expect('filter' in layer ? layer.filter : undefined).toEqual(filters[layer.id]);
  });
});

describe('featureWords', () => {
  const area = {
    id: 'KHM-000001',
    type: 'CHA',
    status: 'closed',
    recorded: 20210105,
    closed: 20240301,
    areaM2: 31_000,
    synthetic: 1,
  };

  it('describes a hazard area as it stood on the slider day', () => {
    expect(featureWords('hazard_areas', area, '2024-06-30')).toEqual({
      title: 'Confirmed hazardous area (CHA)',
      rows: [
        ['Reference', 'KHM-000001'],
        ['Status', 'Closed on 1 March 2024'],
        ['Recorded on', '5 January 2021'],
        ['Area', '3.1 ha'],
        ['Data', 'synthetic demonstration record'],
      ],
    });
    expect(featureWords('hazard_areas', area, '2023-06-30').rows[1]).toEqual([
      'Status',
      'Open on 30 June 2023; closed on 1 March 2024',
    ]);
    expect(
      featureWords('hazard_areas', { ...area, type: 'SHA', closed: STILL_OPEN, status: 'open' }, '2023-06-30').rows[1],
    ).toEqual(['Status', 'Open on 30 June 2023']);
  });

  it('describes a release by its kind', () => {
    const words = featureWords(
      'land_releases',
      { kind: 'reduced', released: 20220410, areaM2: 1200, hazardAreaId: 'KHM-000001', synthetic: 0 },
      '2024-01-01',
    );
    expect(words).toEqual({
      title: 'Land reduced by technical survey',
      rows: [
        ['Released on', '10 April 2022'],
        ['Area', '1,200 m²'],
        ['From hazard area', 'KHM-000001'],
      ],
    });
  });
});

describe('shapeBounds', () => {
  it('boxes the outer rings of a State', () => {
    const shapes: CountryShapes = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { iso3: 'KHM', shapeName: 'Cambodia' },
          geometry: {
            type: 'MultiPolygon',
            coordinates: [
              [
                [
                  [102, 10],
                  [107, 10],
                  [107, 14],
                  [102, 10],
                ],
              ],
              [
                [
                  [101, 11],
                  [101.5, 11],
                  [101.5, 12],
                  [101, 11],
                ],
              ],
            ],
          },
        },
      ],
    };
    expect(shapeBounds(shapes, 'KHM')).toEqual([
      [101, 10],
      [107, 14],
    ]);
    expect(shapeBounds(shapes, 'FRA')).toBeNull();
  });
});

describe('featureWords for a point of the national view', () => {
  it('leaves out what a point does not carry and says to zoom in', () => {
    const words = featureWords(
      'hazard_area_points',
      { type: 'SHA', status: 'open', recorded: 20220202, closed: STILL_OPEN, synthetic: 0 },
      '2024-01-01',
    );
    expect(words.rows).toEqual([
      ['Status', 'Open on 1 January 2024'],
      ['Recorded on', '2 February 2022'],
      ['Details', 'zoom in to see its reference and size'],
    ]);
  });
});
