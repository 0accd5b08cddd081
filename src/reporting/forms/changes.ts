/**
 * What changed since the last submitted report: every cell whose value differs, a row added (each
 * of its cells from null) or removed (each to null), matched by form, row key and column. No I/O here.
 */
import type { CellChange, CellValue, DraftForm, ReportDraft } from '../model.js';

function formChanges(now: DraftForm, before: DraftForm | undefined): CellChange[] {
  const out: CellChange[] = [];
  const beforeRows = new Map((before?.rows ?? []).map((row) => [row.key, row]));
  const nowKeys = new Set(now.rows.map((row) => row.key));
  const columns = [...new Set([...now.columns, ...(before?.columns ?? [])])];
  const push = (row: string, column: string, b: CellValue, a: CellValue) => {
    if (b !== a) out.push({ form: now.form, row, column, before: b, after: a });
  };
  for (const row of now.rows) {
    const old = beforeRows.get(row.key);
    for (const column of columns)
      push(row.key, column, old?.cells[column]?.value ?? null, row.cells[column]?.value ?? null);
  }
  for (const row of before?.rows ?? []) {
    if (nowKeys.has(row.key)) continue;
    for (const column of columns) push(row.key, column, row.cells[column]?.value ?? null, null);
  }
  return out;
}

/** The draft with `previous`, `changes` and each form's `changed` set against a submitted report (or none). */
export function withChanges(draft: ReportDraft, previous: ReportDraft | null): ReportDraft {
  if (previous === null) {
    return { ...draft, previous: null, changes: [], forms: draft.forms.map((f) => ({ ...f, changed: null })) };
  }
  const changes: CellChange[] = [];
  const forms = draft.forms.map((f) => {
    const list = formChanges(
      f,
      previous.forms.find((p) => p.form === f.form),
    );
    changes.push(...list);
    return { ...f, changed: list.length > 0 };
  });
  return { ...draft, previous: previous.report, changes, forms };
}
