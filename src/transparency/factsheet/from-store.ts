import type { CalendarDate } from '../../core/date.js';
import type { Store } from '../../store/database.js';
import type { TreatyEngine } from '../../treaty/status.js';
import { loadActionPlans } from '../reference.js';
import { loadSources } from '../../sources/store.js';
import { listReportedFigures } from '../store.js';
import type { FactSheetInput } from './build.js';

/** Action plans are reference text shipped in data/ (not edited through the API), read once. */
let plans: ReturnType<typeof loadActionPlans> | null = null;

/** What a fact sheet is built from, read from the database. */
export async function factSheetInputFromStore(
  store: Store,
  engine: TreatyEngine,
  asOf: CalendarDate,
): Promise<FactSheetInput> {
  plans ??= loadActionPlans();
  const [figures, sources] = await Promise.all([listReportedFigures(store), loadSources(store)]);
  return { asOf, engine, figures, sources, plans: plans.plans, actions: plans.actions };
}
