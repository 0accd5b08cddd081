/**
 * Building blocks of migrations: CHECK constraints and id columns written once for both
 * engines. They are plumbing and never change meaning; a migration still writes its value
 * lists out as literals, so an old migration does not move when the model does.
 */
import { type ColumnDefinitionBuilder, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DialectName } from './database.js';

/** `column in ('a', 'b')`. */
export const oneOf = (column: string, values: readonly string[]): RawBuilder<SqlBool> =>
  sql<SqlBool>`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;

export type DatePrecision = 'year' | 'month' | 'day';

/** TEXT shaped like a date at one of the given precisions (YYYY, YYYY-MM, YYYY-MM-DD), or null. */
export function dateShape(
  dialect: DialectName,
  column: string,
  precisions: readonly DatePrecision[],
): RawBuilder<SqlBool> {
  const ref = sql.ref(column);
  const glob = {
    year: '[0-9][0-9][0-9][0-9]',
    month: '[0-9][0-9][0-9][0-9]-[0-9][0-9]',
    day: '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]',
  };
  const regex = { year: '\\d{4}', month: '\\d{4}-\\d{2}', day: '\\d{4}-\\d{2}-\\d{2}' };
  if (dialect === 'sqlite') {
    return sql<SqlBool>`${ref} is null or ${sql.join(
      precisions.map((p) => sql`${ref} glob ${sql.lit(glob[p])}`),
      sql` or `,
    )}`;
  }
  return sql<SqlBool>`${ref} is null or ${ref} ~ ${sql.lit(`^(${precisions.map((p) => regex[p]).join('|')})$`)}`;
}

/** TEXT shaped YYYY-MM-DD, or null. */
export const dayShape = (dialect: DialectName, column: string): RawBuilder<SqlBool> =>
  dateShape(dialect, column, ['day']);
/** TEXT shaped YYYY, YYYY-MM or YYYY-MM-DD, or null. */
export const partialDateShape = (dialect: DialectName, column: string): RawBuilder<SqlBool> =>
  dateShape(dialect, column, ['year', 'month', 'day']);

/** An integer primary key the database numbers: AUTOINCREMENT in SQLite, an identity in PostgreSQL. */
export function idColumn(dialect: DialectName): (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  return (c) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity());
}
