/** Records for tests: one good record, varied by the fields a test names. */
import type { CalendarDate } from '../core/date.js';
import type { CasualtyRecord } from './model.js';

export function casualty(change: Partial<CasualtyRecord> = {}): CasualtyRecord {
  return {
    id: 'KHM-T-0001',
    state: 'KHM',
    incidentDate: '2020-05-01' as CalendarDate,
    historic: false,
    place: { point: { lat: 13.1, lon: 103.2 }, adminArea: 'Battambang' },
    device: 'ap-mine',
    outcome: 'injured',
    sex: 'male',
    age: 34,
    ageBand: '30-44',
    status: 'civilian',
    child: false,
    activity: 'farming',
    needs: ['medical'],
    referrals: [],
    synthetic: false,
    ...change,
  };
}

/** `n` records of `year` and `outcome`, ids `prefix-0`, `prefix-1`, … */
export function casualties(n: number, prefix: string, change: Partial<CasualtyRecord> = {}): CasualtyRecord[] {
  return Array.from({ length: n }, (_, i) => casualty({ id: `${prefix}-${i}`, ...change }));
}
