/** The reporting pillar's use cases: reports on a date, one State's, and an editor's new record. */
import type { CalendarDate } from '../core/date.js';
import { latestDay } from '../core/partial-date.js';
import { RejectedWriteError } from '../core/rejection.js';
import type { SourceId } from '../core/source.js';
import type { StateCode } from '../core/states.js';
import { remainingOn as areaRemainingOn, stateRecords } from '../clearance/land-release.js';
import { loadClearanceRecords } from '../clearance/store.js';
import { flowsStored } from '../cooperation/service.js';
import type { StoredEntry } from '../stockpiles/model.js';
import { ledgerOf, stockpileOf } from '../stockpiles/service.js';
import { frameworkHistory, stateFramework, stateVictims } from '../victims/service.js';
import { draftReport } from './forms/draft.js';
import { type EditInput, checkedEdits, editProblems, mergeEdits } from './forms/edits.js';
import { type DraftRecords, type StockEntryFacts, lastDayRead } from './forms/records.js';
import { frozen, loadDraft, loadSubmitted, saveEdits, submitDraft } from './store-drafts.js';
import type { Actor } from '../store/audit.js';
import type { Store } from '../store/database.js';
import type { TreatyEngine } from '../treaty/status.js';
import { reportsOnDate, stateReports } from './answers.js';
import type {
  CellEdit,
  RecordRef,
  ReportDraft,
  ReportPeriod,
  ReportRecord,
  ReportsOnDate,
  StateReports,
  StoredReportRecord,
} from './model.js';
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

// ---------------------------------------------------------------------------------------------
// Drafts of Forms A–J: the State's records gathered from the other pillars (their stores and
// computations), mapped into the plain shapes the rules read (forms/records.ts).

/** What a draft needs to know of the report asked for, or why there is none (a 404 or a 422). */
export class DraftRefused extends Error {
  constructor(
    readonly status: 404 | 422,
    readonly field: string,
    readonly expected: string,
  ) {
    super(expected);
    this.name = 'DraftRefused';
  }
}

interface Period {
  iso3: StateCode;
  name: string;
  report: ReportPeriod;
  from: CalendarDate | null;
  to: CalendarDate;
  withdrawalEffective: CalendarDate | null;
}

/** The period a report covers, read on `asOf`; refused for a State not bound then, or a year not over. */
function periodOf(engine: TreatyEngine, iso3: StateCode, report: ReportPeriod, asOf: CalendarDate): Period {
  const state = engine.state(iso3, asOf);
  if (state === null) throw new DraftRefused(404, 'iso3', `a State in the reference data`);
  const eif = state.entryIntoForce;
  if (eif === null || eif > asOf)
    throw new DraftRefused(422, 'report', `a State the Convention binds on ${asOf} (${iso3} is not in force then)`);
  const withdrawalEffective = state.withdrawal.effective;
  if (report === 'initial') {
    return { iso3, name: state.name, report, from: null, to: asOf, withdrawalEffective };
  }
  const from = `${report}-01-01` as CalendarDate;
  const to = `${report}-12-31` as CalendarDate;
  if (report < Number(eif.slice(0, 4)))
    throw new DraftRefused(
      422,
      'report',
      `a year from ${eif.slice(0, 4)}, when the Convention entered into force for ${iso3}`,
    );
  if (to >= asOf) throw new DraftRefused(422, 'report', `a year that is over on ${asOf}`);
  if (withdrawalEffective !== null && withdrawalEffective <= from)
    throw new DraftRefused(422, 'report', `a year before ${iso3}'s withdrawal took effect on ${withdrawalEffective}`);
  return { iso3, name: state.name, report, from, to, withdrawalEffective };
}

const ref = (kind: string, id: string | number): RecordRef => ({ kind, id: String(id) });

function stockFacts(entries: readonly StoredEntry[]): StockEntryFacts[] {
  const base = { method: null, place: null, purpose: null, consumed: null, mineType: null, quantity: null };
  return entries.flatMap((e): StockEntryFacts[] => {
    const cited = { ref: ref('stockpile-entry', e.id), sources: [...e.sources] };
    switch (e.kind) {
      case 'stated':
        return [];
      case 'retained':
        return [
          {
            ...base,
            ...cited,
            kind: 'retained',
            date: `${e.year}-12-31` as CalendarDate,
            quantity: e.held,
            purpose: e.purpose,
            consumed: e.consumed,
          },
        ];
      case 'none-held':
      case 'completed':
        return [{ ...base, ...cited, kind: e.kind, date: latestDay(e.date) }];
      case 'declared':
      case 'found':
        return [
          { ...base, ...cited, kind: e.kind, date: latestDay(e.date), mineType: e.mineType, quantity: e.quantity },
        ];
      case 'transferred':
        return [
          {
            ...base,
            ...cited,
            kind: 'transferred',
            date: latestDay(e.date),
            mineType: e.mineType,
            quantity: e.quantity,
            purpose: e.recipient,
          },
        ];
      case 'destroyed':
        return [
          {
            ...base,
            ...cited,
            kind: 'destroyed',
            date: latestDay(e.date),
            mineType: e.mineType,
            quantity: e.quantity,
            method: e.method,
            place: e.place,
          },
        ];
    }
  });
}

/** The records of a State for a report, read up to the last day of its period. */
export async function draftRecords(store: Store, engine: TreatyEngine, period: Period): Promise<DraftRecords> {
  const { iso3 } = period;
  const last = lastDayRead(period);
  const ledger = await ledgerOf(store, iso3);
  const stockpile = ledger.length === 0 ? null : await stockpileOf(store, engine, iso3, last);
  const clearance = await loadClearanceRecords(store, iso3, { geometry: false });
  const grouped = stateRecords(clearance, iso3);
  const areaOf = new Map(clearance.areas.map((a) => [a.id, a]));
  const areaSources = (id: string | undefined): SourceId[] => {
    const source = id === undefined ? null : (areaOf.get(id)?.sourceId ?? null);
    return source === null ? [] : [source];
  };
  const activityArea = new Map(clearance.activities.map((a) => [a.id, a.hazardAreaId]));
  const history = (await frameworkHistory(store, iso3, last)).frameworks;
  const framework = await stateFramework(store, iso3, last);
  const stated =
    framework.significantNumberOfVictims !== null ||
    framework.coordination !== null ||
    framework.plan !== null ||
    framework.survivorParticipation !== null;
  const year = Number(last.slice(0, 4));
  const casualtyYear = (await stateVictims(store, iso3, last)).casualties.find((c) => c.year === year);
  const flows = (await flowsStored(store)).filter(
    (f) => !f.doubleCounted && f.published <= last && (f.donor.id === iso3 || f.recipient === iso3),
  );
  return {
    ...period,
    stock: stockFacts(ledger),
    remaining:
      stockpile === null
        ? null
        : {
            quantity: stockpile.remaining,
            asDeclaredOn: stockpile.remainingAsDeclared === null ? null : latestDay(stockpile.remainingAsDeclared),
            completed: stockpile.completed !== null && latestDay(stockpile.completed) <= last,
          },
    areas: grouped.areas.map((h) => {
      const a = areaOf.get(h.area.id);
      return {
        ref: ref('hazard-area', h.area.id),
        sources: areaSources(h.area.id),
        reference: a?.localRef ?? h.area.id,
        name: a?.name ?? '',
        type: h.area.type,
        devices: [...new Set((a?.devices ?? []).map((x) => x.category))],
        recorded: h.area.informationDate,
        remainingM2: Math.round(areaRemainingOn(h, last)),
      };
    }),
    releases: clearance.releases.map((r) => ({
      ref: ref('land-release', r.id),
      sources: areaSources(r.hazardAreaId),
      kind: r.kind,
      areaM2: r.areaM2,
      date: r.date,
    })),
    devices: clearance.devices.map((x, i) => ({
      ref: ref('devices-destroyed', `${x.activityId}#${i + 1}`),
      sources: areaSources(activityArea.get(x.activityId)),
      type: x.model ?? x.category,
      count: x.count,
      date: x.date,
    })),
    // No pillar records marking, fencing or risk education yet: Form I stays to complete.
    warnings: [],
    framework: stated
      ? {
          ref: ref('va-framework', `${iso3}@${history.at(-1)?.reported ?? last}`),
          sources: framework.sources,
          significantNumberOfVictims: framework.significantNumberOfVictims,
          coordination: framework.coordination?.type ?? null,
          plan: framework.plan?.state ?? null,
          survivorParticipation: framework.survivorParticipation,
        }
      : null,
    casualties:
      casualtyYear === undefined
        ? null
        : {
            ref: ref('casualty-year', `${iso3}:${year}`),
            sources: [],
            year,
            killed: casualtyYear.killed,
            injured: casualtyYear.injured,
          },
    flows: flows.map((f) => ({
      ref: ref('funding-flow', f.id),
      sources: [...f.sources],
      donor: f.donor.id,
      recipient: f.recipient,
      year: f.year,
      usd: f.usd,
      type: f.type,
      funding: f.funding,
    })),
  };
}

const order = (p: ReportPeriod): number => (p === 'initial' ? -1 : p);

/** The State's report submitted last before `report`, frozen; null when none. */
async function previousSubmitted(store: Store, iso3: StateCode, report: ReportPeriod): Promise<ReportDraft | null> {
  const before = (await loadSubmitted(store.db, iso3)).filter((r) => order(r.report) < order(report));
  return before.at(-1) ?? null;
}

async function computeDraft(
  store: Store,
  engine: TreatyEngine,
  period: Period,
  edits: readonly CellEdit[],
  asOf: CalendarDate,
): Promise<ReportDraft> {
  const records = await draftRecords(store, engine, period);
  const previous = await previousSubmitted(store, period.iso3, period.report);
  return draftReport(records, { status: 'draft', asOf, submittedOn: null, edits, previous });
}

/** The draft of a State's report (the frozen report once submitted). */
export async function draftOf(
  store: Store,
  engine: TreatyEngine,
  iso3: StateCode,
  report: ReportPeriod,
  asOf: CalendarDate,
): Promise<ReportDraft> {
  const stored = await loadDraft(store.db, iso3, report);
  if (stored.submitted !== null) return stored.submitted;
  const period = periodOf(engine, iso3, report, asOf);
  return computeDraft(store, engine, period, stored.edits, period.report === 'initial' ? asOf : period.to);
}

/** Edits a draft: every edit must name a cell of it (422 naming the first that does not); a submitted report is a 409. */
export async function editDraft(
  store: Store,
  engine: TreatyEngine,
  iso3: StateCode,
  report: ReportPeriod,
  edits: readonly EditInput[],
  actor: Actor,
  asOf: CalendarDate,
): Promise<ReportDraft> {
  const stored = await loadDraft(store.db, iso3, report);
  if (stored.submitted !== null) throw frozen(iso3, report, stored.submittedOn);
  const current = await draftOf(store, engine, iso3, report, asOf);
  const problems = editProblems(current, edits);
  const first = problems[0];
  if (first !== undefined) {
    const where = `edits[${first.index}].${first.field}`;
    throw new RejectedWriteError(
      'invalid',
      where,
      first.expected + (problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''),
      first.found,
    );
  }
  const checked = checkedEdits(current, edits);
  await saveEdits(store, iso3, report, (before) => mergeEdits(before, checked), actor);
  return draftOf(store, engine, iso3, report, asOf);
}

/** Submits a draft on `day`: the report as it stands then is kept, frozen; a second submission is a 409. */
export async function submitReportDraft(
  store: Store,
  engine: TreatyEngine,
  iso3: StateCode,
  report: ReportPeriod,
  actor: Actor,
  day: CalendarDate,
): Promise<ReportDraft> {
  const stored = await loadDraft(store.db, iso3, report);
  if (stored.submitted !== null) throw frozen(iso3, report, stored.submittedOn);
  const period = periodOf(engine, iso3, report, day);
  const records = await draftRecords(store, engine, period);
  const previous = await previousSubmitted(store, iso3, report);
  const asOf = period.report === 'initial' ? day : period.to;
  return submitDraft(
    store,
    iso3,
    report,
    day,
    (edits) => draftReport(records, { status: 'submitted', asOf, submittedOn: day, edits, previous }),
    actor,
  );
}
