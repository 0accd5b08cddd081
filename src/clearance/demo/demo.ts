/**
 * `minefree demo clearance`: synthetic hazard areas inside a State's boundary, with a release
 * history over the six years before the as-of date, for exploring and benchmarking. Every area
 * is flagged synthetic; every record goes through the same input checks as an import.
 * Deterministic: the same State, count, seed and date give the same records.
 */
import type { MultiPolygon, Position } from 'geojson';
import { type CalendarDate, addDays, daysBetween, fromParts } from '../../core/date.js';
import type { StateCode } from '../../core/states.js';
import { yearOf } from '../calendar.js';
import { RELEASE_BY } from '../consistency.js';
import { type PlacedArea, placeAreas, randomSource } from './demo-placement.js';
import { type InputResult, readActivity, readDevices, readHazardArea, readRelease } from '../input.js';
import {
  type Activity,
  type ClearanceRecords,
  DEVICE_CATEGORIES,
  type DeviceRecord,
  type DevicesDestroyed,
  type HazardArea,
  type LandRelease,
  type ReleaseKind,
} from '../model.js';

export interface DemoOptions {
  iso3: StateCode;
  areas: number;
  seed: number;
  /** The history runs up to this date. */
  asOf: CalendarDate;
}

export const DEMO_YEARS = 6;
const ORGANISATIONS = ['Synthetic operator A', 'Synthetic operator B', 'Synthetic operator C'];

function valid<T>(result: InputResult<T>): T {
  // The generator's own output: a refusal here is a bug in it, not in anyone's data.
  if (!result.ok)
    throw new Error(`demo generator made an invalid record: ${result.problems.map((p) => p.message).join('; ')}`);
  return result.value;
}

const closed = (ring: Position[]): Position[] => [...ring, ring[0] ?? [0, 0]];

/** Wedges from the centre: consecutive slices of the polygon that together cover it exactly. */
function wedges(area: PlacedArea, parts: number, random: () => number): Position[][][] {
  const n = area.vertices.length;
  if (parts === 1) return [[closed(area.vertices)]];
  const cuts = new Set<number>([0]);
  while (cuts.size < parts) cuts.add(1 + Math.floor(random() * (n - 1)));
  const starts = [...cuts].sort((a, b) => a - b);
  return starts.map((start, i) => {
    const end = starts[i + 1] ?? n;
    const arc: Position[] = [];
    for (let v = start; v <= end; v++) arc.push(area.vertices[v % n] ?? [0, 0]);
    return [closed([area.centre, ...arc])];
  });
}

const pad = (n: number): string => String(n).padStart(6, '0');

export function demoRecords(
  shape: MultiPolygon,
  contains: (x: number, y: number) => boolean,
  options: DemoOptions,
): ClearanceRecords {
  const random = randomSource(options.seed * 2654435761 + options.areas);
  const placed = placeAreas(shape, contains, options.areas, random);
  if (placed === null)
    throw new Error(`${options.iso3}'s boundary is too small to hold ${options.areas} separate areas`);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const start = fromParts({ year: yearOf(options.asOf) - DEMO_YEARS, month: 1, day: 1 });
  const span = daysBetween(start, options.asOf);
  const dayAfter = (from: CalendarDate, within: number): CalendarDate =>
    addDays(from, Math.floor(random() * Math.max(1, within)));

  const records = {
    areas: [] as HazardArea[],
    activities: [] as Activity[],
    releases: [] as LandRelease[],
    devices: [] as DevicesDestroyed[],
  };
  for (const [index, area] of placed.entries()) {
    const id = `${options.iso3}-DEMO-${pad(index + 1)}`;
    const type = random() < 0.55 ? 'CHA' : 'SHA';
    const devices: DeviceRecord[] = [
      { category: pick(DEVICE_CATEGORIES), certainty: type === 'CHA' ? 'confirmed' : 'suspected' },
    ];
    // Most areas are the baseline survey of the first year; the rest are found later.
    const informationDate = random() < 0.8 ? dayAfter(start, 365) : dayAfter(start, span);
    const organisation = pick(ORGANISATIONS);
    const kinds: ReleaseKind[] =
      type === 'SHA'
        ? (['cancelled', 'reduced', 'cleared'].slice(0, 1 + Math.floor(random() * 3)) as ReleaseKind[])
        : random() < 0.5
          ? ['cleared']
          : ['reduced', 'cleared'];
    const slices = wedges(area, kinds.length, random);
    // Some areas see no work yet; the others release their slices in order, some not all by the date.
    const released = random() < 0.3 ? 0 : 1 + Math.floor(random() * kinds.length * 1.3);
    let date = informationDate;
    let lastRelease: CalendarDate | null = null;
    let count = 0;
    for (const [k, kind] of kinds.entries()) {
      if (k >= released) break;
      const left = daysBetween(date, options.asOf);
      if (left < 30) break;
      const end = addDays(date, 30 + Math.floor(random() * Math.min(left - 29, 900)));
      const activity = valid(
        readActivity(
          {
            id: `${id}-A${k + 1}`,
            hazardAreaId: id,
            kind: RELEASE_BY[kind],
            organisation,
            start: addDays(end, -20),
            end,
          },
          '',
        ),
      );
      records.activities.push(activity);
      records.releases.push(
        valid(
          readRelease(
            {
              id: `${id}-R${k + 1}`,
              hazardAreaId: id,
              activityId: activity.id,
              kind,
              date: end,
              geometry: { type: 'Polygon', coordinates: slices[k] },
            },
            '',
          ),
        ),
      );
      if (kind !== 'cancelled') {
        records.devices.push(
          valid(
            readDevices({
              activityId: activity.id,
              category: devices[0]?.category ?? 'erw',
              count: 1 + Math.floor(random() * 12),
              date: end,
            }),
          ),
        );
      }
      date = end;
      lastRelease = end;
      count++;
    }
    const done = count === kinds.length;
    records.areas.push(
      valid(
        readHazardArea(
          {
            id,
            iso3: options.iso3,
            localRef: `DEMO-${pad(index + 1)}`,
            name: `Synthetic area ${index + 1}`,
            type,
            devices,
            status: done ? 'closed' : 'open',
            statusDate: done ? lastRelease : null,
            geometry: { type: 'Polygon', coordinates: [closed(area.vertices)] },
            informationDate,
            organisation,
            synthetic: true,
          },
          id,
        ),
      ),
    );
  }
  return { ...records, revisions: [] };
}
