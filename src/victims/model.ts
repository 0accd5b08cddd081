/**
 * The victim assistance pillar's vocabulary: casualty records (GICHD's minimum data: incident,
 * device, outcome, person, activity, needs, referrals) under a pseudonymous id, the personal
 * details kept apart from them, the public aggregates (small cells suppressed), and each State's
 * victim assistance framework on a date (coordination mechanism, national plan, survivors, services).
 */
import type { CalendarDate } from '../core/date.js';
import type { PartialDate } from '../core/partial-date.js';
import type { Qualifier, SourceId } from '../core/source.js';
import type { StateCode } from '../core/states.js';
import type { Source } from '../sources/model.js';

/** What caused the casualty (the device categories the clearance pillar counts, plus `unknown`). */
export const DEVICE_CATEGORIES = [
  'ap-mine',
  'improvised-ap-mine',
  'av-mine',
  'erw',
  'cluster-munition-remnant',
  'unknown',
] as const;
export type DeviceCategory = (typeof DEVICE_CATEGORIES)[number];

export const OUTCOMES = ['killed', 'injured'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const SEXES = ['female', 'male', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

/** Age bands of the public aggregates; `0-17` are children. A record gives an age, a band, or `unknown`. */
export const AGE_BANDS = ['0-17', '18-29', '30-44', '45-59', '60+', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Civilian, military (armed and security forces) or deminer (mine action staff at work). */
export const CASUALTY_STATUSES = ['civilian', 'military', 'deminer', 'unknown'] as const;
export type CasualtyStatus = (typeof CASUALTY_STATUSES)[number];

/** What the person was doing (GICHD IMSMA activity list, shortened). */
export const ACTIVITIES = [
  'farming',
  'herding',
  'collecting',
  'travelling',
  'playing',
  'tampering',
  'household',
  'demining',
  'military',
  'other',
  'unknown',
] as const;
export type Activity = (typeof ACTIVITIES)[number];

/** Services by kind (Maputo and Oslo action plans): needs, referrals and a framework's services use the same list. */
export const SERVICE_KINDS = [
  'medical',
  'physical-rehabilitation',
  'psychological-peer-support',
  'socio-economic-inclusion',
  'education',
] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** A point in WGS 84 degrees. */
export interface Point {
  lat: number;
  lon: number;
}

/** One person killed or injured, under a pseudonymous id; no name, no contact (those are `PersonalDetails`). */
export interface CasualtyRecord {
  /** Pseudonymous: letters, digits, `.`, `_`, `-`, at most 64; unique within its State (two States may number alike). */
  id: string;
  state: StateCode;
  incidentDate: CalendarDate;
  /** Set when an incident before 1990 is recorded on purpose (a historic casualty). */
  historic: boolean;
  place: { point: Point | null; adminArea: string | null };
  device: DeviceCategory;
  outcome: Outcome;
  sex: Sex;
  /** Whole years at the incident, when known. */
  age: number | null;
  /** Derived from `age` when it is given. */
  ageBand: AgeBand;
  status: CasualtyStatus;
  /** Under 18 at the incident; derived from the age or band when they are known. */
  child: boolean | null;
  activity: Activity;
  needs: ServiceKind[];
  referrals: ServiceKind[];
  /** Made by `minefree demo casualties`: never mixed with real records of the same State. */
  synthetic: boolean;
}

export const CONSENTS = ['given', 'refused', 'not-asked'] as const;
export type Consent = (typeof CONSENTS)[number];

/** Who the person is: readable only by roles that need it, every read audited. */
export interface PersonalDetails {
  recordId: string;
  name: string | null;
  contact: string | null;
  consent: Consent;
  /** The day consent was given or refused. */
  consentDate: CalendarDate | null;
}

/** The threshold below which a published cell is suppressed. */
export const SMALL_CELL = 5;

/** One year of a State's public casualty series: null where suppressed. */
export interface CasualtyYear {
  year: number;
  killed: number | null;
  injured: number | null;
  total: number | null;
  /** Whether any value of the row is suppressed. */
  suppressed: boolean;
}

/** One category of a public breakdown (by sex, age band, status or device) over all years. */
export interface BreakdownCell {
  key: string;
  count: number | null;
  suppressed: boolean;
}

export interface CasualtyBreakdowns {
  iso3: StateCode;
  asOf: CalendarDate;
  total: number | null;
  bySex: BreakdownCell[];
  byAgeBand: BreakdownCell[];
  byStatus: BreakdownCell[];
  byDevice: BreakdownCell[];
}

export const MECHANISM_TYPES = ['victim-assistance', 'disability'] as const;
export type MechanismType = (typeof MECHANISM_TYPES)[number];

/** How the data writes a source's "None" (no mechanism, no plan): `mechanism_type` and `plan_title` take it. */
export const NONE = 'none';

/** A coordination mechanism a source names, of a kind, from a date when given. */
export interface Mechanism {
  type: MechanismType;
  since: PartialDate | null;
}
/** A source states that the State had no coordination mechanism ("Coordination mechanisms: None"). */
export interface NoMechanism {
  type: typeof NONE;
  since: null;
}
/** What a source states of coordination: a mechanism, or that there was none. */
export type Coordination = Mechanism | NoMechanism;

/** A national plan (or strategy) for victim assistance a source names. */
export interface NationalPlan {
  title: string;
  from: PartialDate | null;
  to: PartialDate | null;
}
/** A source states that the State had no plan ("Plan: None"): no title, no dates. */
export interface NoPlan {
  title: null;
  from: null;
  to: null;
}
/** What a source states of the national plan: a plan, or that there was none. */
export type PlanStated = NationalPlan | NoPlan;

export const NO_MECHANISM: NoMechanism = { type: NONE, since: null };
export const NO_PLAN: NoPlan = { title: null, from: null, to: null };

export const PLAN_STATES = ['in-force', 'expired', 'none'] as const;
export type PlanState = (typeof PLAN_STATES)[number];

/** One observation of a State's framework, as a source published it on `reported` (data/victim_assistance_frameworks.csv). */
export interface FrameworkReport {
  iso3: StateCode;
  /** The day the source was published: the observation counts from then. */
  reported: CalendarDate;
  /** null: the source does not say. */
  significantNumberOfVictims: boolean | null;
  /** null: the source does not say; `{ type: 'none' }`: it says there was none. */
  mechanism: Coordination | null;
  /** null: the source does not say; a null title: it says there was none. */
  plan: PlanStated | null;
  survivorParticipation: boolean | null;
  /** Reachability notes by kind of service; a kind the source does not describe is absent. */
  services: Partial<Record<ServiceKind, string>>;
  sources: SourceId[];
  notes: string;
}

/** A State's framework on a date (the answer of `GET /api/v1/states/{iso3}/victims`, without the casualties). */
export interface FrameworkOnDate {
  significantNumberOfVictims: boolean | null;
  coordination: Coordination | null;
  plan: (PlanStated & { state: PlanState }) | null;
  survivorParticipation: boolean | null;
  services: Partial<Record<ServiceKind, string>>;
  sources: SourceId[];
}

/** One edition's published casualty total for a year (data/casualties_by_year.csv through the reported figures). */
export interface PublishedTotal {
  value: number;
  qualifier: Qualifier;
  /** The edition's label (`LM2017`), or null when the data gives none. */
  edition: string | null;
  source: SourceId;
  /** The day the figure became public. */
  published: CalendarDate;
}

/** One year of the casualty series: the published totals beside the total computed from records kept here. */
export interface SeriesYear {
  year: number;
  /** The total of the latest edition published by the date; null when no edition gives one. */
  published: PublishedTotal | null;
  /** Every edition published by the date that gives the year, oldest first (revisions included). */
  editions: PublishedTotal[];
  /** The total of the records kept here; null when none is kept for the year or when it is withheld. */
  recorded: number | null;
  /** The recorded total is withheld (below 5, or a cell that would give one away). */
  suppressed: boolean;
  /** `recorded - published.value`; null unless both are shown. */
  difference: number | null;
}

/** One year of the casualties by device category of every record kept here (all States), suppressed. */
export interface DeviceYear {
  year: number;
  cells: BreakdownCell[];
  /** The year's total; null when withheld. */
  total: number | null;
}

/** `GET /api/v1/states/{iso3}/victims?asOf=`: the shape of the issue, plus `synthetic`. */
export interface StateVictimsAnswer {
  iso3: StateCode;
  asOf: CalendarDate;
  significantNumberOfVictims: boolean | null;
  /** null: no source read states it; `{ type: 'none', since: null }`: a source states there was none. */
  coordination: Coordination | null;
  /** null: no source read states it; `{ title: null, …, state: 'none' }`: a source states there was none. */
  plan: (PlanStated & { state: PlanState }) | null;
  survivorParticipation: boolean | null;
  casualties: CasualtyYear[];
  /** The State's published totals (by edition) beside its recorded totals, per year. */
  series: SeriesYear[];
  /** True when the State's records are demo records (`minefree demo casualties`). */
  synthetic: boolean;
}

/** A figure a source published, quoted beside the counts computed from the frameworks data. */
export interface PublishedCount {
  value: number;
  period: string;
  source: string;
}

/** `GET /api/v1/victims?asOf=`: the States with significant numbers of victims and the counts on the date. */
export interface GlobalVictimsAnswer {
  asOf: CalendarDate;
  states: {
    iso3: StateCode;
    /** true: a source states a mechanism on the date; false: it states there was none; null: not found in the sources read. */
    coordination: boolean | null;
    /** null: no plan found in the sources read; 'none': a source states there was none, or the plan had not begun. */
    planState: PlanState | null;
    survivorParticipation: boolean | null;
  }[];
  counts: {
    significantNumberOfVictims: number;
    withCoordinationMechanism: number;
    withPlanInForce: number;
    withSurvivorParticipation: number;
  };
  /** The counts the ICRC fact sheet (2018) quotes from Landmine Monitor 2017, for comparison. */
  published: {
    significantNumberOfVictims: PublishedCount | null;
    withCoordinationMechanism: PublishedCount | null;
    withPlanInForce: PublishedCount | null;
    withSurvivorParticipation: PublishedCount | null;
  };
  /** The global published totals (by edition) beside the sum of every record kept here, per year. */
  series: SeriesYear[];
  /** Casualties per year by device category of every record kept here, suppressed. */
  byDevice: DeviceYear[];
  /** True when any record counted in `series` or `byDevice` is a demo record. */
  synthetic: boolean;
}

/** One observation of a State's framework as `GET /api/v1/states/{iso3}/victims/frameworks` gives it. */
export interface FrameworkHistoryRow extends Omit<FrameworkReport, 'sources'> {
  sources: Source[];
}

/** `GET /api/v1/states/{iso3}/victims/frameworks?asOf=`: every observation published by the date, oldest first. */
export interface FrameworkHistory {
  iso3: StateCode;
  asOf: CalendarDate;
  frameworks: FrameworkHistoryRow[];
}
