/** The reporting pillar's use cases: reports on a date, one State's, and an editor's new record. */
import type { CalendarDate } from '../core/date.js';
import type { StateCode } from '../core/states.js';
import type { Actor } from '../store/audit.js';
import type { Store } from '../store/database.js';
import type { TreatyEngine } from '../treaty/status.js';
import { reportsOnDate, stateReports } from './answers.js';
import type { ReportRecord, ReportsOnDate, StateReports, StoredReportRecord } from './model.js';
import { addReportRecord, loadReportRecords } from './store.js';

export async function reportsOn(store: Store, engine: TreatyEngine, asOf: CalendarDate): Promise<ReportsOnDate> {
  const records = new Map<StateCode, ReportRecord[]>();
  for (const r of await loadReportRecords(store.db)) {
    const list = records.get(r.iso3) ?? [];
    list.push(r);
    records.set(r.iso3, list);
  }
  return reportsOnDate(engine.states(asOf), records, asOf);
}

/** A State's reports on a date; null for a code not in the reference data. */
export async function reportsOf(
  store: Store,
  engine: TreatyEngine,
  iso3: StateCode,
  asOf: CalendarDate,
): Promise<StateReports | null> {
  const state = engine.state(iso3, asOf);
  if (state === null) return null;
  return stateReports(state, await loadReportRecords(store.db, iso3), asOf);
}

/** Records a submission (or a statement of absence), checked against the engine and the State's records. */
export function recordReport(
  store: Store,
  engine: TreatyEngine,
  record: ReportRecord,
  actor: Actor,
  asOf: CalendarDate,
): Promise<StoredReportRecord> {
  return addReportRecord(store, record, actor, { entryIntoForce: (iso3) => engine.entryIntoForce(iso3), asOf });
}
