/**
 * Sources and reported figures in the database. Writes are one transaction with their audit
 * row; the checks here are only those that would leave a figure nobody can trace or read.
 */
import type { Insertable, Kysely, Selectable } from 'kysely';
import { dateProblem } from '../core/date.js';
import { partialDateProblem } from '../core/partial-date.js';
import { QUALIFIERS } from '../core/source.js';
import { type Actor, writeAudit } from '../store/audit.js';
import { insertBatched } from '../store/batch.js';
import type { DialectName, Store } from '../store/database.js';
import { RejectedWriteError } from '../core/rejection.js';
import type { Database } from '../store/database.js';
import type { ReportedFiguresTable } from './tables.js';
import type { ReportedFigure } from './model.js';

/** A reported figure as stored, with its row id. */
export interface StoredFigure extends ReportedFigure {
  id: number;
}

function figureRow(f: ReportedFigure): Insertable<ReportedFiguresTable> {
  return {
    indicator: f.indicator,
    scope: f.scope,
    period: f.period,
    value: f.value,
    qualifier: f.qualifier,
    unit: f.unit,
    source_id: f.source,
    cited_document: f.citedDocument,
    cited_page: f.citedPage,
    edition: f.edition,
    edition_date: f.published,
    notes: f.notes,
  };
}

function figureFromRow(r: Selectable<ReportedFiguresTable>): StoredFigure {
  return {
    id: r.id,
    indicator: r.indicator,
    scope: r.scope,
    period: r.period,
    value: r.value,
    qualifier: r.qualifier,
    unit: r.unit,
    source: r.source_id,
    citedDocument: r.cited_document,
    citedPage: r.cited_page,
    edition: r.edition,
    published: r.edition_date,
    notes: r.notes,
  };
}

export async function insertFigures(
  db: Kysely<Database>,
  dialect: DialectName,
  figures: readonly ReportedFigure[],
): Promise<void> {
  await insertBatched(db, dialect, 'reported_figures', figures.map(figureRow));
}

/** Figures in the order they were stored, optionally of one indicator and/or scope. */
export async function listReportedFigures(
  store: Store,
  filter: { indicator?: string; scope?: string } = {},
): Promise<StoredFigure[]> {
  let query = store.db.selectFrom('reported_figures').selectAll().orderBy('id');
  if (filter.indicator !== undefined) query = query.where('indicator', '=', filter.indicator);
  if (filter.scope !== undefined) query = query.where('scope', '=', filter.scope);
  return (await query.execute()).map(figureFromRow);
}

function checkFigure(f: ReportedFigure): void {
  const invalid = (field: string, expected: string, found: string | null): RejectedWriteError =>
    new RejectedWriteError('invalid', field, expected, found);
  if (!Number.isFinite(f.value)) throw invalid('value', 'a finite number', String(f.value));
  if (!(QUALIFIERS as readonly string[]).includes(f.qualifier))
    throw invalid('qualifier', `one of ${QUALIFIERS.join(', ')}`, f.qualifier);
  const periodProblem = partialDateProblem(f.period);
  if (periodProblem !== null) throw invalid('period', periodProblem, f.period);
  const publishedProblem = f.published === null ? null : dateProblem(f.published);
  if (publishedProblem !== null) throw invalid('published', publishedProblem, f.published);
  for (const field of ['indicator', 'scope', 'unit'] as const) {
    if (f[field].trim() === '') throw invalid(field, `the figure's ${field}`, f[field]);
  }
}

export async function addReportedFigure(store: Store, figure: ReportedFigure, actor: Actor): Promise<StoredFigure> {
  checkFigure(figure);
  return store.db.transaction().execute(async (trx) => {
    const source = await trx.selectFrom('sources').select('id').where('id', '=', figure.source).executeTakeFirst();
    if (!source)
      throw new RejectedWriteError(
        'invalid',
        'source',
        'the id of a stored source (a figure without a source is not kept)',
        figure.source,
      );
    const row = await trx
      .insertInto('reported_figures')
      .values(figureRow(figure))
      .returningAll()
      .executeTakeFirstOrThrow();
    const stored = figureFromRow(row);
    await writeAudit(trx, actor, {
      action: 'create',
      entity: 'reported_figure',
      entityId: String(stored.id),
      before: null,
      after: stored,
    });
    return stored;
  });
}
