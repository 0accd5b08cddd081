import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellEdit, ReportDraft } from '../model.js';
import { draftReport } from './draft.js';
import { applyEdits, editProblems, mergeEdits } from './edits.js';
import { WHY } from './records.js';
import { d, emptyRecords, recordsOn } from './test-records.js';

const context = { status: 'draft' as const, asOf: d('2021-03-01'), submittedOn: null, edits: [], previous: null };
const draft = (edits: CellEdit[] = [], previous: ReportDraft | null = null, day = '2020-12-31'): ReportDraft =>
  draftReport(recordsOn(day), { ...context, edits, previous });
const cellOf = (r: ReportDraft, form: string, row: string, column: string) =>
  r.forms.find((f) => f.form === form)?.rows.find((x) => x.key === row)?.cells[column];

describe('edits over a draft', () => {
  it('an edit of a drafted cell keeps the drafted value and its records', () => {
    const edited = draft([{ form: 'B', row: 'total', column: 'quantity', value: 640 }]);
    expect(cellOf(edited, 'B', 'total', 'quantity')).toMatchObject({
      value: 640,
      origin: 'edited',
      drafted: 645,
      why: null,
      sources: ['S1'],
    });
  });

  it('an edit of a cell to complete fills it, drafted null', () => {
    const edited = draft([{ form: 'A', row: 'measures', column: 'reference', value: 'Law 2009/12' }]);
    expect(cellOf(edited, 'A', 'measures', 'reference')).toMatchObject({
      value: 'Law 2009/12',
      origin: 'edited',
      drafted: null,
      records: [],
    });
  });

  it('a null value clears the edit: the cell is again what the data gives', () => {
    const stored = mergeEdits(
      [],
      [
        { form: 'A', row: 'measures', column: 'reference', value: 'Law 2009/12' },
        { form: 'B', row: 'total', column: 'quantity', value: 640 },
      ],
    );
    const cleared = mergeEdits(stored, [{ form: 'A', row: 'measures', column: 'reference', value: null }]);
    expect(cleared).toEqual([{ form: 'B', row: 'total', column: 'quantity', value: 640 }]);
    expect(cellOf(draft(cleared), 'A', 'measures', 'reference')).toMatchObject({
      origin: 'to-complete',
      why: WHY.noMeasures,
    });
    // A second edit of the same cell replaces the first.
    expect(mergeEdits(stored, [{ form: 'B', row: 'total', column: 'quantity', value: 641 }])).toHaveLength(2);
  });

  it('names the form, row or column an edit names that the draft does not have', () => {
    const problems = editProblems(draft(), [
      { form: 'K', row: 'x', column: 'y', value: 1 },
      { form: 'C', row: 'KHM-9', column: 'area', value: 'x' },
      { form: 'C', row: 'KHM-1', column: 'colour', value: 'x' },
      { form: 'C', row: 'KHM-1', column: 'area', value: 'x' },
    ]);
    expect(problems.map((p) => [p.index, p.field, p.found])).toEqual([
      [0, 'form', 'K'],
      [1, 'row', 'KHM-9'],
      [2, 'column', 'colour'],
    ]);
    expect(problems[1]?.expected).toContain('KHM-1');
  });

  it('applying edits then clearing them gives back the draft (property)', () => {
    const base = draft();
    const cells = base.forms.flatMap((f) =>
      f.rows.flatMap((r) => f.columns.map((column) => ({ form: f.form, row: r.key, column }))),
    );
    const value = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.double({ noNaN: true }));
    fc.assert(
      fc.property(fc.array(fc.record({ at: fc.nat(cells.length - 1), value })), (picks) => {
        const edits: CellEdit[] = picks.map((p) => ({ ...cells[p.at]!, value: p.value }));
        const stored = mergeEdits([], edits);
        const edited = applyEdits(base, stored);
        const clears = edits.map((e) => ({ ...e, value: null }));
        expect(applyEdits(base, mergeEdits(stored, clears))).toEqual(base);
        expect(editProblems(edited, edits)).toEqual([]);
        // Every edited cell holds the last value given for it and the value the data gave; clearing
        // half of them leaves the other half as if only those had been made.
        for (const e of stored) {
          const before = cellOf(base, e.form, e.row, e.column);
          expect(cellOf(edited, e.form, e.row, e.column)).toMatchObject({
            value: e.value,
            origin: 'edited',
            drafted: before?.origin === 'to-complete' ? null : before?.value,
          });
        }
        const half = stored.filter((_, i) => i % 2 === 0);
        const rest = stored.filter((_, i) => i % 2 === 1);
        expect(
          applyEdits(
            base,
            mergeEdits(
              stored,
              half.map((e) => ({ ...e, value: null })),
            ),
          ),
        ).toEqual(applyEdits(base, rest));
      }),
    );
  });
});

describe('changes since the last submitted report', () => {
  it('with no submitted report, nothing is compared', () => {
    const r = draft();
    expect(r.previous).toBeNull();
    expect(r.changes).toEqual([]);
    expect(r.forms.every((f) => f.changed === null)).toBe(true);
  });

  it('lists a row added, a row removed and a cell changed', () => {
    const before: ReportDraft = { ...draftReport(emptyRecords(2019), context), status: 'submitted', report: 2019 };
    const after = draftReport(recordsOn('2020-12-31'), { ...context, previous: before });
    expect(after.previous).toBe(2019);
    // Form C: the row to complete is gone, the area is new.
    const c = after.changes.filter((x) => x.form === 'C');
    expect(c).toContainEqual({ form: 'C', row: 'KHM-1', column: 'area', before: null, after: 'HA-001' });
    expect(c.some((x) => x.row === 'areas')).toBe(false); // its cells were null: nothing to list
    // A row removed: the 2020 report's Form G rows are gone in a report with no destruction.
    const submitted2020 = { ...after, status: 'submitted' as const };
    const later = draftReport({ ...emptyRecords(2021) }, { ...context, previous: submitted2020 });
    expect(later.changes).toContainEqual({
      form: 'G',
      row: 'article4:PMN',
      column: 'quantity',
      before: 400,
      after: null,
    });
    // A cell changed: Form B's total, by an edit.
    const edited = draftReport(recordsOn('2020-12-31'), {
      ...context,
      edits: [{ form: 'B', row: 'total', column: 'quantity', value: 600 }],
      previous: submitted2020,
    });
    expect(edited.changes).toEqual([{ form: 'B', row: 'total', column: 'quantity', before: 645, after: 600 }]);
    expect(edited.forms.map((f) => f.changed)).toEqual([
      false,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
