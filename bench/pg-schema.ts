/** A schema of its own on the benchmarks' PostgreSQL for one run, dropped after it. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const BENCH_PG_URL = process.env.MINEFREE_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

async function onAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: BENCH_PG_URL });
  try {
    await client.connect();
    await client.query(statement);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A new schema named `<prefix>_<random>`, or null when PostgreSQL cannot be reached (the bench says "not measured"). */
export async function createBenchSchema(prefix: string): Promise<{ schema: string; drop: () => Promise<void> } | null> {
  const schema = `${prefix}_${randomBytes(4).toString('hex')}`;
  try {
    await onAdmin(`create schema ${schema}`);
  } catch {
    return null;
  }
  return { schema, drop: () => onAdmin(`drop schema ${schema} cascade`) };
}
