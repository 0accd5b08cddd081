import type { Store } from '../store/database.js';

/** Audit entities that public reads never show (accounts, sign-ins). */
const PRIVATE_ENTITIES = ['user'];

/**
 * A number that grows whenever anything a public read shows may have changed: the id of the
 * latest audit row about the records (every mutation writes one, in its own transaction, and
 * ids are never reused). A write by another process sharing the database moves it too.
 */
export async function dataVersion(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('id').as('version'))
    .where('entity', 'not in', PRIVATE_ENTITIES)
    .executeTakeFirst();
  return Number(row?.version ?? 0);
}
