/**
 * What a database refused, read from SQLite's and PostgreSQL's error codes and messages alike:
 * a unique key, a foreign key, a CHECK or NOT NULL constraint, a value out of the column's range
 * or too long, or text it cannot store. The HTTP kit turns it into a 409 or 422 problem; nothing
 * here knows a table of a pillar.
 */

export type RefusalKind = 'unique' | 'foreign-key' | 'check' | 'not-null' | 'out-of-range' | 'too-long' | 'bad-text';

export interface DatabaseRefusal {
  kind: RefusalKind;
  /** Columns named by the database (`id`, `source_id`), in order; empty when it names none. */
  columns: string[];
  /** The constraint's name when the database gives it (`reported_figures_value_finite`). */
  constraint: string | null;
  table: string | null;
}

const PG_KINDS: Record<string, RefusalKind> = {
  '23505': 'unique',
  '23503': 'foreign-key',
  '23514': 'check',
  '23502': 'not-null',
  '22003': 'out-of-range', // numeric_value_out_of_range
  '22008': 'out-of-range', // datetime_field_overflow
  '22001': 'too-long', // string_data_right_truncation
  '54000': 'too-long', // program_limit_exceeded: an index row too large
  '22021': 'bad-text', // character_not_in_repertoire (a NUL)
  '22P05': 'bad-text', // untranslatable_character (\u0000 in jsonb)
  '22P02': 'bad-text', // invalid_text_representation
};

const SQLITE_KINDS: Record<string, RefusalKind> = {
  SQLITE_CONSTRAINT_UNIQUE: 'unique',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'unique',
  SQLITE_CONSTRAINT_FOREIGNKEY: 'foreign-key',
  SQLITE_CONSTRAINT_CHECK: 'check',
  SQLITE_CONSTRAINT_NOTNULL: 'not-null',
  SQLITE_TOOBIG: 'too-long',
  SQLITE_MISMATCH: 'out-of-range',
};

function text(error: object, key: string): string | null {
  const value = (error as Record<string, unknown>)[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** PostgreSQL's detail `Key (iso3, kind)=(NZL, withdrawal) already exists.` → [iso3, kind]. */
function pgKeyColumns(detail: string | null): string[] {
  const match = /^Key \(([^)]*)\)=/.exec(detail ?? '');
  return match?.[1] === undefined ? [] : match[1].split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
}

/** SQLite's `UNIQUE constraint failed: sources.id, sources.x` → [id, x]; `CHECK constraint failed: name` → the name. */
function sqliteParts(message: string): { columns: string[]; constraint: string | null; table: string | null } {
  const after = /constraint failed: (.*)$/.exec(message)?.[1]?.trim() ?? '';
  if (after === '') return { columns: [], constraint: null, table: null };
  const qualified = after.split(',').map((part) => part.trim());
  if (qualified.every((part) => /^\w+\.\w+$/.test(part))) {
    return {
      columns: qualified.map((part) => part.split('.')[1] ?? part),
      constraint: null,
      table: qualified[0]?.split('.')[0] ?? null,
    };
  }
  return { columns: [], constraint: /^\w+$/.test(after) ? after : null, table: null };
}

/** The refusal this error reports, or null when it is not a database's refusal of the data. */
export function databaseRefusal(error: unknown): DatabaseRefusal | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = text(error, 'code');
  if (code === null) return null;
  const pgKind = PG_KINDS[code];
  if (pgKind !== undefined && text(error, 'severity') !== null) {
    const column = text(error, 'column');
    return {
      kind: pgKind,
      columns: column !== null ? [column] : pgKeyColumns(text(error, 'detail')),
      constraint: text(error, 'constraint'),
      table: text(error, 'table'),
    };
  }
  const sqliteKind = SQLITE_KINDS[code];
  if (sqliteKind !== undefined) return { kind: sqliteKind, ...sqliteParts(text(error, 'message') ?? '') };
  return null;
}
