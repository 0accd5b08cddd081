/** The cooperation pillar's use cases: funding on a date, flows written by hand or imported from IATI. */
import type { CalendarDate } from '../core/date.js';
import { RejectedWriteError } from '../core/rejection.js';
import type { SourceId } from '../core/source.js';
import type { Actor } from '../store/audit.js';
import type { Store } from '../store/database.js';
import { type IatiCounts, readIati } from './files/iati.js';
import type { ExchangeRate, FundingAnswer, FundingFlow, NeedsAnswer, StoredFlow, YearTotal } from './model.js';
import { needsAgainstSupport } from './needs.js';
import type { StateCode } from '../core/states.js';
import {
  type FlowsWritten,
  type ImportWritten,
  addFlows,
  importActivities,
  loadFlows,
  loadStatedNeeds,
  unknownSources,
} from './store.js';
import { type FlowFilter, fundingAnswer, totalsByYear } from './totals.js';
import { fundingAnswerOn } from './reported.js';
import { figuresKnownOn } from '../transparency/editions.js';
import { listReportedFigures } from '../transparency/store.js';

/**
 * Funding on a date: from the stored flows of the year; without any (and with no donor or
 * recipient asked), the published yearly figures known on the date, quoted with their sources.
 */
export async function fundingOn(store: Store, filter: FlowFilter): Promise<FundingAnswer> {
  const fromFlows = fundingAnswer(await loadFlows(store.db), filter);
  if (fromFlows.basis === 'flows') return fromFlows;
  const figures = await listReportedFigures(store, { scope: 'global' });
  return fundingAnswerOn(fromFlows, figuresKnownOn(figures, filter.asOf), filter);
}

/** Needs stated in Article 5 extension requests against the support received, per State and year, on a date. */
export async function needsOn(
  store: Store,
  filter: { asOf: CalendarDate; iso3?: StateCode | undefined },
): Promise<NeedsAnswer> {
  const [needs, flows] = await Promise.all([loadStatedNeeds(store.db, filter.asOf), loadFlows(store.db)]);
  return needsAgainstSupport(needs, flows, filter);
}

export async function fundingYears(store: Store, filter: FlowFilter): Promise<YearTotal[]> {
  return totalsByYear(await loadFlows(store.db), filter);
}

/** Every stored flow, with its id (double-counted ones too). */
export const flowsStored = (store: Store): Promise<StoredFlow[]> => loadFlows(store.db);

export const recordFlows = (
  store: Store,
  flows: readonly FundingFlow[],
  actor: Actor,
  asOf: CalendarDate,
): Promise<FlowsWritten> => addFlows(store, flows, actor, asOf);

export interface IatiImport {
  file: string;
  /** What the file held. */
  read: IatiCounts;
  /** What was written; null when the file held nothing to import. */
  written: ImportWritten | null;
}

/**
 * Imports an IATI activity file, all or nothing: the source and the rates' sources must be stored;
 * re-importing the same file changes nothing.
 */
export async function importIati(
  store: Store,
  xml: string,
  file: string,
  options: { source: SourceId; rates: readonly ExchangeRate[]; asOf: CalendarDate },
  actor: Actor,
): Promise<IatiImport> {
  const missing = await unknownSources(store.db, [options.source]);
  if (missing.length > 0)
    throw new RejectedWriteError('invalid', 'source', 'the id of a stored source', options.source);
  const rateMissing = await unknownSources(
    store.db,
    options.rates.map((r) => r.source),
  );
  if (rateMissing[0] !== undefined)
    throw new RejectedWriteError('invalid', 'rate', 'rates citing stored sources', rateMissing[0]);
  const read = readIati(xml, file, options);
  if (read.activities.length === 0) return { file, read: read.counts, written: null };
  const written = await importActivities(store, read.activities, actor, { asOf: options.asOf, label: 'iati' });
  return { file, read: read.counts, written };
}
