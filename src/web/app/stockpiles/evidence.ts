/**
 * Which ledger entries a State's Article 4 state rests on, so the page can cite their sources
 * (src/stockpiles/README.md, "Article 4 state"): the declaration of none held; a completion by the
 * deadline; stock declared, destroyed, transferred or completed after it; a source's statement.
 */
import type { LedgerEntryJson } from '../api';
import { earliestDay, latestDay } from './partial-dates';
import type { Article4State } from './stockpile-words';

function dateOf(entry: LedgerEntryJson): string | null {
  return entry.kind === 'retained' ? null : entry.date;
}

/** The sources of the entries known on `asOf` that settle `state`, each once, in ledger order. */
export function stateEvidence(
  state: Article4State | null,
  deadline: string | null,
  entries: readonly LedgerEntryJson[],
  asOf: string,
): string[] {
  if (state === null || deadline === null) return [];
  const known = entries.filter((e) => {
    const date = dateOf(e);
    return date !== null && latestDay(date) <= asOf;
  });
  const settles = (e: LedgerEntryJson): boolean => {
    const date = dateOf(e);
    if (date === null) return false;
    switch (state) {
      case 'no-stockpile':
        return e.kind === 'none-held';
      case 'met':
        return (e.kind === 'stated' && e.met) || (e.kind === 'completed' && latestDay(date) <= deadline);
      case 'missed':
        return (
          (e.kind === 'stated' && !e.met) ||
          ((e.kind === 'declared' || e.kind === 'destroyed' || e.kind === 'transferred' || e.kind === 'completed') &&
            earliestDay(date) > deadline)
        );
      default:
        return false;
    }
  };
  const ids: string[] = [];
  for (const entry of known.filter(settles)) for (const id of entry.sources) if (!ids.includes(id)) ids.push(id);
  return ids;
}
