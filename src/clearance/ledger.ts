/**
 * The land-release arithmetic of one State as running totals over days (issue 4, §3 and its
 * performance target): built once from the records, it answers open areas, released per year,
 * devices per year and the reconciliation for any as-of date with binary searches, not a pass
 * over every hazard area. `landReleaseSummary` and `reconcile` stay as the definitions; the
 * property tests hold the ledger equal to them.
 *
 * Why it is exact: an area's remaining (remainingOn) only changes on its own event days — the
 * day it was recorded, released, re-surveyed or closed — so the sum over areas is a step
 * function whose steps are those days.
 */
import type { CalendarDate } from '../core/date.js';
import { dateNumber, roundM2, yearOf } from './calendar.js';
import { type StateRecords, remainingOn, sizeOn } from './land-release.js';
import { NOISE_M2 } from './reconciliation.js';
import {
  DEVICE_CATEGORIES,
  type DeviceCategory,
  type DevicesYear,
  type OpenAreas,
  RELEASE_KINDS,
  type ReconciliationTotals,
  type ReleaseKind,
  type ReleasedYear,
} from './model.js';

/** Changes of a value on days, kept sorted with their running total. */
export class RunningTotal {
  private constructor(
    private readonly days: Int32Array,
    private readonly totals: Float64Array,
  ) {}

  static of(days: readonly number[], deltas: readonly number[]): RunningTotal {
    const order = Array.from(days.keys()).sort((a, b) => (days[a] ?? 0) - (days[b] ?? 0));
    const outDays: number[] = [];
    const outTotals: number[] = [];
    let total = 0;
    for (const i of order) {
      const day = days[i] ?? 0;
      total += deltas[i] ?? 0;
      if (outDays.at(-1) === day) outTotals[outTotals.length - 1] = total;
      else {
        outDays.push(day);
        outTotals.push(total);
      }
    }
    return new RunningTotal(Int32Array.from(outDays), Float64Array.from(outTotals));
  }

  /** From stored (day, total) points, days ascending (ledger-store.ts). */
  static fromTotals(days: readonly number[], totals: readonly number[]): RunningTotal {
    return new RunningTotal(Int32Array.from(days), Float64Array.from(totals));
  }

  /** The (day, running total) points, days ascending. */
  points(): { day: number; total: number }[] {
    return Array.from(this.days, (day, i) => ({ day, total: this.totals[i] ?? 0 }));
  }

  /** The total of the changes on or before `day`. */
  at(day: number): number {
    let lo = 0;
    let hi = this.days.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.days[mid] ?? 0) <= day) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? 0 : (this.totals[lo - 1] ?? 0);
  }

  /** The changes after `from` and on or before `to`. */
  between(from: number, to: number): number {
    return this.at(to) - this.at(from);
  }
}

/** Collects (day, change) pairs for one RunningTotal. */
class Changes {
  readonly days: number[] = [];
  readonly deltas: number[] = [];
  add(day: number, delta: number): void {
    if (delta === 0) return;
    this.days.push(day);
    this.deltas.push(delta);
  }
  total(): RunningTotal {
    return RunningTotal.of(this.days, this.deltas);
  }
}

interface Series {
  count: RunningTotal;
  areaM2: RunningTotal;
}

export interface ClearanceLedger {
  iso3: StateRecords['iso3'];
  synthetic: boolean;
  open: { sha: Series; cha: Series };
  released: Record<ReleaseKind, RunningTotal>;
  releaseCount: RunningTotal;
  devices: Record<DeviceCategory, Series>;
  newlyRecordedM2: RunningTotal;
  /** The first day anything happened to any area (yyyymmdd), where the reconciliation starts. */
  firstEvent: number;
  firstRelease: number;
  firstDevice: number;
}

/** What a ledger holds besides its running totals (NO_EVENT: nothing of the kind). */
export interface LedgerFacts {
  synthetic: boolean;
  firstEvent: number;
  firstRelease: number;
  firstDevice: number;
}

/** The name of each running total, as the store keeps them (ledger-store.ts). */
export const SERIES = {
  openCount: (type: 'sha' | 'cha') => `open.${type}.count`,
  openM2: (type: 'sha' | 'cha') => `open.${type}.m2`,
  released: (kind: ReleaseKind) => `released.${kind}`,
  releaseCount: 'releases',
  newlyRecordedM2: 'newly.m2',
  /** Records of destroyed devices (a year is listed when it has one). */
  deviceRecords: (category: DeviceCategory) => `devices.${category}.records`,
  deviceCount: (category: DeviceCategory) => `devices.${category}.count`,
} as const;

/** Every series name ledgerOf reads: a store is asked for exactly these (store-ledger.ts). */
export const SERIES_NAMES: readonly string[] = [
  ...(['sha', 'cha'] as const).flatMap((type) => [SERIES.openCount(type), SERIES.openM2(type)]),
  ...RELEASE_KINDS.map(SERIES.released),
  SERIES.releaseCount,
  SERIES.newlyRecordedM2,
  ...DEVICE_CATEGORIES.flatMap((c) => [SERIES.deviceRecords(c), SERIES.deviceCount(c)]),
];

export const NO_EVENT = Number.POSITIVE_INFINITY;

/** The days an area's remaining can change on: recorded, released, re-surveyed, closed. */
function eventDates({ area, releases, revisions }: StateRecords['areas'][number]): CalendarDate[] {
  const dates = new Set<CalendarDate>([area.informationDate]);
  for (const r of releases) dates.add(r.date);
  for (const r of revisions) dates.add(r.date);
  if (area.status !== 'open') dates.add(area.statusDate ?? area.informationDate);
  return [...dates].sort();
}

/**
 * The changes of every running total, collected record by record (ledgerChanges, or a streamed
 * import adding each area as it is written): the same records in the same order give the same
 * totals to the last bit.
 */
export class LedgerChanges {
  private readonly changes = new Map<string, Changes>();
  private firstEvent = NO_EVENT;
  private firstRelease = NO_EVENT;
  private firstDevice = NO_EVENT;
  private synthetic = false;

  private add(name: string, day: number, delta: number): void {
    let c = this.changes.get(name);
    if (c === undefined) {
      c = new Changes();
      this.changes.set(name, c);
    }
    c.add(day, delta);
  }

  addArea(history: StateRecords['areas'][number]): void {
    const { area } = history;
    this.synthetic ||= area.synthetic;
    const type = area.type === 'SHA' ? 'sha' : 'cha';
    let count = 0;
    let remaining = 0;
    for (const date of eventDates(history)) {
      const day = dateNumber(date);
      this.firstEvent = Math.min(this.firstEvent, day);
      const now = remainingOn(history, date);
      const isOpen = now > 0 ? 1 : 0;
      this.add(SERIES.openCount(type), day, isOpen - count);
      this.add(SERIES.openM2(type), day, now - remaining);
      count = isOpen;
      remaining = now;
    }
    this.add(SERIES.newlyRecordedM2, dateNumber(area.informationDate), sizeOn(history, area.informationDate));
    for (const r of history.releases) {
      const day = dateNumber(r.date);
      this.firstRelease = Math.min(this.firstRelease, day);
      this.add(SERIES.released(r.kind), day, r.areaM2);
      this.add(SERIES.releaseCount, day, 1);
    }
  }

  addDevices(d: StateRecords['devices'][number]): void {
    const day = dateNumber(d.date);
    this.firstDevice = Math.min(this.firstDevice, day);
    this.add(SERIES.deviceRecords(d.category), day, 1);
    this.add(SERIES.deviceCount(d.category), day, d.count);
  }

  /** The running totals by series name, and the ledger's facts. */
  result(): { series: Map<string, RunningTotal>; facts: LedgerFacts } {
    const series = new Map([...this.changes].map(([name, c]) => [name, c.total()]));
    const { synthetic, firstEvent, firstRelease, firstDevice } = this;
    return { series, facts: { synthetic, firstEvent, firstRelease, firstDevice } };
  }
}

/** The changes of the State's records collected: its areas in order, then its devices. */
export function collectChanges(records: StateRecords): LedgerChanges {
  const changes = new LedgerChanges();
  for (const history of records.areas) changes.addArea(history);
  for (const d of records.devices) changes.addDevices(d);
  return changes;
}

/** Every change of every running total of the State's records, by series name, and the ledger's facts. */
export function ledgerChanges(records: StateRecords): { series: Map<string, RunningTotal>; facts: LedgerFacts } {
  return collectChanges(records).result();
}

const NOTHING = RunningTotal.of([], []);

/** A ledger from its running totals by name (ledgerChanges', or the store's) and its facts. */
export function ledgerOf(
  iso3: StateRecords['iso3'],
  series: ReadonlyMap<string, RunningTotal>,
  facts: LedgerFacts,
): ClearanceLedger {
  const get = (name: string): RunningTotal => series.get(name) ?? NOTHING;
  const open = (type: 'sha' | 'cha'): Series => ({
    count: get(SERIES.openCount(type)),
    areaM2: get(SERIES.openM2(type)),
  });
  return {
    iso3,
    synthetic: facts.synthetic,
    open: { sha: open('sha'), cha: open('cha') },
    released: {
      cancelled: get(SERIES.released('cancelled')),
      reduced: get(SERIES.released('reduced')),
      cleared: get(SERIES.released('cleared')),
    },
    releaseCount: get(SERIES.releaseCount),
    // `count` holds the records (a year is listed when it has one), `areaM2` the devices.
    devices: Object.fromEntries(
      DEVICE_CATEGORIES.map((c) => [c, { count: get(SERIES.deviceRecords(c)), areaM2: get(SERIES.deviceCount(c)) }]),
    ) as Record<DeviceCategory, Series>,
    newlyRecordedM2: get(SERIES.newlyRecordedM2),
    firstEvent: facts.firstEvent,
    firstRelease: facts.firstRelease,
    firstDevice: facts.firstDevice,
  };
}

export function buildLedger(records: StateRecords): ClearanceLedger {
  const { series, facts } = ledgerChanges(records);
  return ledgerOf(records.iso3, series, facts);
}

const endKey = (year: number): number => year * 10000 + 1231;
const yearOfKey = (day: number): number => Math.floor(day / 10000);

/** Open areas and what remains of them on the day (rounded like landReleaseSummary). */
export function openOn(
  ledger: ClearanceLedger,
  asOf: CalendarDate,
): { sha: OpenAreas; cha: OpenAreas; remainingM2: number } {
  const day = dateNumber(asOf);
  const sha = ledger.open.sha.areaM2.at(day);
  const cha = ledger.open.cha.areaM2.at(day);
  return {
    sha: { count: Math.round(ledger.open.sha.count.at(day)), areaM2: roundM2(sha) },
    cha: { count: Math.round(ledger.open.cha.count.at(day)), areaM2: roundM2(cha) },
    remainingM2: roundM2(sha + cha),
  };
}

/** Years from the first `first` up to the as-of year, each ending on 31 December or the as-of day. */
function yearsSeen(first: number, asOf: CalendarDate): { year: number; from: number; to: number }[] {
  const day = dateNumber(asOf);
  if (first > day) return [];
  const years = [];
  for (let year = yearOfKey(first); year <= yearOf(asOf); year++)
    years.push({ year, from: endKey(year - 1), to: Math.min(endKey(year), day) });
  return years;
}

/** Released per year and kind up to the as-of date, as recorded (unrounded, like releasedPerYear). */
export function releasedYears(ledger: ClearanceLedger, asOf: CalendarDate): ReleasedYear[] {
  return yearsSeen(ledger.firstRelease, asOf)
    .filter(({ from, to }) => ledger.releaseCount.between(from, to) > 0)
    .map(({ year, from, to }) => ({
      year,
      cancelledM2: ledger.released.cancelled.between(from, to),
      reducedM2: ledger.released.reduced.between(from, to),
      clearedM2: ledger.released.cleared.between(from, to),
    }));
}

const CATEGORY_ORDER = [...DEVICE_CATEGORIES].sort((a, b) => a.localeCompare(b));

export function devicesYears(ledger: ClearanceLedger, asOf: CalendarDate): DevicesYear[] {
  return yearsSeen(ledger.firstDevice, asOf).flatMap(({ year, from, to }) =>
    CATEGORY_ORDER.flatMap((category) => {
      const series = ledger.devices[category];
      return series.count.between(from, to) > 0
        ? [{ year, category, count: Math.round(series.areaM2.between(from, to)) }]
        : [];
    }),
  );
}

export function reconciliationTotals(ledger: ClearanceLedger, asOf: CalendarDate): ReconciliationTotals[] {
  const remaining = (day: number): number => ledger.open.sha.areaM2.at(day) + ledger.open.cha.areaM2.at(day);
  let opening = 0;
  return yearsSeen(ledger.firstEvent, asOf).map(({ year, from, to }) => {
    const released = RELEASE_KINDS.reduce((sum, kind) => sum + ledger.released[kind].between(from, to), 0);
    const newly = ledger.newlyRecordedM2.between(from, to);
    const closing = remaining(to);
    const expected = opening - released + newly;
    const difference = closing - expected;
    const row = {
      year,
      openingM2: roundM2(opening),
      releasedM2: roundM2(released),
      newlyRecordedM2: roundM2(newly),
      expectedM2: roundM2(expected),
      closingM2: roundM2(closing),
      differenceM2: Math.abs(difference) < NOISE_M2 ? 0 : roundM2(difference),
    };
    opening = closing;
    return row;
  });
}
