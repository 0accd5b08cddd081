/**
 * Drafts of Article 7 reports in the database: the edits a person made over the computed forms,
 * and the report frozen on the day it was submitted. A write is one transaction: the write lock,
 * the State's draft read, the change checked against it (a submitted report is frozen: a conflict),
 * the row and one audit row (`article7-draft`) written.
 */
import type { Kysely } from 'kysely';
import type { CalendarDate } from '../core/date.js';
import { RejectedWriteError } from '../core/rejection.js';
import type { StateCode } from '../core/states.js';
import { type Actor, writeAudit } from '../store/audit.js';
import type { Database, Store } from '../store/database.js';
import { lockForWrite } from '../store/write-lock.js';
import type { CellEdit, DraftStatus, ReportDraft, ReportPeriod } from './model.js';
import { periodText } from './store-rows.js';

export const DRAFT_ENTITY = 'article7-draft';

export interface StoredDraft {
  iso3: StateCode;
  report: ReportPeriod;
  status: DraftStatus;
  edits: CellEdit[];
  /** The report as submitted; null while a draft. */
  submitted: ReportDraft | null;
  submittedOn: CalendarDate | null;
}

const NO_DRAFT = (iso3: StateCode, report: ReportPeriod): StoredDraft => ({
  iso3,
  report,
  status: 'draft',
  edits: [],
  submitted: null,
  submittedOn: null,
});

async function readDraft(db: Kysely<Database>, iso3: StateCode, report: ReportPeriod): Promise<StoredDraft | null> {
  const row = await db
    .selectFrom('article7_drafts')
    .selectAll()
    .where('iso3', '=', iso3)
    .where('period', '=', periodText(report))
    .executeTakeFirst();
  if (row === undefined) return null;
  return {
    iso3,
    report,
    status: row.status,
    edits: JSON.parse(row.edits) as CellEdit[],
    submitted: row.submitted === null ? null : (JSON.parse(row.submitted) as ReportDraft),
    submittedOn: row.submitted_on,
  };
}

/** A State's draft of a report; one with no edits when none is stored. */
export async function loadDraft(db: Kysely<Database>, iso3: StateCode, report: ReportPeriod): Promise<StoredDraft> {
  return (await readDraft(db, iso3, report)) ?? NO_DRAFT(iso3, report);
}

/** Every report of the State submitted here, frozen, in the order of their periods (initial first). */
export async function loadSubmitted(db: Kysely<Database>, iso3: StateCode): Promise<ReportDraft[]> {
  const rows = await db
    .selectFrom('article7_drafts')
    .select(['period', 'submitted'])
    .where('iso3', '=', iso3)
    .where('status', '=', 'submitted')
    .execute();
  const order = (p: ReportPeriod): number => (p === 'initial' ? -1 : p);
  return rows
    .flatMap((r) => (r.submitted === null ? [] : [JSON.parse(r.submitted) as ReportDraft]))
    .sort((a, b) => order(a.report) - order(b.report));
}

export const frozen = (iso3: StateCode, report: ReportPeriod, on: CalendarDate | null): RejectedWriteError =>
  new RejectedWriteError(
    'conflict',
    'report',
    `a draft not yet submitted (${iso3}'s report ${periodText(report)} was submitted on ${on ?? '?'} and is frozen)`,
    periodText(report),
  );

async function write(
  trx: Kysely<Database>,
  before: StoredDraft | null,
  after: StoredDraft,
  actor: Actor,
): Promise<void> {
  const values = {
    status: after.status,
    edits: JSON.stringify(after.edits),
    submitted: after.submitted === null ? null : JSON.stringify(after.submitted),
    submitted_on: after.submittedOn,
  };
  if (before === null) {
    await trx
      .insertInto('article7_drafts')
      .values({ iso3: after.iso3, period: periodText(after.report), ...values })
      .execute();
  } else {
    await trx
      .updateTable('article7_drafts')
      .set(values)
      .where('iso3', '=', after.iso3)
      .where('period', '=', periodText(after.report))
      .execute();
  }
  await writeAudit(trx, actor, {
    action: before === null ? 'create' : 'update',
    entity: DRAFT_ENTITY,
    entityId: `${after.iso3}/${periodText(after.report)}`,
    before: before === null ? null : { status: before.status, edits: before.edits },
    after: { status: after.status, edits: after.edits, submittedOn: after.submittedOn },
  });
}

/**
 * Replaces the edits of a draft with `change(stored)` (which may refuse with a RejectedWriteError);
 * a submitted report is refused as a conflict. Returns the draft as stored.
 */
export function saveEdits(
  store: Store,
  iso3: StateCode,
  report: ReportPeriod,
  change: (stored: readonly CellEdit[]) => CellEdit[],
  actor: Actor,
): Promise<StoredDraft> {
  return store.db.transaction().execute(async (trx) => {
    await lockForWrite(trx, store.dialect, `minefree.reporting.${iso3}`);
    const before = await readDraft(trx, iso3, report);
    if (before?.status === 'submitted') throw frozen(iso3, report, before.submittedOn);
    const after: StoredDraft = { ...(before ?? NO_DRAFT(iso3, report)), edits: change(before?.edits ?? []) };
    await write(trx, before, after, actor);
    return after;
  });
}

/**
 * Submits a draft: `freeze(edits)` gives the report as it stands with the stored edits, which is kept
 * as it is from then on. A report already submitted is a conflict.
 */
export function submitDraft(
  store: Store,
  iso3: StateCode,
  report: ReportPeriod,
  day: CalendarDate,
  freeze: (edits: readonly CellEdit[]) => ReportDraft,
  actor: Actor,
): Promise<ReportDraft> {
  return store.db.transaction().execute(async (trx) => {
    await lockForWrite(trx, store.dialect, `minefree.reporting.${iso3}`);
    const before = await readDraft(trx, iso3, report);
    if (before?.status === 'submitted') throw frozen(iso3, report, before.submittedOn);
    const edits = before?.edits ?? [];
    const submitted = freeze(edits);
    await write(trx, before, { iso3, report, status: 'submitted', edits, submitted, submittedOn: day }, actor);
    return submitted;
  });
}
