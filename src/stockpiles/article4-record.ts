/**
 * The treaty engine's Article 4 facts, derived from the stockpile ledger: the ledger is the one
 * table of Article 4 completions (issue 14), and the engine answers `minefree states`,
 * `deadlines --article 4` and the fact sheets from what this gives it. No I/O here.
 */
import type { CalendarDate } from '../core/date.js';
import type { SourceId } from '../core/source.js';
import type { StateCode } from '../core/states.js';
import { article4Deadline } from '../treaty/article4.js';
import type { Article4Record } from '../treaty/model.js';
import type { TreatyEngine, TreatyFacts } from '../treaty/status.js';
import { article4AfterDeadline } from './article4.js';
import { entriesOf } from './ledger.js';
import type { LedgerEntry } from './model.js';
import { completionOf } from './remaining.js';

/** Entries about stock and its destruction (their sources back the record); retained mines (Art. 3) are not. */
const DECIDING = new Set<LedgerEntry['kind']>([
  'declared',
  'none-held',
  'destroyed',
  'transferred',
  'completed',
  'stated',
]);

/** A State's record, for its Article 4 deadline (`null`: no ledger entry decides anything). */
export function article4Record(
  iso3: StateCode,
  entries: readonly LedgerEntry[],
  deadline: CalendarDate,
): Article4Record | null {
  const deciding = entries.filter((e) => DECIDING.has(e.kind));
  if (deciding.length === 0) return null;
  const noStockpile = entriesOf(entries, 'none-held').length > 0;
  const sources = new Set<SourceId>(deciding.flatMap((e) => e.sources));
  const noted = deciding.filter((e) => e.kind === 'completed' || e.kind === 'none-held' || e.kind === 'stated');
  return {
    iso3,
    noStockpile,
    // The same entries the ledger's own rule reads (`article4StateOn`), so both give one answer.
    completed: noStockpile ? null : (completionOf(entries)?.date ?? null),
    afterDeadline: noStockpile ? 'unknown' : article4AfterDeadline(entries, deadline),
    notes: [...new Set(noted.map((e) => e.notes.trim()).filter((n) => n !== ''))].join(' '),
    sources: [...sources].sort(),
  };
}

/**
 * `engine`'s facts with their Article 4 records made from `ledgers` (any records it had are
 * replaced; entry into force does not depend on them). A State not bound by the Convention has
 * no deadline, so no record.
 */
export function withArticle4(
  engine: TreatyEngine,
  ledgers: ReadonlyMap<StateCode, readonly LedgerEntry[]>,
): TreatyFacts {
  const article4 = new Map<StateCode, Article4Record>();
  for (const [iso3, entries] of [...ledgers].sort(([a], [b]) => a.localeCompare(b))) {
    const eif = engine.entryIntoForce(iso3);
    if (eif === null) continue;
    const record = article4Record(iso3, entries, article4Deadline(eif));
    if (record !== null) article4.set(iso3, record);
  }
  return { ...engine.facts, article4 };
}
