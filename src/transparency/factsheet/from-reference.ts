import type { CalendarDate } from '../../core/date.js';
import { loadReference } from '../../treaty/reference.js';
import { TreatyEngine } from '../../treaty/status.js';
import { loadActionPlans, loadReportedFigures } from '../reference.js';
import { loadFrameworks } from '../../victims/reference.js';
import { frameworkCountsOn, ledgerStockpilesOn } from '../service.js';
import { type FactSheetInput } from './build.js';

/** Everything a fact sheet is built from, read from data/ (the CLI's source until it reads the store). */
export function factSheetInputFromReference(asOf: CalendarDate): FactSheetInput {
  const { facts, sources, ledgers } = loadReference();
  const { plans, actions } = loadActionPlans();
  const engine = new TreatyEngine(facts);
  const stockpiles = ledgerStockpilesOn(engine, ledgers, asOf);
  // No funding flow is shipped in data/: the cooperation section quotes the published figures.
  const frameworks = frameworkCountsOn(loadFrameworks(sources), asOf);
  return {
    asOf,
    engine,
    figures: loadReportedFigures(sources),
    sources,
    plans,
    actions,
    stockpiles,
    funding: null,
    frameworks,
  };
}
