/**
 * Errors users can act on: each names where the problem is and what was expected
 * ("data/states.csv, line 12, column 4 (ratified_or_acceded): expected ...").
 */
export interface DataProblem {
  file: string;
  line: number;
  column: number | null;
  field: string | null;
  expected: string;
  found: string | null;
}

export function describeProblem(p: DataProblem): string {
  const where = [p.file, `line ${p.line}`];
  if (p.column !== null) where.push(`column ${p.column}${p.field ? ` (${p.field})` : ''}`);
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
