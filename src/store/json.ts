/** Lists kept as JSON text: one code path for SQLite and PostgreSQL. */
import type { SourceId } from '../core/source.js';

export function sourceIdsJson(ids: readonly SourceId[]): string {
  return JSON.stringify(ids);
}

export function parseSourceIds(text: string): SourceId[] {
  const value: unknown = JSON.parse(text);
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) {
    throw new Error(`stored sources are not a list of source ids: ${text}`);
  }
  return value;
}

/** JSON text of an audit snapshot, or null for "nothing" (before a create, after a delete). */
export function snapshotJson(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

export function parseSnapshot(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}
