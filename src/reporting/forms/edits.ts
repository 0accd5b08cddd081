/**
 * A person's edits over a computed draft. An edit names a cell that exists (form, row key, column)
 * and gives its value; a null value clears the edit, back to what the data gives. Stored edits
 * are a list with one entry per cell (the latest wins); an edit whose row the data no longer gives
 * is kept but shows nowhere until the row comes back. No I/O here.
 */
import { ARTICLE7_FORMS, type CellEdit, type DraftCell, type ReportDraft } from '../model.js';

/** A cell an edit names that the draft does not have: the first part missing. */
export interface EditProblem {
  index: number;
  field: 'form' | 'row' | 'column';
  expected: string;
  found: string;
}

const cellKey = (e: Pick<CellEdit, 'form' | 'row' | 'column'>): string => `${e.form}\u0000${e.row}\u0000${e.column}`;

/** An edit as a request gives it: its form not yet known to be one of A–J. */
export type EditInput = Omit<CellEdit, 'form'> & { form: string };

/** The edits that name no cell of the draft. */
export function editProblems(draft: ReportDraft, edits: readonly EditInput[]): EditProblem[] {
  const problems: EditProblem[] = [];
  edits.forEach((e, index) => {
    const form = draft.forms.find((f) => f.form === e.form);
    if (form === undefined) {
      problems.push({ index, field: 'form', expected: `one of ${ARTICLE7_FORMS.join(', ')}`, found: String(e.form) });
      return;
    }
    const row = form.rows.find((r) => r.key === e.row);
    if (row === undefined) {
      problems.push({
        index,
        field: 'row',
        expected: `a row of form ${e.form}: ${form.rows.map((r) => r.key).join(', ')}`,
        found: e.row,
      });
      return;
    }
    if (!form.columns.includes(e.column) || row.cells[e.column] === undefined) {
      problems.push({
        index,
        field: 'column',
        expected: `a column of form ${e.form}: ${form.columns.join(', ')}`,
        found: e.column,
      });
    }
  });
  return problems;
}

/** The edits, once `editProblems` found none: each names a form of the draft. */
export const checkedEdits = (draft: ReportDraft, edits: readonly EditInput[]): CellEdit[] =>
  edits.flatMap((e) => {
    const form = draft.forms.find((f) => f.form === e.form);
    return form === undefined ? [] : [{ ...e, form: form.form }];
  });

/** The stored edits after new ones: one per cell, a null value removing the cell's edit. Order: first edited first. */
export function mergeEdits(stored: readonly CellEdit[], incoming: readonly CellEdit[]): CellEdit[] {
  const byCell = new Map<string, CellEdit>(stored.map((e) => [cellKey(e), e]));
  for (const e of incoming) {
    const key = cellKey(e);
    if (e.value === null) byCell.delete(key);
    else byCell.set(key, { ...e });
  }
  return [...byCell.values()];
}

const edited = (cell: DraftCell, value: CellEdit['value']): DraftCell => ({
  value,
  origin: 'edited',
  records: cell.records,
  sources: cell.sources,
  why: null,
  drafted: cell.origin === 'to-complete' ? null : cell.value,
});

/** The draft with each stored edit over its cell (a null value or an edit of a cell not there changes nothing). */
export function applyEdits(draft: ReportDraft, edits: readonly CellEdit[]): ReportDraft {
  if (edits.length === 0) return draft;
  const byCell = new Map(edits.filter((e) => e.value !== null).map((e) => [cellKey(e), e.value]));
  return {
    ...draft,
    forms: draft.forms.map((form) => ({
      ...form,
      rows: form.rows.map((row) => ({
        key: row.key,
        cells: Object.fromEntries(
          Object.entries(row.cells).map(([column, cell]) => {
            const key = cellKey({ form: form.form, row: row.key, column });
            return [column, byCell.has(key) ? edited(cell, byCell.get(key) ?? null) : cell];
          }),
        ),
      })),
    })),
  };
}
