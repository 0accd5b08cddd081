/**
 * Funding flows in the database. A write is one transaction: the write lock, the checks (every
 * flow, its sources, possible double counting against the stored flows), the rows and one audit
 * row; a refused write leaves nothing.
 */
import type { Kysely } from 'kysely';
import type { CalendarDate } from '../core/date.js';
import { RejectedWriteError, rejectionOf } from '../core/rejection.js';
import type { SourceId } from '../core/source.js';
import { type Actor, writeAudit } from '../store/audit.js';
import type { Database, Store } from '../store/database.js';
import { latestAuditId } from '../store/versions.js';
import { lockForWrite } from '../store/write-lock.js';
import { type FlowProblem, flowsProblems } from './checks.js';
import { doubleCounts } from './double-count.js';
import type { ActivityFlows, FundingFlow, StatedNeed, StoredFlow } from './model.js';
import '../clearance/tables.js';
import { flowFromRow, flowRow } from './store-rows.js';
import { toCents } from './totals.js';

/** Audit entities whose rows change the flows (`database`: a reload of data/). */
export const FUNDING_ENTITIES = ['funding', 'database'] as const;
const LOCK = 'minefree.funding';

/** Moves whenever a flow may have changed. */
export const flowsVersion = (store: Store): Promise<number> => latestAuditId(store.db, { entities: FUNDING_ENTITIES });

/** Every flow, in the order stored. */
export async function loadFlows(db: Kysely<Database>): Promise<StoredFlow[]> {
  return (await db.selectFrom('funding_flows').selectAll().orderBy('id').execute()).map(flowFromRow);
}

/** How a write names its flow `index`: `flows[3]`, or an IATI transaction `iati[XM-DAC-7-1#2]`. */
export type FlowName = (index: number) => string;
const listed: FlowName = (index) => `flows[${index}]`;

/** A refused write names the first problem as `flows[i].field` (its count says how many more). */
export class FlowsRejectedError extends RejectedWriteError {
  constructor(
    readonly problems: readonly FlowProblem[],
    name: FlowName = listed,
  ) {
    const first = rejectionOf(problems.map((p) => ({ field: `${name(p.index)}.${p.field}`, expected: p.expected })));
    super('invalid', first.field, first.expected, problems[0]?.found ?? null);
  }
}

/** What a write did: the flows added, and the pairs found to count the same money twice (stored ids). */
export interface FlowsWritten {
  added: StoredFlow[];
  /** Flows now left out of the totals, each with the donor flow that reports the same money. */
  doubleCounted: { flow: number; sameAs: number }[];
}

/** The ids among `ids` that no stored source has. */
export async function unknownSources(db: Kysely<Database>, ids: readonly SourceId[]): Promise<SourceId[]> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return [];
  const found = new Set(
    (await db.selectFrom('sources').select('id').where('id', 'in', wanted).execute()).map((r) => r.id),
  );
  return wanted.filter((id) => !found.has(id));
}

async function unknownSource(
  db: Kysely<Database>,
  flows: readonly FundingFlow[],
): Promise<{ index: number; field: string; id: SourceId } | null> {
  const ids = [...new Set(flows.flatMap((f) => [...f.sources, ...(f.rateSource === null ? [] : [f.rateSource])]))];
  if (ids.length === 0) return null;
  const found = new Set(
    (await db.selectFrom('sources').select('id').where('id', 'in', ids).execute()).map((r) => r.id),
  );
  for (const [index, f] of flows.entries()) {
    const id = f.sources.find((s) => !found.has(s));
    if (id !== undefined) return { index, field: 'sources', id };
    if (f.rateSource !== null && !found.has(f.rateSource)) return { index, field: 'rateSource', id: f.rateSource };
  }
  return null;
}

/**
 * Checks and inserts `flows` in the transaction `trx` (the lock taken): a channel's flow that
 * reports a donor's money (new or stored) is marked double counted, a stored one updated.
 */
async function insertChecked(
  trx: Kysely<Database>,
  flows: readonly FundingFlow[],
  asOf: CalendarDate,
  name: FlowName,
): Promise<FlowsWritten> {
  const problems = flowsProblems(flows, asOf);
  if (problems.length > 0) throw new FlowsRejectedError(problems, name);
  const missing = await unknownSource(trx, flows);
  if (missing !== null)
    throw new RejectedWriteError(
      'invalid',
      `${name(missing.index)}.${missing.field}`,
      'the id of a stored source',
      missing.id,
    );
  const years = [...new Set(flows.map((f) => f.year))];
  const stored =
    years.length === 0
      ? []
      : (await trx.selectFrom('funding_flows').selectAll().where('year', 'in', years).orderBy('id').execute()).map(
          flowFromRow,
        );
  const all: FundingFlow[] = [...stored, ...flows];
  const pairs = doubleCounts(all);
  const marked = new Set(pairs.map((p) => p.channelFlow));
  for (const index of marked) {
    const flow = stored[index];
    if (flow !== undefined && !flow.doubleCounted)
      await trx.updateTable('funding_flows').set({ double_counted: 1 }).where('id', '=', flow.id).execute();
  }
  const added: StoredFlow[] = [];
  for (const [i, flow] of flows.entries()) {
    const doubleCounted = flow.doubleCounted || marked.has(stored.length + i);
    const row = await trx
      .insertInto('funding_flows')
      .values(flowRow({ ...flow, doubleCounted }))
      .returningAll()
      .executeTakeFirstOrThrow();
    added.push(flowFromRow(row));
  }
  const idOf = (index: number): number => stored[index]?.id ?? added[index - stored.length]?.id ?? -1;
  return {
    added,
    doubleCounted: pairs
      .filter((p) => p.channelFlow >= stored.length || stored[p.channelFlow]?.doubleCounted === false)
      .map((p) => ({ flow: idOf(p.channelFlow), sameAs: idOf(p.donorFlow) })),
  };
}

/** Adds flows, all or none, with one audit row. `asOf`: the day they are recorded (no later year than the next). */
export async function addFlows(
  store: Store,
  flows: readonly FundingFlow[],
  actor: Actor,
  asOf: CalendarDate,
): Promise<FlowsWritten> {
  if (flows.length === 0) throw new RejectedWriteError('invalid', 'flows', 'at least one flow');
  return store.db.transaction().execute(async (trx) => {
    await lockForWrite(trx, store.dialect, LOCK);
    const written = await insertChecked(trx, flows, asOf, listed);
    await writeAudit(trx, actor, {
      action: 'create',
      entity: 'funding',
      entityId: 'flows',
      before: null,
      after: written,
    });
    return written;
  });
}

export interface ImportCounts {
  activities: number;
  /** Activities whose stored flows were already these: nothing written for them. */
  unchanged: number;
  /** Activities not stored before. */
  added: number;
  /** Activities stored before with other flows: their flows replaced. */
  replaced: number;
  flowsAdded: number;
  flowsRemoved: number;
}

export interface ImportWritten extends ImportCounts {
  doubleCounted: FlowsWritten['doubleCounted'];
}

/** A flow's content, for comparing a re-import with what is stored (double counting is computed, not read). */
const content = (f: FundingFlow): string =>
  JSON.stringify([
    f.iati?.key ?? null,
    f.donor.id,
    f.donor.name,
    f.donor.kind,
    f.recipient,
    f.channel,
    f.via,
    f.sector,
    f.year,
    f.type,
    f.funding,
    f.amount,
    f.currency,
    f.exchangeRate,
    f.rateSource,
    toCents(f.usd),
    f.reversal,
    f.published,
    f.sources,
    f.notes,
  ]);
const same = (a: readonly FundingFlow[], b: readonly FundingFlow[]): boolean =>
  a.map(content).sort().join('\n') === b.map(content).sort().join('\n');

/**
 * Writes the flows of IATI activities, all or none: an activity already stored with the same
 * flows is left as it is (re-importing a file changes nothing, and writes no audit row); one
 * stored with other flows has them replaced. Problems name a flow `label[its IATI key]` (`iati[XM-1#2]`).
 */
export async function importActivities(
  store: Store,
  activities: readonly ActivityFlows[],
  actor: Actor,
  options: { asOf: CalendarDate; label: string },
): Promise<ImportWritten> {
  return store.db.transaction().execute(async (trx) => {
    await lockForWrite(trx, store.dialect, LOCK);
    const counts: ImportCounts = {
      activities: activities.length,
      unchanged: 0,
      added: 0,
      replaced: 0,
      flowsAdded: 0,
      flowsRemoved: 0,
    };
    const removed: StoredFlow[] = [];
    const toAdd: FundingFlow[] = [];
    for (const { activity, flows } of activities) {
      const stored = (
        await trx.selectFrom('funding_flows').selectAll().where('iati_activity', '=', activity).orderBy('id').execute()
      ).map(flowFromRow);
      if (stored.length > 0 && same(stored, flows)) {
        counts.unchanged += 1;
        continue;
      }
      if (stored.length === 0) counts.added += 1;
      else {
        counts.replaced += 1;
        removed.push(...stored);
        await trx.deleteFrom('funding_flows').where('iati_activity', '=', activity).execute();
      }
      toAdd.push(...flows);
    }
    if (toAdd.length === 0 && removed.length === 0) return { ...counts, doubleCounted: [] };
    const written = await insertChecked(
      trx,
      toAdd,
      options.asOf,
      (index) => `${options.label}[${toAdd[index]?.iati?.key ?? index}]`,
    );
    counts.flowsAdded = written.added.length;
    counts.flowsRemoved = removed.length;
    await writeAudit(trx, actor, {
      action: 'create',
      entity: 'funding',
      entityId: 'iati',
      before: removed.length === 0 ? null : removed,
      after: { ...written, counts },
    });
    return { ...counts, doubleCounted: written.doubleCounted };
  });
}

/**
 * The Article 5 extension requests submitted by the date (the clearance pillar's workflow table),
 * as the needs they state; `refused` when refused on or before the date.
 */
export async function loadStatedNeeds(db: Kysely<Database>, asOf: CalendarDate): Promise<StatedNeed[]> {
  const rows = await db
    .selectFrom('extension_requests')
    .selectAll()
    .where('submitted', '<=', asOf)
    .orderBy('iso3')
    .orderBy('submitted')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    iso3: r.iso3,
    request: r.id,
    submitted: r.submitted,
    requestedDeadline: r.requested_deadline,
    budgetUsd: r.budget_usd === null ? null : Number(r.budget_usd),
    workPlan: JSON.parse(r.work_plan) as StatedNeed['workPlan'],
    refused: r.outcome === 'refused' && r.decided_on !== null && r.decided_on <= asOf,
    source: r.source_id,
  }));
}
