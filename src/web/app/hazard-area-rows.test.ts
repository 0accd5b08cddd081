import { describe, expect, it } from 'vitest';
import { boxOf, hazardAreaRows, sortHazardRows } from './hazard-area-rows';

const area = (
  id: string,
  localRef: string,
  areaM2: number,
  informationDate: string,
  statusDate: string | null,
  status = 'open',
) => ({
  properties: { record: 'hazard-area', id, localRef, type: 'SHA', areaM2, informationDate, statusDate, status },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [104, 12],
        [105, 12],
        [105, 13.5],
        [104, 12],
      ],
    ],
  },
});

const features = [
  area('a1', 'KH-10', 5000, '2020-01-15', null),
  area('a2', 'KH-2', 200, '2021-06-01', '2023-02-28', 'closed'),
  area('a3', 'KH-3', 900, '2024-03-01', '2026-07-01', 'handed-over'),
  area('a4', 'KH-4', 50, '2026-07-01', null),
  { properties: { record: 'activity', id: 'x1' }, geometry: null },
];

describe('hazard areas as table rows', () => {
  it.each([
    // as-of date, the references shown, their states
    ['2019-12-31', [], []],
    ['2020-01-15', ['KH-10'], ['open']],
    ['2023-02-27', ['KH-10', 'KH-2'], ['open', 'open']],
    ['2023-02-28', ['KH-10', 'KH-2'], ['open', 'closed']],
    ['2026-06-30', ['KH-10', 'KH-2', 'KH-3'], ['open', 'closed', 'open']],
    ['2026-07-01', ['KH-10', 'KH-2', 'KH-3', 'KH-4'], ['open', 'closed', 'handed-over', 'open']],
  ])('on %s shows the areas recorded by then, each in its state on that day', (asOf, references, states) => {
    const rows = hazardAreaRows(features, asOf);
    expect(rows.map((r) => r.reference)).toEqual(references);
    expect(rows.map((r) => r.status)).toEqual(states);
  });

  it('gives each area its bounding box and the tiles’ date numbers', () => {
    const [row] = hazardAreaRows(features, '2020-01-15');
    expect(row?.box).toEqual([104, 12, 105, 13.5]);
    expect(row?.properties).toMatchObject({ recorded: 20200115, closed: 99_991_231 });
    expect(boxOf([])).toBeNull();
  });

  it('takes the box the records give with geometry=bbox instead of the shape, and a shape when no box is given', () => {
    const boxed = features.map((f) => ({ properties: f.properties, geometry: null, bbox: [100, 10.5, 101, 11] }));
    expect(hazardAreaRows(boxed, '2020-01-15')[0]?.box).toEqual([100, 10.5, 101, 11]);
    const both = features.map((f) => ({ ...f, bbox: [100, 10.5, 101, 11] }));
    expect(hazardAreaRows(both, '2020-01-15')[0]?.box).toEqual([100, 10.5, 101, 11]);
    const neither = features.map((f) => ({ properties: f.properties, geometry: null, bbox: null }));
    expect(hazardAreaRows(neither, '2020-01-15')[0]?.box).toBeNull();
    // A box that is not four numbers is no box: the shape's is used.
    const short = features.map((f) => ({ ...f, bbox: [100, 10.5] }));
    expect(hazardAreaRows(short, '2020-01-15')[0]?.box).toEqual([104, 12, 105, 13.5]);
  });

  it('sorts by a column, references in natural order, ties by reference', () => {
    const rows = hazardAreaRows(features, '2026-07-01');
    expect(sortHazardRows(rows, 'reference', true).map((r) => r.reference)).toEqual(['KH-2', 'KH-3', 'KH-4', 'KH-10']);
    expect(sortHazardRows(rows, 'areaM2', false).map((r) => r.areaM2)).toEqual([5000, 900, 200, 50]);
    expect(sortHazardRows(rows, 'status', true).map((r) => r.reference)).toEqual(['KH-4', 'KH-10', 'KH-2', 'KH-3']);
  });
});
