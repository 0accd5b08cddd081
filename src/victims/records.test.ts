import { describe, expect, it } from 'vitest';
import { parseDate } from '../core/date.js';
import { RECORD_COLUMNS, type RecordColumn, readRecord, recordFields } from './records.js';

const TODAY = parseDate('2026-11-30');
const good: Record<RecordColumn, string> = {
  id: 'KHM-2024-0001',
  iso3: 'KHM',
  incident_date: '2024-03-05',
  historic: '',
  lat: '13.1',
  lon: '103.2',
  admin_area: 'Battambang',
  device: 'ap-mine',
  outcome: 'injured',
  sex: 'male',
  age: '34',
  age_band: '',
  status: 'civilian',
  child: '',
  activity: 'farming',
  needs: 'medical;physical-rehabilitation',
  referrals: 'medical',
};
const read = (change: Partial<Record<RecordColumn, string>>) =>
  readRecord((f) => ({ ...good, ...change })[f], 'KHM', TODAY);

describe('readRecord', () => {
  it('reads a good record, deriving the age band and child', () => {
    const { record, problems } = read({});
    expect(problems).toEqual([]);
    expect(record).toMatchObject({ ageBand: '30-44', child: false, place: { point: { lat: 13.1, lon: 103.2 } } });
  });

  it('round-trips through its fields', () => {
    const { record } = read({});
    if (record === null) throw new Error('no record');
    expect(readRecord((f) => recordFields(record)[f], 'KHM', TODAY).record).toEqual(record);
    expect(Object.keys(recordFields(record))).toEqual([...RECORD_COLUMNS]);
  });

  it.each([
    { change: { incident_date: '2026-12-01' }, field: 'incident_date', expected: /on or before today/ },
    { change: { incident_date: '2026-11-30' }, field: null, expected: null },
    { change: { incident_date: '1989-12-31' }, field: 'incident_date', expected: /historic=yes/ },
    { change: { incident_date: '1989-12-31', historic: 'yes' }, field: null, expected: null },
    { change: { incident_date: '1990-01-01' }, field: null, expected: null },
    { change: { incident_date: '2023-02-29' }, field: 'incident_date', expected: /YYYY-MM-DD/ },
    { change: { incident_date: '2024-02-29' }, field: null, expected: null },
    { change: { incident_date: '2000-02-29' }, field: null, expected: null },
    { change: { incident_date: '2023-04-31' }, field: 'incident_date', expected: /YYYY-MM-DD/ },
    { change: { incident_date: '2023-12-31' }, field: null, expected: null },
    { change: { incident_date: '2023-13-01' }, field: 'incident_date', expected: /YYYY-MM-DD/ },
    { change: { incident_date: '2023-00-10' }, field: 'incident_date', expected: /YYYY-MM-DD/ },
    { change: { incident_date: '2023-01-00' }, field: 'incident_date', expected: /YYYY-MM-DD/ },
    { change: { incident_date: '2023-1-01' }, field: 'incident_date', expected: /YYYY-MM-DD/ },
    { change: { incident_date: '2023/01/01' }, field: 'incident_date', expected: /YYYY-MM-DD/ },
    { change: { incident_date: '２０２３-01-01' }, field: 'incident_date', expected: /YYYY-MM-DD/ },
    { change: { incident_date: '0000-01-01', historic: 'yes' }, field: 'incident_date', expected: /YYYY-MM-DD/ },
    { change: { needs: 'medical;education', referrals: 'education' }, field: null, expected: null },
    { change: { referrals: 'medical;;education' }, field: 'referrals', expected: /each once/ },
    { change: { age: '121' }, field: 'age', expected: /0 to 120/ },
    { change: { age: '120' }, field: null, expected: null },
    { change: { age: '-1' }, field: 'age', expected: /0 to 120/ },
    { change: { sex: 'x' }, field: 'sex', expected: /female, male, unknown/ },
    { change: { device: 'grenade' }, field: 'device', expected: /ap-mine/ },
    { change: { iso3: 'LAO' }, field: 'iso3', expected: /KHM, the State of this import/ },
    { change: { iso3: 'XXX' }, field: 'iso3', expected: /KHM/ },
    { change: { id: 'Jane Doe' }, field: 'id', expected: /pseudonymous/ },
    { change: { age: '12', child: 'no' }, field: 'child', expected: /yes, as the age says/ },
    { change: { age: '12', age_band: '18-29' }, field: 'age_band', expected: /0-17/ },
    { change: { lat: '91' }, field: 'lat', expected: /latitude/ },
    { change: { lat: '', lon: '' }, field: null, expected: null },
    { change: { needs: 'medical;medical' }, field: 'needs', expected: /each once/ },
    { change: { outcome: 'missing' }, field: 'outcome', expected: /killed, injured/ },
  ])('$change → $field', ({ change, field, expected }) => {
    const { record, problems } = read(change);
    if (field === null) {
      expect(problems).toEqual([]);
      expect(record).not.toBeNull();
    } else {
      expect(record).toBeNull();
      expect(problems[0]?.field).toBe(field);
      expect(problems[0]?.expected).toMatch(expected ?? /./);
    }
  });

  it('a band without an age gives child from the band', () => {
    expect(read({ age: '', age_band: '0-17' }).record).toMatchObject({ ageBand: '0-17', child: true, age: null });
    expect(read({ age: '', age_band: '', child: 'yes' }).record).toMatchObject({ ageBand: 'unknown', child: true });
  });
});
