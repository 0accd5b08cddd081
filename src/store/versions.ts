/**
 * Versions of what is stored, for caches and ETags: the id of the latest audit row of a kind.
 * Every mutation writes one audit row in its own transaction and ids are never reused, so the
 * number grows whenever the rows it covers may have changed, here or in another process.
 */
import type { Kysely } from 'kysely';
import type { Database, Store } from './database.js';

/** Audit entities that public reads never show (accounts, sign-ins, reads of personal data). */
const PRIVATE_ENTITIES = ['user', 'personal-data'];

export interface AuditFilter {
  /** Only these entity kinds (`instrument`, `clearance`). */
  entities?: readonly string[];
  /** Only this entity (a State's code, say). */
  entityId?: string;
}

/** The id of the latest audit row matching `filter` (0 when none). */
export async function latestAuditId(db: Kysely<Database>, filter: AuditFilter = {}): Promise<number> {
  let query = db.selectFrom('audit_log').select((eb) => eb.fn.max('id').as('version'));
  query =
    filter.entities === undefined
      ? query.where('entity', 'not in', PRIVATE_ENTITIES)
      : query.where('entity', 'in', [...filter.entities]);
  if (filter.entityId !== undefined) query = query.where('entity_id', '=', filter.entityId);
  const row = await query.executeTakeFirst();
  return Number(row?.version ?? 0);
}

/**
 * latestAuditId, asked of the database only when something may have been written since the
 * last answer (store.changes: this process's commits, SQLite's data_version, PostgreSQL's
 * NOTIFY), so on a quiet database it costs no query.
 */
export function auditVersion(store: Store, filter: AuditFilter = {}): Promise<number> {
  const key = `audit|${filter.entities?.join(',') ?? '*'}|${filter.entityId ?? '*'}`;
  return store.changes.versioned(key, () => latestAuditId(store.db, filter));
}

/** Moves whenever anything a public read shows may have changed. */
export const dataVersion = (store: Store): Promise<number> => auditVersion(store);
