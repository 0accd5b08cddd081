/**
 * Synthetic casualty records for demonstrations and benchmarks (`minefree demo casualties`):
 * deterministic from a seed, every one flagged `synthetic`, ids `DEMO-<ISO3>-<n>`. They are never
 * stored beside real records of the same State (store.ts refuses the mix).
 */
import { type CalendarDate, addDays } from '../../core/date.js';
import type { StateCode } from '../../core/states.js';
import {
  ACTIVITIES,
  CASUALTY_STATUSES,
  type CasualtyRecord,
  DEVICE_CATEGORIES,
  OUTCOMES,
  SERVICE_KINDS,
  SEXES,
} from '../model.js';
import { RECORD_COLUMNS, bandOf, recordFields } from '../records.js';

/** mulberry32: small, fast, and the same sequence on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(next: () => number, values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;

/** `count` synthetic records of `state`, incidents from 1 Jan 2000 to `until`. */
export function demoCasualties(state: StateCode, count: number, until: CalendarDate, seed = 1): CasualtyRecord[] {
  const next = random(seed);
  const span = Math.max(1, Math.round((Date.parse(until) - Date.parse('2000-01-01')) / 86_400_000));
  const records: CasualtyRecord[] = [];
  const width = String(count).length;
  for (let i = 0; i < count; i++) {
    const age = next() < 0.15 ? null : Math.floor(next() * 80);
    const band = age === null ? 'unknown' : bandOf(age);
    const needs = SERVICE_KINDS.filter(() => next() < 0.3);
    records.push({
      id: `DEMO-${state}-${String(i + 1).padStart(width, '0')}`,
      state,
      incidentDate: addDays('2000-01-01' as CalendarDate, Math.floor(next() * span)),
      historic: false,
      place: { point: null, adminArea: null },
      device: pick(next, DEVICE_CATEGORIES),
      outcome: next() < 0.3 ? OUTCOMES[0] : OUTCOMES[1],
      sex: pick(next, SEXES),
      age,
      ageBand: band,
      status: pick(next, CASUALTY_STATUSES),
      child: band === 'unknown' ? null : band === '0-17',
      activity: pick(next, ACTIVITIES),
      needs,
      referrals: needs.filter(() => next() < 0.5),
      synthetic: true,
    });
  }
  return records;
}

const quote = (v: string): string => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** Records as a casualty CSV (the import's columns). */
export function casualtiesCsv(records: readonly CasualtyRecord[]): string {
  const lines = [RECORD_COLUMNS.join(',')];
  for (const r of records) {
    const f = recordFields(r);
    lines.push(RECORD_COLUMNS.map((c) => quote(f[c])).join(','));
  }
  return `${lines.join('\n')}\n`;
}
