/**
 * Errors users can act on: each names where the problem is and what was expected
 * ("data/states.csv, line 12, column 4 (ratified_or_acceded): expected ...").
 */
export interface DataProblem {
  file: string;
  /** The sheet of a spreadsheet (then `line` is its row number); absent for a text file. */
  sheet?: string;
  line: number;
  column: number | null;
  field: string | null;
  expected: string;
  found: string | null;
}

/** A spreadsheet's name of a column: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export function describeProblem(p: DataProblem): string {
  const where = p.sheet === undefined ? [p.file, `line ${p.line}`] : [p.file, `sheet "${p.sheet}"`, `row ${p.line}`];
  if (p.column !== null)
    where.push(`column ${p.sheet === undefined ? p.column : columnLetters(p.column)}${p.field ? ` (${p.field})` : ''}`);
  else if (p.field) where.push(`field ${p.field}`);
  const found = p.found === null ? '' : `, found "${p.found}"`;
  return `${where.join(', ')}: expected ${p.expected}${found}`;
}

/** Reference data that breaks a rule. Carries every problem found, not just the first. */
export class DataError extends Error {
  constructor(readonly problems: readonly DataProblem[]) {
    super(problems.map(describeProblem).join('\n'));
    this.name = 'DataError';
  }
}

/** A command-line or request argument that is not what was expected. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
