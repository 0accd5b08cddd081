// Small, hand-made ledgers and an engine for rule tests (not reference data).
import { STATE_CODES, type StateCode } from '../core/states.js';
import type { PartialDate } from '../core/partial-date.js';
import type { StateRecord } from '../treaty/model.js';
import { TreatyEngine } from '../treaty/status.js';
import { stateRecord } from '../treaty/test-facts.js';
import type {
  CompletedEntry,
  DeclaredEntry,
  DestroyedEntry,
  FoundEntry,
  NoneHeldEntry,
  RetainedEntry,
  StatedEntry,
  TransferredEntry,
} from './model.js';

const p = (text: string): PartialDate => text as PartialDate;
const base = (iso3: StateCode) => ({ iso3, sources: ['S30'], notes: '' });

export const ledger = (iso3: StateCode = 'GRC') => ({
  declared: (
    date: string,
    quantity: number | null,
    mineType: DeclaredEntry['mineType'] = 'unspecified',
  ): DeclaredEntry => ({
    ...base(iso3),
    kind: 'declared',
    date: p(date),
    quantity,
    qualifier: 'exact',
    mineType,
  }),
  noneHeld: (date: string): NoneHeldEntry => ({ ...base(iso3), kind: 'none-held', date: p(date) }),
  destroyed: (date: string, quantity: number | null, from: string | null = null): DestroyedEntry => ({
    ...base(iso3),
    kind: 'destroyed',
    from: from === null ? null : p(from),
    date: p(date),
    quantity,
    qualifier: 'exact',
    mineType: 'unspecified',
    method: null,
    place: null,
  }),
  transferred: (date: string, quantity: number | null): TransferredEntry => ({
    ...base(iso3),
    kind: 'transferred',
    date: p(date),
    quantity,
    qualifier: 'exact',
    mineType: 'unspecified',
    recipient: null,
  }),
  found: (date: string, quantity: number | null, destroyed: string | null = null): FoundEntry => ({
    ...base(iso3),
    kind: 'found',
    date: p(date),
    quantity,
    qualifier: 'exact',
    mineType: 'unspecified',
    destroyed: destroyed === null ? null : p(destroyed),
  }),
  completed: (date: string, from: string | null = null): CompletedEntry => ({
    ...base(iso3),
    kind: 'completed',
    from: from === null ? null : p(from),
    date: p(date),
  }),
  stated: (date: string, met: boolean): StatedEntry => ({ ...base(iso3), kind: 'stated', date: p(date), met }),
  retained: (year: number, held: number, consumed: number | null = 0): RetainedEntry => ({
    ...base(iso3),
    kind: 'retained',
    year,
    held,
    consumed,
    purpose: 'training',
    qualifier: 'exact',
  }),
});

/**
 * Forty deposits on 29 Jun 1998 put the Convention in force on 1 Dec 1998 (Article 4 deadline
 * 1 Dec 2002 for them); `states` adds or overrides a few.
 */
export function testEngine(states: StateRecord[] = []): TreatyEngine {
  const named = new Set(states.map((s) => s.iso3));
  const early = STATE_CODES.filter((c) => !named.has(c))
    .slice(0, 40)
    .map((c) => stateRecord(c, { signed: '1997-12-03', deposited: '1998-06-29' }));
  const taken = new Set([...named, ...early.map((s) => s.iso3)]);
  const rest = STATE_CODES.filter((c) => !taken.has(c)).map((c) => stateRecord(c));
  return new TreatyEngine({ states: [...early, ...states, ...rest], article4: new Map(), article5: new Map() });
}
