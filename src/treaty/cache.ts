import type { Store } from '../store/database.js';
import { TreatyEngine } from './status.js';
import { factsVersion, loadFacts } from './store.js';

export interface CachedEngine {
  version: number;
  engine: TreatyEngine;
  /** Derived answers kept with the engine they came from (the history series, say). */
  memo: Map<string, unknown>;
}

/**
 * One TreatyEngine per version of the facts: built once, rebuilt only when a write (here or in
 * another process sharing the database) has moved the version.
 */
export class EngineCache {
  private current: CachedEngine | null = null;
  private building: Promise<CachedEngine> | null = null;

  constructor(private readonly store: Store) {}

  async get(): Promise<CachedEngine> {
    const version = await factsVersion(this.store);
    if (this.current?.version === version) return this.current;
    this.building ??= loadFacts(this.store)
      .then((facts) => (this.current = { version, engine: new TreatyEngine(facts), memo: new Map() }))
      .finally(() => (this.building = null));
    return this.building;
  }

  /** Called after a write through this process, so the next read rebuilds at once. */
  invalidate(): void {
    this.current = null;
  }
}

/** Answers derived from one engine, kept at most this many per engine (the history per end date, say). */
const MEMO_LIMIT = 32;

/** `compute()`'s answer, kept in `memo` under `key`; the oldest entry goes when the memo is full. */
export function remember<T>(memo: Map<string, unknown>, key: string, compute: () => T): T {
  if (memo.has(key)) return memo.get(key) as T;
  const value = compute();
  if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value ?? key);
  memo.set(key, value);
  return value;
}
