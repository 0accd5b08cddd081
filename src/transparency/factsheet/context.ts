import type { CalendarDate } from '../../core/date.js';
import type { PartialDate } from '../../core/partial-date.js';
import type { Qualifier, SourceId } from '../../core/source.js';
import type { StateCode } from '../../core/states.js';
import type { Source } from '../../sources/model.js';
import type { StateOnDate, StatusSummary, TreatyEngine } from '../../treaty/status.js';
import type { ActionPlan, PlannedAction } from '../action-plans.js';
import { t } from '../../i18n/index.js';
import type { ReportedFigure } from '../model.js';
import type { Notebook } from './notebook.js';

/**
 * What the stockpile ledger says on the date (src/stockpiles, README "Global view"), computed by
 * that pillar and handed in: the fact sheet's counts of States with no stockpile, holding stock
 * and that missed their Article 4 deadline are these, not reported figures.
 */
export interface LedgerStockpiles {
  /** States Parties that declared they held no stockpile. */
  noStockpile: number;
  /** States Parties holding stock on the date (the ledger shows it then, or later), by code. */
  holding: readonly StateCode[];
  /**
   * States Parties that missed their deadline, with the day destruction was completed once it was
   * and the latest stock declared by the date (the ledger's `declared`, with its sources).
   */
  missed: readonly {
    iso3: StateCode;
    completed: PartialDate | null;
    declared: { date: PartialDate; quantity: number | null; qualifier: Qualifier; sources: readonly SourceId[] } | null;
  }[];
}

/**
 * International and national funding computed from the stored funding flows (src/cooperation,
 * the same rules as `GET /api/v1/funding`), for the latest year with a flow known on the date;
 * the fact sheet quotes the published figures instead when there is none.
 */
export interface FlowFunding {
  year: number;
  /** How many flows the totals add up. */
  flows: number;
  /** US$. */
  international: number;
  national: number;
  /** Each sector's share of the international flows, 0 to 1, in the cooperation pillar's order. */
  bySector: readonly { sector: string; share: number }[];
  /** The sources the counted flows cite. */
  sources: readonly SourceId[];
}

/**
 * The victim assistance counts computed from the frameworks data (src/victims, the same rules as
 * `GET /api/v1/victims`) on the date; the fact sheet states them only when `complete`, and quotes
 * the published counts otherwise.
 */
export interface VictimFrameworks {
  /** How many States with significant numbers of victims on the date the counts are computed from. */
  states: number;
  /** Every one of them has its mechanism, plan and survivor participation stated by a source read. */
  complete: boolean;
  counts: {
    significantNumberOfVictims: number;
    withCoordinationMechanism: number;
    withPlanInForce: number;
    withSurvivorParticipation: number;
  };
  /** The sources of the observations counted. */
  sources: readonly SourceId[];
}

/** What every section is written from, all for one as-of date. */
export interface SectionContext {
  asOf: CalendarDate;
  engine: TreatyEngine;
  summary: StatusSummary;
  states: StateOnDate[];
  /** The figures known on the date: the latest edition of each (README, "Edition rule"). */
  known: ReportedFigure[];
  sources: ReadonlyMap<SourceId, Source>;
  plan: ActionPlan | null;
  actions: PlannedAction[];
  notebook: Notebook;
  /** The stockpile ledger on the date. */
  stockpiles: LedgerStockpiles;
  /** Funding from the stored flows on the date; null when no flow is known. */
  funding: FlowFunding | null;
  /** Victim assistance counts from the frameworks data on the date; null when it holds no State then. */
  frameworks: VictimFrameworks | null;
}

/** How minefree computes the figures it states itself, for their endnotes. */
export const statesMethod = (): string => t('factsheet:method.states');
export const stockpileLedgerMethod = (): string => t('factsheet:method.stockpileLedger');
export const article5Method = (): string => t('factsheet:method.article5');
export const fundingFlowsMethod = (funding: FlowFunding): string =>
  t('factsheet:method.fundingFlows', { count: funding.flows, year: funding.year, sources: funding.sources.join(', ') });
export const vaFrameworksMethod = (frameworks: VictimFrameworks): string =>
  t('factsheet:method.vaFrameworks', { count: frameworks.states, sources: frameworks.sources.join(', ') });
