/**
 * Use cases of the clearance pillar that combine the store, the rules and the treaty engine: the
 * summary a State's records give on a date against its Article 5 deadline, for the CLI (records
 * read afresh) and the API (the ledger the cache keeps). The Article 5 workflow's are in
 * article5/service.ts.
 */
import type { CalendarDate } from '../core/date.js';
import type { PartialDate } from '../core/partial-date.js';
import type { StateCode } from '../core/states.js';
import type { Store } from '../store/database.js';
import type { TreatyEngine } from '../treaty/status.js';
import { landReleaseSummary } from './land-release.js';
import type { ClearanceAnswer, ClearanceSummary } from './model.js';
import type { ClearanceCache } from './serving/cache.js';
import { loadStateFacts } from './store.js';
import { storedClearance } from './store-ledger.js';
import { ledgerSummary, summariseClearance } from './summary.js';

/** The State's Article 5 deadline on the date, as the treaty engine gives it; null when none is known. */
export function article5Deadline(engine: TreatyEngine, iso3: StateCode, asOf: CalendarDate): PartialDate | null {
  return engine.state(iso3, asOf)?.article5.currentDeadline ?? null;
}

/**
 * The `minefree clearance` answer for a State on a date, from the ledger stored with the records
 * (store-ledger.ts): a few hundred rows, however many hazard areas the State holds.
 */
export async function clearanceSummary(
  store: Store,
  engine: TreatyEngine,
  iso3: StateCode,
  asOf: CalendarDate,
): Promise<ClearanceSummary> {
  const { ledger } = await storedClearance(store, iso3, asOf);
  return ledgerSummary(ledger, asOf, article5Deadline(engine, iso3, asOf));
}

/** The same answer computed from every record (the definition the stored ledger is held equal to). */
export async function clearanceSummaryFromRecords(
  store: Store,
  engine: TreatyEngine,
  iso3: StateCode,
  asOf: CalendarDate,
): Promise<ClearanceSummary> {
  const { records } = await loadStateFacts(store, iso3);
  return summariseClearance(records, asOf, article5Deadline(engine, iso3, asOf));
}

/** GET /api/v1/states/{iso3}/clearance: the summary from the stored ledger, with bounds and counts. */
export async function clearanceAnswer(
  cache: ClearanceCache,
  engine: TreatyEngine,
  iso3: StateCode,
  asOf: CalendarDate,
): Promise<ClearanceAnswer> {
  const { ledger, bounds, records } = await cache.clearance(iso3, asOf);
  return { ...ledgerSummary(ledger, asOf, article5Deadline(engine, iso3, asOf)), bounds, records };
}

/** The area the State's records show remaining on the date (land-release.ts), in m². */
export async function remainingAreaM2(store: Store, iso3: StateCode, date: CalendarDate): Promise<number> {
  const { records } = await loadStateFacts(store, iso3);
  return landReleaseSummary(records, date).remainingM2;
}
