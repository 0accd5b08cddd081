import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressTable } from './suppression.js';

/** Every line of the published table: [values published or null, true values]. */
function lines(cells: number[][], columns: number): { shown: (number | null)[]; truth: number[] }[] {
  const t = suppressTable(cells, columns);
  const rowTotal = (r: number): number => (cells[r] ?? []).reduce((a, b) => a + b, 0);
  const colTotal = (c: number): number => cells.reduce((a, row) => a + (row[c] ?? 0), 0);
  const grand = cells.reduce((a, row) => a + row.reduce((x, y) => x + y, 0), 0);
  const out: { shown: (number | null)[]; truth: number[] }[] = [];
  cells.forEach((row, r) =>
    out.push({ shown: [...(t.cells[r] ?? []), t.rowTotals[r] ?? null], truth: [...row, rowTotal(r)] }),
  );
  for (let c = 0; c < columns; c++)
    out.push({
      shown: [...t.cells.map((row) => row[c] ?? null), t.columnTotals[c] ?? null],
      truth: [...cells.map((row) => row[c] ?? 0), colTotal(c)],
    });
  out.push({
    shown: [...t.columnTotals, t.total],
    truth: [...Array.from({ length: columns }, (_, c) => colTotal(c)), grand],
  });
  out.push({ shown: [...t.rowTotals, t.total], truth: [...cells.map((_, r) => rowTotal(r)), grand] });
  return out;
}

describe('suppressTable', () => {
  it.each([
    {
      name: 'nothing small: all published',
      columns: 2,
      cells: [
        [10, 20],
        [30, 40],
      ],
      expected: {
        cells: [
          [10, 20],
          [30, 40],
        ],
        rowTotals: [30, 70],
        columnTotals: [40, 60],
        total: 100,
      },
    },
    {
      name: 'one small cell takes a partner in its row, its column and the cell opposite',
      columns: 2,
      cells: [
        [3, 20],
        [30, 40],
      ],
      expected: {
        cells: [
          [null, null],
          [null, null],
        ],
        rowTotals: [23, 70],
        columnTotals: [33, 60],
        total: 93,
      },
    },
    {
      name: 'a zero is small too',
      columns: 3,
      cells: [[0, 9, 12]],
      expected: { cells: [[null, null, 12]], rowTotals: [21], columnTotals: [null, null, 12], total: 21 },
    },
    {
      name: 'a small grand total is withheld with everything',
      columns: 2,
      cells: [[1, 2]],
      expected: { cells: [[null, null]], rowTotals: [null], columnTotals: [null, null], total: null },
    },
    {
      name: 'no rows: the empty total is withheld',
      columns: 2,
      cells: [],
      expected: { cells: [], rowTotals: [], columnTotals: [null, null], total: null },
    },
  ])('$name', ({ cells, columns, expected }) => {
    expect(suppressTable(cells, columns)).toEqual({ ...expected, safe: true });
  });

  it('leaves no line with a single withheld value, publishes nothing below 5, and publishes true sums', () => {
    const table = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 5 })).chain(([rows, columns]) =>
      fc.tuple(
        fc.constant(columns),
        fc.array(
          fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 200 })), {
            minLength: columns,
            maxLength: columns,
          }),
          { minLength: rows, maxLength: rows },
        ),
      ),
    );
    fc.assert(
      fc.property(table, ([columns, cells]) => {
        for (const { shown, truth } of lines(cells, columns)) {
          const withheld = shown.filter((v) => v === null).length;
          expect(withheld === 0 || withheld >= 2).toBe(true);
          shown.forEach((v, i) => {
            if (v !== null) {
              expect(v).toBeGreaterThanOrEqual(5);
              expect(v).toBe(truth[i]);
            }
          });
        }
      }),
      { numRuns: 500 },
    );
  });
});
