/**
 * Land-release arithmetic for one State on an as-of date (issue 4, §3).
 *
 * When is a hazard area open on date D? Recorded by D (informationDate ≤ D), and neither
 *  - closed or handed over by D (status not 'open' and statusDate ≤ D; a closed area with no
 *    status date counts as closed from the day it was recorded), nor
 *  - covered by its releases: the releases dated ≤ D add up to its recorded size on D (less
 *    than FULLY_RELEASED_M2 left).
 * Releases are counted by their area, not by polygon union: fast enough for hundreds of
 * thousands of areas, and releaseBeyondAreaWarning catches on write a release that overshoots.
 * An area's remaining is clamped at zero; the reconciliation shows what the clamp hid.
 */
import type { CalendarDate } from '../core/date.js';
import type { StateCode } from '../core/states.js';
import { roundM2, yearOf } from './calendar.js';
import type {
  AreaRevision,
  ClearanceRecords,
  DevicesDestroyed,
  DevicesYear,
  HazardArea,
  LandRelease,
  OpenAreas,
  ReleasedYear,
} from './model.js';

/** Less than this left after releases (m²) is digitising noise: the area counts as released. */
export const FULLY_RELEASED_M2 = 1;

/** What the arithmetic reads of a hazard area (a read for it need not load the rest). */
export type AreaFacts = Pick<
  HazardArea,
  'id' | 'type' | 'status' | 'statusDate' | 'areaM2' | 'informationDate' | 'synthetic' | 'previouslyUnknown'
>;
export type ReleaseFacts = Pick<LandRelease, 'kind' | 'areaM2' | 'date'>;
export type DevicesFacts = Pick<DevicesDestroyed, 'category' | 'count' | 'date'>;

/** One hazard area with its history, releases and revisions in date order. */
export interface AreaRecords {
  area: AreaFacts;
  releases: readonly ReleaseFacts[];
  revisions: readonly AreaRevision[];
}

/** One State's records, grouped once so each question is a single pass over its areas. */
export interface StateRecords {
  iso3: StateCode;
  areas: readonly AreaRecords[];
  devices: readonly DevicesFacts[];
}

/** Sorts records by their date, earliest first. */
export const byDate = (a: { date: CalendarDate }, b: { date: CalendarDate }): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : 0;

export function stateRecords(records: ClearanceRecords, iso3: StateCode): StateRecords {
  const areas = new Map<string, { area: HazardArea; releases: LandRelease[]; revisions: AreaRevision[] }>();
  for (const area of records.areas) if (area.iso3 === iso3) areas.set(area.id, { area, releases: [], revisions: [] });
  for (const r of records.releases) areas.get(r.hazardAreaId)?.releases.push(r);
  for (const r of records.revisions) areas.get(r.hazardAreaId)?.revisions.push(r);
  for (const a of areas.values()) {
    a.releases.sort(byDate);
    a.revisions.sort(byDate);
  }
  const activities = new Set(records.activities.filter((a) => areas.has(a.hazardAreaId)).map((a) => a.id));
  return { iso3, areas: [...areas.values()], devices: records.devices.filter((d) => activities.has(d.activityId)) };
}

/** Size on a date: the `before` of the first later revision, else today's size. */
export function sizeOn({ area, revisions }: AreaRecords, date: CalendarDate): number {
  for (const r of revisions) if (r.date > date) return r.beforeM2;
  return area.areaM2;
}

/** Closed or handed over by the date; with no status date, from the day it was recorded. */
export function closedBy(area: AreaFacts, date: CalendarDate): boolean {
  return area.status !== 'open' && (area.statusDate ?? area.informationDate) <= date;
}

export function releasedBy({ releases }: AreaRecords, date: CalendarDate): number {
  let sum = 0;
  for (const r of releases) {
    if (r.date > date) break;
    sum += r.areaM2;
  }
  return sum;
}

/** What is left of an area on a date; 0 when not yet recorded, closed, or covered by releases. */
export function remainingOn(records: AreaRecords, date: CalendarDate): number {
  if (records.area.informationDate > date || closedBy(records.area, date)) return 0;
  const left = sizeOn(records, date) - releasedBy(records, date);
  return left < FULLY_RELEASED_M2 ? 0 : left;
}

export interface LandReleaseSummary {
  iso3: StateCode;
  asOf: CalendarDate;
  /** Open areas and what remains of them (not their original size). */
  open: { sha: OpenAreas; cha: OpenAreas };
  remainingM2: number;
  released: ReleasedYear[];
  devicesDestroyed: DevicesYear[];
}

/** Area released per year and kind, as recorded (not clamped), up to the as-of date. */
export function releasedPerYear(records: StateRecords, asOf: CalendarDate): ReleasedYear[] {
  const years = new Map<number, ReleasedYear>();
  for (const { releases } of records.areas) {
    for (const r of releases) {
      if (r.date > asOf) break;
      const year = yearOf(r.date);
      const row = years.get(year) ?? { year, cancelledM2: 0, reducedM2: 0, clearedM2: 0 };
      if (r.kind === 'cancelled') row.cancelledM2 += r.areaM2;
      else if (r.kind === 'reduced') row.reducedM2 += r.areaM2;
      else row.clearedM2 += r.areaM2;
      years.set(year, row);
    }
  }
  return [...years.values()].sort((a, b) => a.year - b.year);
}

/** Total released per year, every kind together: the rate the forecast works from. */
export function releasedTotals(released: readonly ReleasedYear[]): Map<number, number> {
  return new Map(released.map((r) => [r.year, r.cancelledM2 + r.reducedM2 + r.clearedM2]));
}

export function devicesPerYear(records: StateRecords, asOf: CalendarDate): DevicesYear[] {
  const counts = new Map<string, DevicesYear>();
  for (const d of records.devices) {
    if (d.date > asOf) continue;
    const year = yearOf(d.date);
    const key = `${year} ${d.category}`;
    const row = counts.get(key) ?? { year, category: d.category, count: 0 };
    row.count += d.count;
    counts.set(key, row);
  }
  return [...counts.values()].sort((a, b) => a.year - b.year || a.category.localeCompare(b.category));
}

export function landReleaseSummary(records: StateRecords, asOf: CalendarDate): LandReleaseSummary {
  const open = { sha: { count: 0, areaM2: 0 }, cha: { count: 0, areaM2: 0 } };
  for (const history of records.areas) {
    const remaining = remainingOn(history, asOf);
    if (remaining === 0) continue;
    const bucket = history.area.type === 'SHA' ? open.sha : open.cha;
    bucket.count += 1;
    bucket.areaM2 += remaining;
  }
  const released = releasedPerYear(records, asOf).map((r) => ({
    year: r.year,
    cancelledM2: roundM2(r.cancelledM2),
    reducedM2: roundM2(r.reducedM2),
    clearedM2: roundM2(r.clearedM2),
  }));
  return {
    iso3: records.iso3,
    asOf,
    open: {
      sha: { count: open.sha.count, areaM2: roundM2(open.sha.areaM2) },
      cha: { count: open.cha.count, areaM2: roundM2(open.cha.areaM2) },
    },
    remainingM2: roundM2(open.sha.areaM2 + open.cha.areaM2),
    released,
    devicesDestroyed: devicesPerYear(records, asOf),
  };
}
