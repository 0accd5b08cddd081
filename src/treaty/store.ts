/**
 * Treaty facts in the database: read them back as the engine's TreatyFacts, list and add
 * instruments and extension decisions. Each write is one transaction with its audit row.
 */
import type { Kysely } from 'kysely';
import type { CalendarDate } from '../core/date.js';
import type { StateCode } from '../core/states.js';
import { type Actor, writeAudit } from '../store/audit.js';
import { insertBatched } from '../store/batch.js';
import type { DialectName, Store } from '../store/database.js';
import { RejectedWriteError, isUniqueViolation } from '../core/rejection.js';
import { sourceIdsJson } from '../store/json.js';
import { auditVersion } from '../store/versions.js';
import type { Database } from '../store/database.js';
import { article5OriginalDeadline } from './article5.js';
import { conventionEntryIntoForce, entryIntoForce } from './entry-into-force.js';
import { TreatyEngine, type TreatyFacts } from './status.js';
import { withArticle4 } from '../stockpiles/article4-record.js';
import { loadLedgers } from '../stockpiles/store.js';
import {
  type ExtensionDecisionInput,
  type InstrumentInput,
  checkExtension,
  checkInstrument,
} from './store-invariants.js';
import {
  type ExtensionDecisionRecord,
  type InstrumentRecord,
  article5EventRows,
  article5Row,
  extensionFromRow,
  extensionRows,
  factsFromRows,
  instrumentFromRow,
  instrumentRows,
  formerNameRows,
  isConsentKind,
  noticeRows,
  stateRow,
  successionRows,
} from './store-rows.js';

export type { ExtensionDecisionInput, InstrumentInput } from './store-invariants.js';
export type { ExtensionDecisionRecord, InstrumentRecord } from './store-rows.js';

/**
 * Audit entities whose changes change the facts (`database`: a reload of data/; `stockpile`: a
 * ledger entry, from which Article 4 comes).
 */
export const FACT_ENTITIES = ['instrument', 'extension_decision', 'stockpile', 'database'] as const;

/** Writes every fact of `facts` (an empty database is assumed: the seed calls it in its transaction). */
export async function insertFacts(
  db: Kysely<Database>,
  dialect: DialectName,
  facts: TreatyFacts,
  now: Date = new Date(),
): Promise<void> {
  const createdAt = now.toISOString();
  await insertBatched(db, dialect, 'states', facts.states.map(stateRow));
  await insertBatched(
    db,
    dialect,
    'instruments',
    facts.states.flatMap((s) => instrumentRows(s, createdAt)),
  );
  await insertBatched(db, dialect, 'article5_records', [...facts.article5.values()].map(article5Row));
  await insertBatched(db, dialect, 'extension_decisions', [...facts.article5.values()].flatMap(extensionRows));
  await insertBatched(db, dialect, 'article5_events', [...facts.article5.values()].flatMap(article5EventRows));
  await insertBatched(db, dialect, 'successions', facts.states.flatMap(successionRows));
  await insertBatched(db, dialect, 'treaty_notices', facts.states.flatMap(noticeRows));
  await insertBatched(db, dialect, 'former_names', facts.states.flatMap(formerNameRows));
}

/**
 * The facts as stored, in the shape loadReference() gives (States in iso3 order). One
 * repeatable-read transaction, so a concurrent write is seen whole or not at all.
 */
export function loadFacts(store: Store): Promise<TreatyFacts> {
  return store.db.transaction().setIsolationLevel('repeatable read').execute(readFacts);
}

/** The facts as `db` sees them: pass a transaction to read them where a write checks against them. */
export async function readFacts(db: Kysely<Database>): Promise<TreatyFacts> {
  const states = await db.selectFrom('states').selectAll().orderBy('iso3').execute();
  const instruments = await db.selectFrom('instruments').selectAll().orderBy('id').execute();
  const article5 = await db.selectFrom('article5_records').selectAll().orderBy('iso3').execute();
  const extensions = await db
    .selectFrom('extension_decisions')
    .selectAll()
    .orderBy('iso3')
    .orderBy('position')
    .execute();
  const article5Events = await db.selectFrom('article5_events').selectAll().orderBy('id').execute();
  const successions = await db.selectFrom('successions').selectAll().orderBy('iso3').execute();
  const notices = await db.selectFrom('treaty_notices').selectAll().orderBy('id').execute();
  const formerNames = await db.selectFrom('former_names').selectAll().orderBy('id').execute();
  const ledgers = await loadLedgers(db);
  const facts = factsFromRows({
    states,
    instruments,
    article5,
    extensions,
    article5Events,
    successions,
    notices,
    formerNames,
  });
  // Article 4 from the stockpile ledger, the one table of its completions (issue 14).
  return withArticle4(new TreatyEngine(facts), ledgers);
}

/** Instruments by State, then date (an undated withdrawal by its stated effect), then entry order. */
export async function listInstruments(store: Store, iso3?: StateCode): Promise<InstrumentRecord[]> {
  let query = store.db
    .selectFrom('instruments')
    .selectAll()
    .orderBy('iso3')
    .orderBy((eb) => eb.fn.coalesce('deposited', 'effective_stated', 'announced', eb.val('9999-12-31')))
    .orderBy('id');
  if (iso3 !== undefined) query = query.where('iso3', '=', iso3);
  return (await query.execute()).map(instrumentFromRow);
}

export async function listExtensionDecisions(store: Store, iso3?: StateCode): Promise<ExtensionDecisionRecord[]> {
  let query = store.db.selectFrom('extension_decisions').selectAll().orderBy('iso3').orderBy('position');
  if (iso3 !== undefined) query = query.where('iso3', '=', iso3);
  return (await query.execute()).map(extensionFromRow);
}

async function requireSources(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
  const found = await db
    .selectFrom('sources')
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  const known = new Set(found.map((r) => r.id));
  const missing = ids.find((id) => !known.has(id));
  if (missing !== undefined)
    throw new RejectedWriteError('invalid', 'sources', 'source ids of stored sources', missing);
}

/** A 404 refusal unless `iso3` is a stored State. */
export async function requireState(db: Kysely<Database>, iso3: StateCode): Promise<void> {
  const state = await db.selectFrom('states').select('iso3').where('iso3', '=', iso3).executeTakeFirst();
  if (!state) throw new RejectedWriteError('not-found', 'iso3', 'one of the stored States', iso3);
}

/** Two writers can pass the checks at once; the unique indexes stop the second. */
async function refusingDuplicates<T>(what: string, field: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new RejectedWriteError('conflict', field, `no second ${what}`);
    throw error;
  }
}

export function addInstrument(store: Store, input: InstrumentInput, actor: Actor): Promise<InstrumentRecord> {
  return refusingDuplicates('instrument of this kind for the State', 'kind', () =>
    store.db.transaction().execute(async (trx) => {
      await requireState(trx, input.iso3);
      const existing = (await trx.selectFrom('instruments').selectAll().where('iso3', '=', input.iso3).execute()).map(
        instrumentFromRow,
      );
      checkInstrument(input, existing);
      await requireSources(trx, input.sources);
      const row = await trx
        .insertInto('instruments')
        .values({
          iso3: input.iso3,
          kind: input.kind,
          deposited: input.deposited,
          effective_stated: input.effectiveStated ?? null,
          announced: input.announced ?? null,
          armed_conflict: input.armedConflict ? 1 : 0,
          conflict_ended: input.armedConflict?.ended ?? null,
          sources: sourceIdsJson(input.sources),
          created_at: new Date().toISOString(),
          created_by: actor.userId,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const record = instrumentFromRow(row);
      await writeAudit(trx, actor, {
        action: 'create',
        entity: 'instrument',
        entityId: String(record.id),
        before: null,
        after: record,
      });
      return record;
    }),
  );
}

/** The State's original Article 5 deadline computed from all stored consents, or null before 40. */
async function originalDeadline(db: Kysely<Database>, iso3: StateCode): Promise<CalendarDate | null> {
  const rows = await db
    .selectFrom('instruments')
    .select(['iso3', 'kind', 'deposited'])
    .where('kind', '!=', 'signature')
    .where('kind', '!=', 'withdrawal')
    .execute();
  // Art. 17.1 counts ratification, acceptance, approval and accession, not succession.
  const counted = rows.flatMap((r) => (r.kind !== 'succession' && r.deposited !== null ? [r.deposited] : []));
  const convention = conventionEntryIntoForce(counted);
  const own = rows.find((r) => r.iso3 === iso3 && isConsentKind(r.kind))?.deposited ?? null;
  if (own === null) throw new RejectedWriteError('invalid', 'iso3', 'a State that has deposited its consent', iso3);
  return convention === null ? null : article5OriginalDeadline(entryIntoForce(own, convention));
}

export function addExtensionDecision(
  store: Store,
  input: ExtensionDecisionInput,
  actor: Actor,
): Promise<ExtensionDecisionRecord> {
  return refusingDuplicates('decision at this position of the chain (another was added meanwhile)', 'iso3', () =>
    store.db.transaction().execute((trx) => insertExtensionDecision(trx, input, actor)),
  );
}

/**
 * addExtensionDecision inside the caller's transaction (an Article 5 request's decision is
 * written with it). The caller turns a unique violation into a conflict, as above.
 */
export async function insertExtensionDecision(
  trx: Kysely<Database>,
  input: ExtensionDecisionInput,
  actor: Actor,
): Promise<ExtensionDecisionRecord> {
  const article5 = await trx
    .selectFrom('article5_records')
    .select('iso3')
    .where('iso3', '=', input.iso3)
    .executeTakeFirst();
  if (!article5)
    throw new RejectedWriteError('not-found', 'iso3', 'a State with Article 5 obligations on record', input.iso3);
  const chain = (
    await trx.selectFrom('extension_decisions').selectAll().where('iso3', '=', input.iso3).orderBy('position').execute()
  ).map(extensionFromRow);
  checkExtension(input, await originalDeadline(trx, input.iso3), chain);
  await requireSources(trx, input.sources);
  const row = await trx
    .insertInto('extension_decisions')
    .values({
      iso3: input.iso3,
      position: (chain.at(-1)?.position ?? -1) + 1,
      granted: input.granted,
      deadline: input.deadline,
      decided_at_meeting: input.decidedAtMeeting ?? null,
      sources: sourceIdsJson(input.sources),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const record = extensionFromRow(row);
  await writeAudit(trx, actor, {
    action: 'create',
    entity: 'extension_decision',
    entityId: String(record.id),
    before: null,
    after: record,
  });
  return record;
}

/**
 * A number that grows whenever the facts change (the id of the latest audit row about them),
 * so a server can keep one engine and rebuild it only when this moves. Ids are never reused.
 * Read it before loadFacts(): a write in between then costs one extra reload, never a stale engine.
 */
export const factsVersion = (store: Store): Promise<number> => auditVersion(store, { entities: FACT_ENTITIES });
