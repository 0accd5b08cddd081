/**
 * Sources in the database: listed, looked up, added by an editor (one transaction with its
 * audit row), and loaded with data/ by the seed.
 */
import type { Insertable, Kysely, Selectable } from 'kysely';
import { partialDateProblem } from '../core/partial-date.js';
import { RejectedWriteError, isUniqueViolation } from '../core/rejection.js';
import type { SourceId } from '../core/source.js';
import { type Actor, writeAudit } from '../store/audit.js';
import { insertBatched } from '../store/batch.js';
import type { Database, DialectName, Store } from '../store/database.js';
import type { Source } from './model.js';
import type { SourcesTable } from './tables.js';

const sourceRow = (s: Source): Insertable<SourcesTable> => ({
  id: s.id,
  title: s.title,
  url: s.url,
  published: s.published,
});
const sourceFromRow = (r: Selectable<SourcesTable>): Source => ({
  id: r.id,
  title: r.title,
  url: r.url,
  published: r.published,
});

/** For the seed, inside its transaction. */
export async function insertSources(
  db: Kysely<Database>,
  dialect: DialectName,
  sources: Iterable<Source>,
): Promise<void> {
  await insertBatched(db, dialect, 'sources', [...sources].map(sourceRow));
}

// Sorted here, not in SQL: PostgreSQL's collation would order `S53b` and `S5` unlike SQLite.
const byId = (a: Source, b: Source): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export async function listSources(store: Store): Promise<Source[]> {
  return (await store.db.selectFrom('sources').selectAll().execute()).map(sourceFromRow).sort(byId);
}

/** The sources by id, the shape loadReference() gives. */
export async function loadSources(store: Store): Promise<Map<SourceId, Source>> {
  return new Map((await listSources(store)).map((s) => [s.id, s]));
}

export async function getSource(store: Store, id: SourceId): Promise<Source | null> {
  const row = await store.db.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? sourceFromRow(row) : null;
}

function checkSource(source: Source): void {
  if (!/^[A-Za-z0-9]+$/.test(source.id))
    throw new RejectedWriteError('invalid', 'id', 'a source id of letters and digits (for example S53b)', source.id);
  if (source.title.trim() === '')
    throw new RejectedWriteError('invalid', 'title', 'the title of the source', source.title);
  if (source.url !== null && !/^https?:\/\/\S+$/.test(source.url))
    throw new RejectedWriteError('invalid', 'url', 'an http(s) address or nothing', source.url);
  const problem = source.published === null ? null : partialDateProblem(source.published);
  if (problem !== null) throw new RejectedWriteError('invalid', 'published', problem, source.published);
}

export async function addSource(store: Store, source: Source, actor: Actor): Promise<Source> {
  checkSource(source);
  try {
    return await store.db.transaction().execute(async (trx) => {
      const row = await trx.insertInto('sources').values(sourceRow(source)).returningAll().executeTakeFirstOrThrow();
      const stored = sourceFromRow(row);
      await writeAudit(trx, actor, {
        action: 'create',
        entity: 'source',
        entityId: stored.id,
        before: null,
        after: stored,
      });
      return stored;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new RejectedWriteError('conflict', 'id', 'a source id not used yet', source.id);
    throw error;
  }
}
