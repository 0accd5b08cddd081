import { type LedgerEntryJson, type StateStockpile, getJson, paths } from '../api';
import { type Loaded, useLoad } from '../use-api';
import { stateEvidence } from './evidence';
import { earliestDay } from './partial-dates';

/** A State's stockpile on a date and the ledger entries it was computed from (for their sources). */
export interface StockpileWithLedger {
  stockpile: StateStockpile;
  ledger: LedgerEntryJson[];
}

async function readOne(code: string, asOf: string, signal: AbortSignal): Promise<StockpileWithLedger> {
  const [stockpile, ledger] = await Promise.all([
    getJson<StateStockpile>(paths.stateStockpile(code, asOf), signal),
    getJson<LedgerEntryJson[]>(paths.stockpileLedger(code), signal),
  ]);
  return { stockpile, ledger };
}

/** Several States' stockpiles on one date, read together; reads again when the codes or the date change. */
export function useStockpilesOf(codes: readonly string[] | null, asOf: string): Loaded<StockpileWithLedger[]> {
  const key = codes === null ? null : `${asOf}|${codes.join(',')}`;
  return useLoad(key, (signal) => Promise.all((codes ?? []).map((code) => readOne(code, asOf, signal))));
}

/**
 * Every source a State's row rests on: its Article 4 state's, its declared stock's, destructions'
 * and found stock's; then, where those cite nothing, the stock facts dated after `asOf` (a State
 * counts as holding when the ledger shows stock later: stocks only shrink, apart from stock found).
 */
export function rowSources(stockpile: StateStockpile, ledger: readonly LedgerEntryJson[], asOf: string): string[] {
  const ids = stateEvidence(stockpile.state, stockpile.deadline, ledger, asOf);
  const add = (sources: readonly string[]) => {
    for (const id of sources) if (!ids.includes(id)) ids.push(id);
  };
  for (const fact of [
    ...(stockpile.declared === null ? [] : [stockpile.declared]),
    ...stockpile.destroyed,
    ...stockpile.transferred,
    ...stockpile.foundAfterDeadline,
  ])
    add(fact.sources);
  if (ids.length === 0) {
    for (const entry of ledger) {
      if (entry.kind === 'retained' || entry.kind === 'stated' || entry.kind === 'none-held') continue;
      if (earliestDay(entry.date) > asOf) add(entry.sources);
    }
  }
  return ids;
}
