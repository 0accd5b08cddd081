import type { CalendarDate } from '../../core/date.js';
import type { SourceId } from '../../core/source.js';
import type { Source } from '../../sources/model.js';
import type { TreatyEngine } from '../../treaty/status.js';
import { type ActionPlan, type PlannedAction, planInForce } from '../action-plans.js';
import { figuresKnownOn } from '../editions.js';
import type { ReportedFigure } from '../model.js';
import type { FlowFunding, LedgerStockpiles, SectionContext, VictimFrameworks } from './context.js';
import { clearance } from './clearance.js';
import { cooperation } from './cooperation.js';
import { conclusion, headline } from './headline.js';
import type { FactSheet } from './model.js';
import { Notebook } from './notebook.js';
import { stockpiles } from './stockpiles.js';
import { universalization } from './universalization.js';
import { victims } from './victims.js';
import { t } from '../../i18n/index.js';
import { longDate } from './words.js';

export interface FactSheetInput {
  asOf: CalendarDate;
  engine: TreatyEngine;
  /** Every edition of every reported figure; the edition rule picks what was known on the date. */
  figures: readonly ReportedFigure[];
  sources: ReadonlyMap<SourceId, Source>;
  plans: readonly ActionPlan[];
  actions: readonly PlannedAction[];
  /** The stockpile ledger on `asOf` (the stockpiles pillar computes it). */
  stockpiles: LedgerStockpiles;
  /** Funding from the stored flows on `asOf` (the cooperation pillar computes it); null when none is known. */
  funding: FlowFunding | null;
  /** Victim assistance counts from the frameworks data on `asOf` (the victims pillar's rules); null when none. */
  frameworks: VictimFrameworks | null;
}

/**
 * The Convention's fact sheet for a date, with the structure of the ICRC fact sheet of March
 * 2018: headline, the five pillars, concluding observations, endnotes. Pure: the same input
 * gives the same document, and a different date gives a different, true text.
 */
export function buildFactSheet(input: FactSheetInput): FactSheet {
  const { asOf, engine } = input;
  const notebook = new Notebook(asOf, input.sources);
  const context: SectionContext = {
    asOf,
    engine,
    notebook,
    sources: input.sources,
    summary: engine.summary(asOf),
    states: engine.states(asOf).sort((a, b) => a.name.localeCompare(b.name)),
    known: figuresKnownOn(input.figures, asOf),
    plan: planInForce(input.plans, asOf),
    actions: [...input.actions],
    stockpiles: input.stockpiles,
    funding: input.funding,
    frameworks: input.frameworks,
  };
  const sections = [headline, universalization, stockpiles, clearance, victims, cooperation, conclusion].map((write) =>
    write(context),
  );
  return {
    asOf,
    title: t('factsheet:title'),
    subtitle: t('factsheet:subtitle', { date: longDate(asOf) }),
    figures: notebook.figures,
    sections,
    endnotes: notebook.endnotes,
  };
}
