/**
 * The stockpile ledger in the database. A write is one transaction: the write lock, the State's
 * stored ledger read, the whole ledger (stored and new) checked, the rows and one audit row
 * written; a refused write leaves nothing.
 */
import type { Kysely } from 'kysely';
import type { CalendarDate } from '../core/date.js';
import { rejectionOf, RejectedWriteError } from '../core/rejection.js';
import type { StateCode } from '../core/states.js';
import { type Actor, writeAudit } from '../store/audit.js';
import { insertBatched } from '../store/batch.js';
import type { Database, DialectName, Store } from '../store/database.js';
import { latestAuditId } from '../store/versions.js';
import { lockForWrite } from '../store/write-lock.js';
import type { TreatyEngine } from '../treaty/status.js';
import { type LedgerProblem, ledgerProblems } from './checks.js';
import type { LedgerEntry, StoredEntry } from './model.js';
import { entryFromRow, entryRow } from './store-rows.js';

/** Audit entities whose rows change a ledger (`database`: a reload of data/). */
export const STOCKPILE_ENTITIES = ['stockpile', 'database'] as const;

/** Moves whenever a ledger may have changed. */
export const ledgersVersion = (store: Store): Promise<number> =>
  latestAuditId(store.db, { entities: STOCKPILE_ENTITIES });

/** Writes the ledgers of data/ (an empty table is assumed: the seed calls it in its transaction). */
export async function insertLedgers(
  db: Kysely<Database>,
  dialect: DialectName,
  ledgers: ReadonlyMap<StateCode, readonly LedgerEntry[]>,
): Promise<void> {
  const rows = [...ledgers.values()].flat().map(entryRow);
  if (rows.length > 0) await insertBatched(db, dialect, 'stockpile_entries', rows);
}

/** Every State's ledger, entries in the order they were stored. */
export async function loadLedgers(db: Kysely<Database>): Promise<Map<StateCode, StoredEntry[]>> {
  const rows = await db.selectFrom('stockpile_entries').selectAll().orderBy('id').execute();
  const ledgers = new Map<StateCode, StoredEntry[]>();
  for (const row of rows) {
    const entry = entryFromRow(row);
    const list = ledgers.get(entry.iso3) ?? [];
    list.push(entry);
    ledgers.set(entry.iso3, list);
  }
  return ledgers;
}

export async function loadLedger(db: Kysely<Database>, iso3: StateCode): Promise<StoredEntry[]> {
  const rows = await db.selectFrom('stockpile_entries').selectAll().where('iso3', '=', iso3).orderBy('id').execute();
  return rows.map(entryFromRow);
}

/** A refused write names the first problem as `entries[i].field` (its count says how many more). */
export class LedgerRejectedError extends RejectedWriteError {
  constructor(readonly problems: readonly LedgerProblem[]) {
    const first = rejectionOf(problems.map((p) => ({ field: `entries[${p.index}].${p.field}`, expected: p.expected })));
    super('invalid', first.field, first.expected, problems[0]?.found ?? null);
  }
}

export interface AddEntriesOptions {
  /** The engine the entries are checked against (each dated when its State is a State Party). */
  engine: TreatyEngine;
  /** An import's as-of date: no entry may be dated after it. */
  asOf?: CalendarDate;
}

/**
 * Adds entries of one State to its ledger, all or none. Problems are named by the index of the
 * entry in `entries`; a problem the stored entries alone already had is not the writer's to fix.
 */
export async function addEntries(
  store: Store,
  iso3: StateCode,
  entries: readonly LedgerEntry[],
  actor: Actor,
  options: AddEntriesOptions,
): Promise<StoredEntry[]> {
  if (entries.length === 0) throw new RejectedWriteError('invalid', 'entries', 'at least one entry');
  const other = entries.findIndex((e) => e.iso3 !== iso3);
  if (other >= 0)
    throw new RejectedWriteError(
      'invalid',
      `entries[${other}].iso3`,
      `entries of ${iso3} only`,
      entries[other]?.iso3 ?? null,
    );
  return store.db.transaction().execute(async (trx) => {
    await lockForWrite(trx, store.dialect, `minefree.stockpiles.${iso3}`);
    const stored = await loadLedger(trx, iso3);
    // Stored entries first, so a clash with one of them is named on the new entry.
    const all = ledgerProblems([...stored, ...entries], options);
    const problems = all.filter((p) => p.index >= stored.length).map((p) => ({ ...p, index: p.index - stored.length }));
    if (problems.length > 0) throw new LedgerRejectedError(problems);
    const clash = all[0];
    if (clash !== undefined && ledgerProblems(stored, options).length === 0) {
      // The new entries make a stored one wrong (a none-held beside stored stock, say).
      throw new RejectedWriteError(
        'conflict',
        'entries',
        `entries that agree with the stored ledger, whose entry ${clash.field} would then need ${clash.expected}`,
        clash.found,
      );
    }
    const added = await insertEntries(trx, entries);
    await writeAudit(trx, actor, { action: 'create', entity: 'stockpile', entityId: iso3, before: null, after: added });
    return added;
  });
}

/** Inserts `entries` in the caller's transaction; refuses (and so rolls back) an entry citing an unknown source. */
async function insertEntries(trx: Kysely<Database>, entries: readonly LedgerEntry[]): Promise<StoredEntry[]> {
  const stored: StoredEntry[] = [];
  for (const entry of entries) {
    const row = await trx
      .insertInto('stockpile_entries')
      .values(entryRow(entry))
      .returningAll()
      .executeTakeFirstOrThrow();
    stored.push(entryFromRow(row));
  }
  const missing = await unknownSources(trx, stored);
  if (missing !== null)
    throw new RejectedWriteError(
      'invalid',
      `entries[${missing.index}].sources`,
      'the id of a stored source',
      missing.id,
    );
  return stored;
}

async function unknownSources(
  db: Kysely<Database>,
  entries: readonly LedgerEntry[],
): Promise<{ index: number; id: string } | null> {
  const ids = [...new Set(entries.flatMap((e) => e.sources))];
  const found = new Set(
    (await db.selectFrom('sources').select('id').where('id', 'in', ids).execute()).map((r) => r.id),
  );
  for (const [index, e] of entries.entries()) {
    const id = e.sources.find((s) => !found.has(s));
    if (id !== undefined) return { index, id };
  }
  return null;
}

/**
 * Replaces a State's whole ledger with `entries` (an import of its file), all or nothing; the
 * entries were checked by the caller. One audit row (`update`, or `create` for a State with no
 * ledger yet) holds the ledger before and after. Returns the stored entries and how many were replaced.
 */
export async function replaceLedger(
  store: Store,
  iso3: StateCode,
  entries: readonly LedgerEntry[],
  actor: Actor,
): Promise<{ stored: StoredEntry[]; replaced: number }> {
  const other = entries.findIndex((e) => e.iso3 !== iso3);
  if (other >= 0)
    throw new RejectedWriteError(
      'invalid',
      `entries[${other}].iso3`,
      `entries of ${iso3} only`,
      entries[other]?.iso3 ?? null,
    );
  return store.db.transaction().execute(async (trx) => {
    await lockForWrite(trx, store.dialect, `minefree.stockpiles.${iso3}`);
    const before = await loadLedger(trx, iso3);
    await trx.deleteFrom('stockpile_entries').where('iso3', '=', iso3).execute();
    const stored = await insertEntries(trx, entries);
    await writeAudit(trx, actor, {
      action: before.length === 0 ? 'create' : 'update',
      entity: 'stockpile',
      entityId: iso3,
      before,
      after: stored,
    });
    return { stored, replaced: before.length };
  });
}
