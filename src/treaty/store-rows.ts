/**
 * Treaty records to table rows and back. Pure: the same facts go in as come out, which the
 * store tests check against loadReference().
 */
import type { Insertable, Selectable } from 'kysely';
import type { CalendarDate } from '../core/date.js';
import type { SourceId } from '../core/source.js';
import type { StateCode } from '../core/states.js';
import { parseSourceIds, sourceIdsJson } from '../store/json.js';
import { markReopened } from './article5.js';
import type {
  Article5EventsTable,
  Article5RecordsTable,
  SuccessionsTable,
  ExtensionDecisionsTable,
  InstrumentsTable,
  StatesTable,
  TreatyNoticesTable,
  FormerNamesTable,
} from './tables.js';
import type {
  ArmedConflict,
  Article5Record,
  ConsentKind,
  ExtensionDecision,
  InstrumentKind,
  StateRecord,
} from './model.js';
import type { TreatyFacts } from './status.js';

/** An instrument as stored: one legal act of one State, with who entered it. */
export interface InstrumentRecord {
  id: number;
  iso3: StateCode;
  kind: InstrumentKind;
  /** Date of deposit; of signing for a signature; null for a withdrawal known only by its effect. */
  deposited: CalendarDate | null;
  effectiveStated: CalendarDate | null;
  announced: CalendarDate | null;
  armedConflict: ArmedConflict | null;
  sources: SourceId[];
  createdAt: string;
  createdBy: number | null;
}

/** An extension decision as stored: its place in the State's chain and where it was decided. */
export interface ExtensionDecisionRecord extends ExtensionDecision {
  id: number;
  iso3: StateCode;
  position: number;
  decidedAtMeeting: string | null;
  sources: SourceId[];
}

export type NewInstrumentRow = Insertable<InstrumentsTable>;

export function stateRow(record: StateRecord): Insertable<StatesTable> {
  return {
    iso3: record.iso3,
    name: record.name,
    entry_into_force_stated: record.entryIntoForceStated,
    sources: sourceIdsJson(record.sources),
  };
}

const noWithdrawalFields = {
  effective_stated: null,
  announced: null,
  armed_conflict: 0,
  conflict_ended: null,
} as const;

/** The signature, consent and withdrawal of a State, as instrument rows. */
export function instrumentRows(record: StateRecord, createdAt: string): NewInstrumentRow[] {
  const base = { iso3: record.iso3, created_at: createdAt, created_by: null };
  const rows: NewInstrumentRow[] = [];
  const { signature, consent, withdrawal } = record;
  if (signature)
    rows.push({
      ...base,
      ...noWithdrawalFields,
      kind: 'signature',
      deposited: signature.date,
      sources: sourceIdsJson(signature.sources),
    });
  if (consent)
    rows.push({
      ...base,
      ...noWithdrawalFields,
      kind: consent.kind,
      deposited: consent.deposited,
      sources: sourceIdsJson(consent.sources),
    });
  if (withdrawal) {
    rows.push({
      ...base,
      kind: 'withdrawal',
      deposited: withdrawal.deposited,
      effective_stated: withdrawal.effectiveStated,
      announced: withdrawal.announced,
      armed_conflict: withdrawal.armedConflict ? 1 : 0,
      conflict_ended: withdrawal.armedConflict?.ended ?? null,
      sources: sourceIdsJson(withdrawal.sources),
    });
  }
  return rows;
}

export function article5Row(r: Article5Record): Insertable<Article5RecordsTable> {
  return {
    iso3: r.iso3,
    original_deadline_stated: r.originalDeadlineStated,
    current_deadline_stated: r.currentDeadlineStated,
    current_deadline_as_of: r.currentDeadlineAsOf,
    completed: r.completed,
    notes: r.notes,
    sources: sourceIdsJson(r.sources),
  };
}

/** Each decision with its meeting and sources (those of its Article 5 record when it has none of its own). */
export function extensionRows(r: Article5Record): Insertable<ExtensionDecisionsTable>[] {
  return r.extensions.map((e, position) => ({
    iso3: r.iso3,
    position,
    granted: e.granted,
    deadline: e.deadline,
    decided_at_meeting: e.meeting ?? null,
    sources: sourceIdsJson(e.sources ?? r.sources),
  }));
}

/** Declarations of completion and re-openings, with their days. */
export function article5EventRows(r: Article5Record): Insertable<Article5EventsTable>[] {
  return [
    ...(r.declarations ?? []).map((d) => ({
      iso3: r.iso3,
      kind: 'declaration' as const,
      day: d.declared,
      sources: sourceIdsJson(d.sources),
    })),
    ...(r.reopenings ?? []).map((d) => ({
      iso3: r.iso3,
      kind: 'reopening' as const,
      day: d.reported,
      sources: sourceIdsJson(d.sources),
    })),
  ];
}

/** Former names of a State. */
export function formerNameRows(record: StateRecord): Insertable<FormerNamesTable>[] {
  return (record.formerNames ?? []).map((f) => ({
    iso3: record.iso3,
    name: f.name,
    until: f.until,
    sources: sourceIdsJson(f.sources),
  }));
}

/** Notices that are not Article 20 withdrawals. */
export function noticeRows(record: StateRecord): Insertable<TreatyNoticesTable>[] {
  return (record.notices ?? []).map((n) => ({
    iso3: record.iso3,
    kind: n.kind,
    date: n.date,
    notified: n.notified,
    description: n.description,
    positions: n.positions,
    sources: sourceIdsJson(n.sources),
  }));
}

/** The Depositary's effective date of a succession, when recorded. */
export function successionRows(record: StateRecord): Insertable<SuccessionsTable>[] {
  const consent = record.consent;
  if (consent?.kind !== 'succession' || consent.effective == null) return [];
  return [{ iso3: record.iso3, effective: consent.effective, sources: sourceIdsJson(consent.sources) }];
}

export function instrumentFromRow(row: Selectable<InstrumentsTable>): InstrumentRecord {
  return {
    id: row.id,
    iso3: row.iso3,
    kind: row.kind,
    deposited: row.deposited,
    effectiveStated: row.effective_stated,
    announced: row.announced,
    armedConflict: row.armed_conflict === 1 ? { ended: row.conflict_ended } : null,
    sources: parseSourceIds(row.sources),
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

export function extensionFromRow(row: Selectable<ExtensionDecisionsTable>): ExtensionDecisionRecord {
  return {
    id: row.id,
    iso3: row.iso3,
    position: row.position,
    granted: row.granted,
    deadline: row.deadline,
    decidedAtMeeting: row.decided_at_meeting,
    sources: parseSourceIds(row.sources),
  };
}

export const isConsentKind = (kind: InstrumentKind): kind is ConsentKind =>
  kind !== 'signature' && kind !== 'withdrawal';

function stateFromRows(
  row: Selectable<StatesTable>,
  instruments: readonly InstrumentRecord[],
  succession: Selectable<SuccessionsTable> | undefined,
  notices: readonly Selectable<TreatyNoticesTable>[],
  formerNames: readonly Selectable<FormerNamesTable>[],
): StateRecord {
  const record: StateRecord = {
    iso3: row.iso3,
    name: row.name,
    entryIntoForceStated: row.entry_into_force_stated,
    sources: parseSourceIds(row.sources),
    signature: null,
    consent: null,
    withdrawal: null,
    notices: notices.map((n) => ({
      kind: n.kind,
      date: n.date,
      notified: n.notified,
      description: n.description,
      positions: n.positions,
      sources: parseSourceIds(n.sources),
    })),
    formerNames: formerNames.map((f) => ({ name: f.name, until: f.until, sources: parseSourceIds(f.sources) })),
  };
  for (const i of instruments) {
    if (i.kind === 'signature' && i.deposited !== null) record.signature = { date: i.deposited, sources: i.sources };
    else if (isConsentKind(i.kind) && i.deposited !== null) {
      record.consent = { kind: i.kind, deposited: i.deposited, sources: i.sources };
      if (i.kind === 'succession' && succession !== undefined) record.consent.effective = succession.effective;
    } else if (i.kind === 'withdrawal') {
      const { deposited, effectiveStated, announced, armedConflict, sources } = i;
      record.withdrawal = { deposited, effectiveStated, announced, armedConflict, sources };
    }
  }
  return record;
}

function article5FromRow(
  row: Selectable<Article5RecordsTable>,
  extensions: readonly ExtensionDecisionRecord[],
  events: readonly Selectable<Article5EventsTable>[],
): Article5Record {
  const declarations = events
    .filter((e) => e.kind === 'declaration')
    .map((e) => ({ declared: e.day, sources: parseSourceIds(e.sources) }));
  const reopenings = events
    .filter((e) => e.kind === 'reopening')
    .map((e) => ({ reported: e.day, sources: parseSourceIds(e.sources) }));
  const chain = extensions.map((e) => ({
    granted: e.granted,
    deadline: e.deadline,
    meeting: e.decidedAtMeeting,
    sources: e.sources,
  }));
  return {
    iso3: row.iso3,
    originalDeadlineStated: row.original_deadline_stated,
    extensions: markReopened(chain, reopenings),
    declarations,
    reopenings,
    currentDeadlineStated: row.current_deadline_stated,
    currentDeadlineAsOf: row.current_deadline_as_of,
    completed: row.completed,
    notes: row.notes,
    sources: parseSourceIds(row.sources),
  };
}

export interface FactRows {
  states: Selectable<StatesTable>[];
  instruments: Selectable<InstrumentsTable>[];
  article5: Selectable<Article5RecordsTable>[];
  /** In chain order: by State, then position. */
  extensions: Selectable<ExtensionDecisionsTable>[];
  /** In the order they were entered. */
  article5Events: Selectable<Article5EventsTable>[];
  successions: Selectable<SuccessionsTable>[];
  notices: Selectable<TreatyNoticesTable>[];
  formerNames: Selectable<FormerNamesTable>[];
}

function groupBy<T>(items: readonly T[], key: (item: T) => StateCode): Map<StateCode, T[]> {
  const groups = new Map<StateCode, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

export function factsFromRows(rows: FactRows): TreatyFacts {
  const instruments = groupBy(rows.instruments.map(instrumentFromRow), (i) => i.iso3);
  const extensions = groupBy(rows.extensions.map(extensionFromRow), (e) => e.iso3);
  const events = groupBy(rows.article5Events, (e) => e.iso3);
  const successions = new Map(rows.successions.map((s) => [s.iso3, s]));
  const notices = groupBy(rows.notices, (n) => n.iso3);
  const formerNames = groupBy(rows.formerNames, (f) => f.iso3);
  return {
    states: rows.states.map((s) =>
      stateFromRows(
        s,
        instruments.get(s.iso3) ?? [],
        successions.get(s.iso3),
        notices.get(s.iso3) ?? [],
        formerNames.get(s.iso3) ?? [],
      ),
    ),
    // Article 4 comes from the stockpile ledger: readFacts adds it (`withArticle4`).
    article4: new Map(),
    article5: new Map(
      rows.article5.map((r) => [r.iso3, article5FromRow(r, extensions.get(r.iso3) ?? [], events.get(r.iso3) ?? [])]),
    ),
  };
}
