/**
 * Small-cell suppression of a published table (DESIGN.md §7): every cell below the threshold is
 * withheld (primary suppression), then more cells are withheld until no withheld value can be
 * recovered by subtraction from a published total (complementary suppression). No I/O here.
 *
 * A table of R rows and C columns is published with its row totals, column totals and grand total.
 * Each row (its cells and its total), each column (its cells and its total), the row of column
 * totals (with the grand total) and the column of row totals (with the grand total) is a line: a
 * sum that a reader knows. A line with exactly one withheld value gives that value away, so the
 * rule leaves every line with none or at least two withheld. The cell added is the smallest
 * published one of the line, a cell before a total, so the grand total is withheld only when it
 * is itself small.
 */
import { SMALL_CELL } from './model.js';

export interface SuppressedTable {
  /** `cells[r][c]`, null where withheld. */
  cells: (number | null)[][];
  rowTotals: (number | null)[];
  columnTotals: (number | null)[];
  total: number | null;
  /** False when a line was left with one withheld value and nothing it may add (only with fixed margins). */
  safe: boolean;
}

/**
 * Margins whose fate another published table decides (true: withheld, false: published). The rule
 * never changes them and adds only cells as complements.
 */
export interface FixedMargins {
  rowTotals: readonly boolean[];
  columnTotals: readonly boolean[];
  total: boolean;
}

/** The full grid with margins: row R holds the column totals, column C the row totals. */
function withMargins(cells: readonly (readonly number[])[], columns: number): number[][] {
  const grid: number[][] = cells.map((row) => {
    const line = Array.from({ length: columns }, (_, c) => row[c] ?? 0);
    return [...line, line.reduce((a, b) => a + b, 0)];
  });
  const totals = Array.from({ length: columns + 1 }, (_, c) => grid.reduce((sum, row) => sum + (row[c] ?? 0), 0));
  grid.push(totals);
  return grid;
}

/** Withholds the cells of `cells` (R x C counts, every row C long) and of its margins below `threshold`, and their complements. */
export function suppressTable(
  cells: readonly (readonly number[])[],
  columns: number,
  threshold: number = SMALL_CELL,
  fixed?: FixedMargins,
): SuppressedTable {
  const R = cells.length;
  const C = columns;
  const grid = withMargins(cells, C);
  const isFixed = ([r, c]: [number, number]): boolean => fixed !== undefined && (r === R || c === C);
  const hidden: boolean[][] = grid.map((row, r) =>
    row.map((v, c) => {
      if (fixed === undefined || (r < R && c < C)) return v < threshold;
      if (r === R && c === C) return fixed.total;
      return r === R ? fixed.columnTotals[c] === true : fixed.rowTotals[r] === true;
    }),
  );
  let safe = true;
  const lines: [number, number][][] = [];
  for (let r = 0; r <= R; r++) lines.push(Array.from({ length: C + 1 }, (_, c): [number, number] => [r, c]));
  for (let c = 0; c <= C; c++) lines.push(Array.from({ length: R + 1 }, (_, r): [number, number] => [r, c]));
  const rank = ([r, c]: [number, number]): number => (r === R ? 1 : 0) + (c === C ? 1 : 0);
  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      const withheld = line.filter(([r, c]) => hidden[r]?.[c] === true).length;
      if (withheld !== 1) continue;
      let best: [number, number] | null = null;
      for (const at of line) {
        const [r, c] = at;
        if (hidden[r]?.[c] === true || isFixed(at)) continue;
        if (best === null) {
          best = at;
          continue;
        }
        const [br, bc] = best;
        const better =
          rank(at) < rank(best) || (rank(at) === rank(best) && (grid[r]?.[c] ?? 0) < (grid[br]?.[bc] ?? 0));
        if (better) best = at;
      }
      if (best === null) {
        // A line of one entry (no rows) gives nothing away; a longer one can be stuck only with fixed margins.
        if (line.length > 1) safe = false;
        continue;
      }
      const [r, c] = best;
      const row = hidden[r];
      if (row !== undefined) row[c] = true;
      changed = true;
    }
  }
  const shown = (r: number, c: number): number | null => (hidden[r]?.[c] === true ? null : (grid[r]?.[c] ?? 0));
  return {
    cells: Array.from({ length: R }, (_, r) => Array.from({ length: C }, (_, c) => shown(r, c))),
    rowTotals: Array.from({ length: R }, (_, r) => shown(r, C)),
    columnTotals: Array.from({ length: C }, (_, c) => shown(R, c)),
    total: shown(R, C),
    safe,
  };
}
