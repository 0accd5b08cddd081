import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hazardAreaSchema, readActivity, readDevices, readHazardArea, readRelease } from './input.js';
import { BOW_TIE } from './test-records.js';

const square = {
  type: 'Polygon',
  coordinates: [
    [
      [104, 12],
      [104.01, 12],
      [104.01, 12.01],
      [104, 12.01],
      [104, 12],
    ],
  ],
};
const body = {
  iso3: 'KHM',
  localRef: 'BTB-0042',
  name: 'Tuol Prasat',
  type: 'CHA',
  devices: [{ category: 'ap-mine', certainty: 'confirmed' }],
  geometry: square,
  informationDate: '2024-02-29',
  organisation: 'CMAC',
};

function fields(result: { ok: boolean; problems?: { field: string; expected: string }[] }) {
  expect(result.ok).toBe(false);
  return Object.fromEntries((result.problems ?? []).map((p) => [p.field, p.expected]));
}

describe('hazard area input', () => {
  it('reads a body into a hazard area with its computed area and box', () => {
    const result = readHazardArea(body, 'new-1');
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.value).toMatchObject({
      id: 'new-1',
      status: 'open',
      statusDate: null,
      synthetic: false,
      previouslyUnknown: false,
      sourceId: null,
      bbox: [104, 12, 104.01, 12.01],
    });
    expect(result.value.areaM2).toBeGreaterThan(1_200_000);
    expect(result.value.areaM2).toBeLessThan(1_250_000);
  });

  it('names every field at fault and what it expects', () => {
    expect(
      fields(
        readHazardArea(
          {
            ...body,
            iso3: 'XXX',
            type: 'suspected',
            informationDate: '2023-02-29',
            localRef: ' ',
            devices: [{ category: 'mine', certainty: 'confirmed' }],
          },
          'n',
        ),
      ),
    ).toEqual({
      iso3: 'the ISO 3166-1 alpha-3 code of one of the 197 States (for example KHM)',
      type: '"SHA" (suspected hazardous area) or "CHA" (confirmed hazardous area)',
      informationDate: 'the date of the information: a day between 01 and 28 for 2023-02',
      localRef: 'the national reference of the area (not blank)',
      'devices[0].category':
        'a device category: "ap-mine", "improvised-ap-mine", "av-mine", "erw", "cluster-munition-remnants"',
    });
  });

  it('says which fields are missing', () => {
    const missing = fields(readHazardArea({}, 'n'));
    expect(Object.keys(missing).sort()).toEqual([
      'geometry',
      'informationDate',
      'iso3',
      'localRef',
      'name',
      'organisation',
      'type',
    ]);
    expect(missing.name).toBe('the name of the area, as text');
  });

  it('tells a body sending the area that minefree computes it, and flags unknown fields', () => {
    expect(fields(readHazardArea({ ...body, areaM2: 5, colour: 'red' }, 'n'))).toEqual({
      areaM2: 'no such field: minefree computes it from the geometry',
      colour: 'no such field (check its spelling)',
    });
  });

  it('wants a status date exactly when the area is closed or handed over', () => {
    expect(fields(readHazardArea({ ...body, status: 'handed-over' }, 'n'))).toEqual({
      statusDate: 'the date the area was handed over (YYYY-MM-DD)',
    });
    expect(fields(readHazardArea({ ...body, statusDate: '2024-03-01' }, 'n'))).toEqual({
      statusDate: 'no status date while the area is open (leave it out or null)',
    });
    expect(fields(readHazardArea({ ...body, status: 'closed', statusDate: '2024-01-01' }, 'n'))).toEqual({
      statusDate: 'a date on or after the date of the information (2024-02-29)',
    });
    expect(readHazardArea({ ...body, status: 'closed', statusDate: '2024-03-01' }, 'n').ok).toBe(true);
  });

  it('reports geometry faults under "geometry", naming the feature', () => {
    const result = readHazardArea({ ...body, id: 'KHM-7', geometry: BOW_TIE }, 'n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({
      field: 'geometry',
      expected: 'rings that do not cross themselves or each other',
    });
    expect(result.problems[0]?.message).toMatch(/^feature KHM-7: expected rings that do not cross/);
    expect(fields(readHazardArea({ ...body, geometry: { type: 'Point', coordinates: [1, 2] } }, 'n'))).toEqual({
      'geometry.type': 'a GeoJSON geometry of type "Polygon" or "MultiPolygon"',
    });
  });

  it('reports repairs', () => {
    const clockwise = { type: 'Polygon', coordinates: [[...(square.coordinates[0] ?? [])].reverse()] };
    const result = readHazardArea({ ...body, geometry: clockwise }, 'n');
    expect(result.ok && result.repairs).toEqual([
      'ring orientation repaired: exterior rings counter-clockwise, holes clockwise (RFC 7946)',
    ]);
  });

  it('describes itself as JSON Schema for the API documentation', () => {
    const schema = z.toJSONSchema(hazardAreaSchema, { io: 'input' }) as { required: string[] };
    expect(schema.required).toEqual(expect.arrayContaining(['iso3', 'geometry', 'informationDate']));
  });
});

describe('release, activity and devices input', () => {
  it('reads a release with its computed area', () => {
    const result = readRelease(
      { hazardAreaId: 'KHM-7', activityId: 'act-1', kind: 'cleared', geometry: square, date: '2024-05-31' },
      'r-1',
    );
    expect(result.ok && result.value.areaM2).toBeGreaterThan(1_200_000);
    expect(
      fields(
        readRelease(
          { hazardAreaId: 'KHM-7', activityId: 'act 1', kind: 'demined', geometry: square, date: '31/05/2024' },
          'r',
        ),
      ),
    ).toEqual({
      activityId:
        'the id of the activity that released it: 1 to 64 letters, digits and . _ : - (for example "KHM-0042")',
      kind: 'how the land was released: "cancelled", "reduced", "cleared"',
      date: 'the release date: a date written YYYY-MM-DD (for example 1999-03-01)',
    });
  });

  it('wants an activity to end on or after its start', () => {
    const activity = { hazardAreaId: 'KHM-7', kind: 'technical-survey', organisation: 'HALO', start: '2024-05-01' };
    expect(readActivity(activity, 'a-1')).toMatchObject({ ok: true, value: { id: 'a-1', end: null } });
    expect(fields(readActivity({ ...activity, end: '2024-04-30' }, 'a'))).toEqual({
      end: 'an end date on or after the start (2024-05-01)',
    });
  });

  it('wants at least one whole device', () => {
    const found = { activityId: 'act-1', category: 'erw', count: 2, date: '2024-05-31' };
    expect(readDevices(found)).toMatchObject({ ok: true, value: { model: null, count: 2 } });
    expect(fields(readDevices({ ...found, count: 1.5 }))).toEqual({ count: 'the number destroyed, a whole number' });
    expect(fields(readDevices({ ...found, count: 0 }))).toEqual({ count: 'the number destroyed, at least 1' });
  });
});
