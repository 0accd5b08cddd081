/** Multi-row inserts cut to fit each engine's limit on bound parameters. */
import type { Insertable, Kysely } from 'kysely';
import type { DialectName } from './database.js';
import type { Database } from './schema.js';

/** SQLite's SQLITE_MAX_VARIABLE_NUMBER (32766 since 3.32) and PostgreSQL's 16-bit count (65535). */
const MAX_PARAMETERS: Record<DialectName, number> = { sqlite: 32766, postgres: 65535 };

export function chunksFor<T>(rows: readonly T[], columns: number, dialect: DialectName): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMETERS[dialect] / Math.max(1, columns)));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}

export async function insertBatched<T extends keyof Database>(
  db: Kysely<Database>,
  dialect: DialectName,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  // Every row of a batch has the same keys, so the first row's count is every row's.
  for (const chunk of chunksFor(rows, Object.keys(first).length, dialect)) {
    await db.insertInto(table).values(chunk).execute();
  }
}
