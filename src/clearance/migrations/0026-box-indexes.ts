/**
 * SQLite drops the B-tree indexes over the polygon tables' boxes (0006): since 0019 the R*Tree
 * answers "which areas meet this box" (tiles, and the overlap warnings of an import), and a
 * B-tree over four coordinates is updated in random order by every insert: about a third of the
 * time SQLite spends writing a 200,000-area import (issue 15 §3). PostgreSQL keeps its indexes:
 * its COPY is indexed by the server, beside the importing process.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../../store/database.js';

const INDEXES = [
  { index: 'hazard_areas_bbox', table: 'hazard_areas' },
  { index: 'land_releases_bbox', table: 'land_releases' },
] as const;

export function boxIndexesMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect !== 'sqlite') return;
      for (const { index } of INDEXES) await sql`drop index ${sql.raw(index)}`.execute(db);
    },
    async down(db: Kysely<unknown>): Promise<void> {
      if (dialect !== 'sqlite') return;
      for (const { index, table } of INDEXES)
        await db.schema.createIndex(index).on(table).columns(['min_x', 'max_x', 'min_y', 'max_y']).execute();
    },
  };
}
