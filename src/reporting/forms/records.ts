/**
 * What the drafts of Forms A–J read: a plain copy of the State's records that the service gathers
 * from the other pillars (their stores and computations) and maps into these shapes, so the rules
 * import no other pillar. Dates are days (a partial date is read as its last day: a destruction
 * "2019" is known on 31 December 2019). No I/O here.
 */
import { type CalendarDate, addDays } from '../../core/date.js';
import type { SourceId } from '../../core/source.js';
import type { StateCode } from '../../core/states.js';
import type { CellValue, DraftCell, RecordRef, ReportPeriod } from '../model.js';

/** A record's reference with the sources it cites. */
export interface Cited {
  ref: RecordRef;
  sources: SourceId[];
}

/** A stockpile ledger entry (stockpile pillar) as the forms read it. */
export interface StockEntryFacts extends Cited {
  kind: 'declared' | 'none-held' | 'destroyed' | 'transferred' | 'found' | 'completed' | 'retained';
  /** The entry's day (`date`, or 31 December of a retained entry's year). */
  date: CalendarDate;
  mineType: string | null;
  quantity: number | null;
  /** A destruction's method and place, when recorded; null otherwise. */
  method: string | null;
  place: string | null;
  /** A retained entry's purpose (Art. 3), or a transfer's recipient State; null otherwise. */
  purpose: string | null;
  /** Mines consumed during a retained entry's year; null otherwise or when not reported. */
  consumed: number | null;
}

/** The stock remaining on the report's last day, as the stockpile pillar computes it (`remainingOn`). */
export interface StockRemaining {
  quantity: number | null;
  /** The declaration it repeats unchanged (per type, Form B's rows), or null when it is computed. */
  asDeclaredOn: CalendarDate | null;
  completed: boolean;
}

/** A hazard area (clearance pillar) with what remains of it on the report's last day. */
export interface HazardAreaFacts extends Cited {
  reference: string;
  name: string;
  type: string;
  devices: string[];
  /** The day the area entered the record. */
  recorded: CalendarDate;
  remainingM2: number;
}

/** Land released (clearance pillar), one record. */
export interface ReleaseFacts extends Cited {
  kind: 'cancelled' | 'reduced' | 'cleared';
  areaM2: number;
  date: CalendarDate;
}

/** Devices destroyed in clearance (Art. 5), one record. */
export interface DevicesFacts extends Cited {
  /** The model when recorded ("PMN-2"), else the category. */
  type: string;
  count: number;
  date: CalendarDate;
}

/** A measure to warn the population (marking, fencing, risk education) where a pillar records one. */
export interface WarningFacts extends Cited {
  area: string;
  measure: string;
  date: CalendarDate;
}

/** The victim assistance framework on the report's last day (victims pillar's `frameworkOn`). */
export interface FrameworkFacts extends Cited {
  significantNumberOfVictims: boolean | null;
  /** The mechanism's type, `none` when a source says there was none, null when not stated. */
  coordination: string | null;
  /** The plan's state (`in-force`, `expired`, `none`), null when not stated. */
  plan: string | null;
  survivorParticipation: boolean | null;
}

/** Casualties recorded for the report's year, as published (suppressed counts are null). */
export interface CasualtiesFacts extends Cited {
  year: number;
  killed: number | null;
  injured: number | null;
}

/** A funding flow (cooperation pillar) that is not double counted. */
export interface FlowFacts extends Cited {
  donor: string;
  recipient: StateCode | null;
  year: number;
  usd: number;
  /** `disbursement` or `commitment`: only disbursements are summed. */
  type: string;
  /** `international` or `national`. */
  funding: string;
}

/** Everything a draft is computed from. */
export interface DraftRecords {
  iso3: StateCode;
  name: string;
  report: ReportPeriod;
  /** First and last day of the period covered (`from` null for the initial report: everything until `to`). */
  from: CalendarDate | null;
  to: CalendarDate;
  /** The day the State's withdrawal takes effect, if known; records from that day on are not read. */
  withdrawalEffective: CalendarDate | null;
  stock: StockEntryFacts[];
  /** Null when the ledger holds nothing for the State. */
  remaining: StockRemaining | null;
  areas: HazardAreaFacts[];
  releases: ReleaseFacts[];
  devices: DevicesFacts[];
  warnings: WarningFacts[];
  framework: FrameworkFacts | null;
  casualties: CasualtiesFacts | null;
  flows: FlowFacts[];
}

/** The last day whose records a draft reads: `to`, or the day before a withdrawal took effect. */
export function lastDayRead(r: Pick<DraftRecords, 'to' | 'withdrawalEffective'>): CalendarDate {
  const w = r.withdrawalEffective;
  if (w === null || w > r.to) return r.to;
  return addDays(w, -1);
}

/** Within the period: after `from` (when given) and on or before the last day read. */
export function inPeriod(date: CalendarDate, r: Pick<DraftRecords, 'from' | 'to' | 'withdrawalEffective'>): boolean {
  return (r.from === null || date >= r.from) && date <= lastDayRead(r);
}

/** Known by the last day read (any time before it). */
export const knownBy = (date: CalendarDate, r: Pick<DraftRecords, 'to' | 'withdrawalEffective'>): boolean =>
  date <= lastDayRead(r);

const unique = <T>(values: readonly T[], key: (v: T) => string): T[] => {
  const seen = new Map<string, T>();
  for (const v of values) if (!seen.has(key(v))) seen.set(key(v), v);
  return [...seen.values()];
};

/** A cell computed from records, citing each (and their sources, once each, sorted). */
export function fromData(value: CellValue, cited: readonly Cited[]): DraftCell {
  return {
    value,
    origin: 'from-data',
    records: unique(
      cited.map((c) => c.ref),
      (r) => `${r.kind}\u0000${r.id}`,
    ),
    sources: [...new Set(cited.flatMap((c) => c.sources))].sort(),
    why: null,
    drafted: null,
  };
}

/** A cell the data cannot fill: `why` is a catalogue key. */
export function toComplete(why: string): DraftCell {
  return { value: null, origin: 'to-complete', records: [], sources: [], why, drafted: null };
}

/** A cell from data when the value is known, else to complete. */
export const fromDataOr = (value: CellValue, cited: readonly Cited[], why: string): DraftCell =>
  value === null ? toComplete(why) : fromData(value, cited);

/** A row whose every column is to complete for the same reason. */
export function rowToComplete(key: string, columns: readonly string[], why: string) {
  return { key, cells: Object.fromEntries(columns.map((c) => [c, toComplete(why)])) };
}

/** The catalogue keys of `why` (common.json, `article7.why`). */
export const WHY = {
  noMeasures: 'common:article7.why.noMeasures',
  noStockpile: 'common:article7.why.noStockpile',
  quantityUnknown: 'common:article7.why.quantityUnknown',
  lots: 'common:article7.why.lots',
  noAreas: 'common:article7.why.noAreas',
  emplacement: 'common:article7.why.emplacement',
  noRetained: 'common:article7.why.noRetained',
  retainedType: 'common:article7.why.retainedType',
  institutions: 'common:article7.why.institutions',
  consumedUnknown: 'common:article7.why.consumedUnknown',
  noProduction: 'common:article7.why.noProduction',
  noProgramme: 'common:article7.why.noProgramme',
  methods: 'common:article7.why.methods',
  standards: 'common:article7.why.standards',
  noDestruction: 'common:article7.why.noDestruction',
  characteristics: 'common:article7.why.characteristics',
  noTypes: 'common:article7.why.noTypes',
  noWarnings: 'common:article7.why.noWarnings',
  notStated: 'common:article7.why.notStated',
  suppressed: 'common:article7.why.suppressed',
  noCasualties: 'common:article7.why.noCasualties',
  noFlows: 'common:article7.why.noFlows',
} as const;
