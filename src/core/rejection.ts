/**
 * A write the store refuses because it would leave facts the engine cannot read (a second
 * consent for a State, a deposit before the Convention opened, an unknown source). Routes turn
 * it into a problem+json naming `field`: `not-found` is a 404, `conflict` a 409, `invalid` a 422.
 */
export type RejectionReason = 'not-found' | 'conflict' | 'invalid';

export class RejectedWriteError extends Error {
  constructor(
    readonly reason: RejectionReason,
    /** The input field at fault (`iso3`, `deposited`, `sources`), or null for the whole input. */
    readonly field: string | null,
    readonly expected: string,
    readonly found: string | null = null,
  ) {
    super(`${field ?? 'input'}: expected ${expected}${found === null ? '' : `, found "${found}"`}`);
    this.name = 'RejectedWriteError';
  }
}

/** A unique or primary key the database refused (SQLite and PostgreSQL word it differently). */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Error) || !('code' in error)) return false;
  return (
    error.code === '23505' || error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/** A refusal for the first of `problems`, its count saying there are more. */
export function rejectionOf(
  problems: readonly { field: string | null; expected: string }[],
  reason: RejectionReason = 'invalid',
): RejectedWriteError {
  const [first] = problems;
  if (first === undefined) throw new Error('no problem to report');
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return new RejectedWriteError(reason, first.field, `${first.expected}${more}`);
}
