/** The treaty pillar's use cases that combine the store and the engine. */
import type { SourceId } from '../core/source.js';
import type { StateCode } from '../core/states.js';
import type { Source } from '../sources/model.js';
import { loadSources } from '../sources/store.js';
import type { Store } from '../store/database.js';
import type { Article4Record, Article5Record } from './model.js';
import type { TreatyEngine } from './status.js';
import type { InstrumentRecord } from './store-rows.js';
import { listInstruments } from './store.js';

/** A State's record as `GET /api/v1/states/{iso3}/record` answers it. */
export interface StateRecordAnswer {
  iso3: StateCode;
  name: string;
  instruments: Omit<InstrumentRecord, 'createdAt' | 'createdBy' | 'iso3'>[];
  article4: Article4Record | null;
  article5: Article5Record | null;
  /** Every source the record cites, by id. */
  sources: Source[];
}

export async function stateRecord(store: Store, engine: TreatyEngine, iso3: StateCode): Promise<StateRecordAnswer> {
  const [instruments, sources] = await Promise.all([listInstruments(store, iso3), loadSources(store)]);
  const article4 = engine.facts.article4.get(iso3) ?? null;
  const article5 = engine.facts.article5.get(iso3) ?? null;
  const cited = new Set<SourceId>([
    ...(engine.record(iso3)?.sources ?? []),
    ...instruments.flatMap((i) => i.sources),
    ...(article4?.sources ?? []),
    ...(article5?.sources ?? []),
  ]);
  return {
    iso3,
    name: engine.record(iso3)?.name ?? iso3,
    instruments: instruments.map(({ createdAt: _c, createdBy: _b, iso3: _i, ...rest }) => rest),
    article4,
    article5,
    sources: [...cited].sort().flatMap((id) => {
      const source = sources.get(id);
      return source ? [source] : [];
    }),
  };
}
