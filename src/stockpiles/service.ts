/** The stockpile pillar's use cases: a State's ledger on a date and the global view, from the store and the engine. */
import type { CalendarDate } from '../core/date.js';
import type { StateCode } from '../core/states.js';
import type { Actor } from '../store/audit.js';
import type { Store } from '../store/database.js';
import type { TreatyEngine } from '../treaty/status.js';
import { figuresKnown } from '../transparency/service.js';
import { type ReportedDestroyed, globalStockpiles, stateStockpile, stockpilesByState } from './answers.js';
import type { GlobalStockpiles, LedgerEntry, StateStockpile, StockpilesByState, StoredEntry } from './model.js';
import { reportedTotalOn } from './reported.js';
import { addEntries, loadLedger, loadLedgers } from './store.js';

/** The reported figure of mines destroyed (transparency pillar), as article4_global.csv names it there. */
export const REPORTED_DESTROYED_INDICATOR = 'stockpiled_mines_destroyed_since_1997';

/**
 * The published global total of stockpiled mines destroyed to show on `asOf`, with its source:
 * the largest cumulative total published by then, the latest publication of it (`reported.ts`).
 */
export async function reportedDestroyedOn(store: Store, asOf: CalendarDate): Promise<ReportedDestroyed | null> {
  const figures = await figuresKnown(store, asOf, { indicator: REPORTED_DESTROYED_INDICATOR, scope: 'global' });
  return reportedTotalOn(
    figures.map((f) => ({
      value: f.value,
      qualifier: f.qualifier,
      source: f.source.id,
      period: f.period,
      published: f.source.published as CalendarDate | null,
    })),
    asOf,
  );
}

export async function stockpileOf(
  store: Store,
  engine: TreatyEngine,
  iso3: StateCode,
  asOf: CalendarDate,
): Promise<StateStockpile | null> {
  return stateStockpile(engine, iso3, await loadLedger(store.db, iso3), asOf);
}

export async function stockpilesOn(store: Store, engine: TreatyEngine, asOf: CalendarDate): Promise<GlobalStockpiles> {
  const [ledgers, reported] = await Promise.all([loadLedgers(store.db), reportedDestroyedOn(store, asOf)]);
  return globalStockpiles(engine, ledgers, asOf, reported);
}

/** Every State's Article 4 state on a date (the map) and the ledger's destructions by year (the chart). */
export async function stockpilesByStateOn(
  store: Store,
  engine: TreatyEngine,
  asOf: CalendarDate,
): Promise<StockpilesByState> {
  return stockpilesByState(engine, await loadLedgers(store.db), asOf);
}

/** A State's ledger as stored (every entry, with its id), for editors and exports. */
export const ledgerOf = (store: Store, iso3: StateCode): Promise<StoredEntry[]> => loadLedger(store.db, iso3);

/** Adds entries to a State's ledger, checked against the engine and the as-of date; all or none. */
export function recordEntries(
  store: Store,
  engine: TreatyEngine,
  iso3: StateCode,
  entries: readonly LedgerEntry[],
  actor: Actor,
  asOf: CalendarDate,
): Promise<StoredEntry[]> {
  return addEntries(store, iso3, entries, actor, { engine, asOf });
}
