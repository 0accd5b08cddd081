/**
 * The audit log (DESIGN.md §5): every mutation writes who, when, what, before and after, in
 * the same transaction as the change, so there is never a change without its row or a row
 * without its change.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { CHANGE_CHANNEL } from './changes.js';
import type { Store } from './database.js';
import { parseSnapshot, snapshotJson } from './json.js';
import type { Database } from './database.js';

/** Who makes a change: a signed-in user, or null for the command line and the initial load. */
export interface Actor {
  userId: number | null;
}

export const SYSTEM: Actor = { userId: null };

export type AuditAction = 'create' | 'update' | 'delete' | 'seed' | 'sign-in' | 'sign-out' | 'read';

export interface AuditInput {
  action: AuditAction;
  /** What kind of thing changed: `instrument`, `source`, `user`, `database`. */
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export interface AuditEntry extends AuditInput {
  id: number;
  /** ISO 8601 instant in UTC. */
  at: string;
  userId: number | null;
}

/** Writes one audit row with `db`, which should be the transaction making the change. */
export async function writeAudit(
  db: Kysely<Database>,
  actor: Actor,
  entry: AuditInput,
  at: Date = new Date(),
): Promise<number> {
  const row = await db
    .insertInto('audit_log')
    .values({
      at: at.toISOString(),
      user_id: actor.userId,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      before: snapshotJson(entry.before),
      after: snapshotJson(entry.after),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // PostgreSQL delivers this at the commit, to every process LISTENing (changes.ts): their caches follow.
  if (db.getExecutor().adapter instanceof PostgresAdapter)
    await sql`select pg_notify(${CHANGE_CHANNEL}, current_schema())`.execute(db);
  return row.id;
}

/** The latest entries first, optionally of one entity kind or one entity. */
export async function listRecentAudit(
  store: Store,
  options: { limit?: number; entity?: string; entityId?: string } = {},
): Promise<AuditEntry[]> {
  let query = store.db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(options.limit ?? 50);
  if (options.entity !== undefined) query = query.where('entity', '=', options.entity);
  if (options.entityId !== undefined) query = query.where('entity_id', '=', options.entityId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    userId: r.user_id,
    action: r.action as AuditAction,
    entity: r.entity,
    entityId: r.entity_id,
    before: parseSnapshot(r.before),
    after: parseSnapshot(r.after),
  }));
}
