/**
 * Taking the write lock at the start of a transaction, so its checks see what its write will
 * meet and two processes cannot both pass them: PostgreSQL by a transaction-scoped advisory lock
 * on `key`, SQLite by a first statement that writes (it holds the database's one write lock).
 */
import { type Kysely, sql } from 'kysely';
import type { Database, DialectName } from './database.js';

export async function lockForWrite(db: Kysely<Database>, dialect: DialectName, key: string): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(db);
  else await sqliteWriteLock(db);
}

/**
 * SQLite's one write lock, taken by a statement that writes nothing. For writes whose checks
 * must see what they will meet, where PostgreSQL's unique indexes already stop the second writer.
 */
export async function sqliteWriteLock(db: Kysely<Database>): Promise<void> {
  await db.updateTable('audit_log').set({ action: 'lock' }).where('id', '=', -1).execute();
}
