/**
 * The stockpile pages in words: quantities as the sources gave them ("about 3.4 million mines"),
 * each Article 4 state with what it means, mine types and retention purposes.
 */
import type { StateStockpile } from '../api';
import { figureWords } from '../figure-words';
import { t } from '../i18n';

export type Article4State = NonNullable<StateStockpile['state']>;
export type DueState = StateStockpile['foundAfterDeadline'][number]['state'];
type Qualifier = NonNullable<StateStockpile['declared']>['qualifier'];
type Purpose = StateStockpile['retained'][number]['purpose'];

/** "about 3.4 million mines"; "number not stated" when the source gives none. */
export function minesWords(quantity: number | null, qualifier: Qualifier = 'exact'): string {
  if (quantity === null) return t('web:stockpiles.quantityNotStated');
  return figureWords({ value: quantity, qualifier, unit: 'mines' });
}

/** Symbol and word of each state: never colour alone. */
export const STATE_MARK = {
  'no-stockpile': { symbol: '○', text: 'web:stockpiles.state.no-stockpile' },
  met: { symbol: '✓', text: 'web:stockpiles.state.met' },
  missed: { symbol: '✗', text: 'web:stockpiles.state.missed' },
  open: { symbol: '…', text: 'web:stockpiles.state.open' },
  unknown: { symbol: '?', text: 'web:stockpiles.state.unknown' },
} as const satisfies Record<Article4State, { symbol: string; text: string }>;

/** What each state means, in one sentence. */
export const STATE_MEANING = {
  'no-stockpile': 'web:stockpiles.meaning.no-stockpile',
  met: 'web:stockpiles.meaning.met',
  missed: 'web:stockpiles.meaning.missed',
  open: 'web:stockpiles.meaning.open',
  unknown: 'web:stockpiles.meaning.unknown',
} as const satisfies Record<Article4State, string>;

/** The states of a due date of its own (stock found after the deadline). */
export const DUE_MARK = {
  met: { symbol: '✓', text: 'web:stockpiles.due.met' },
  missed: { symbol: '✗', text: 'web:stockpiles.due.missed' },
  open: { symbol: '…', text: 'web:stockpiles.due.open' },
  unknown: { symbol: '?', text: 'web:stockpiles.due.unknown' },
} as const satisfies Record<DueState, { symbol: string; text: string }>;

const PURPOSE = {
  training: 'web:stockpiles.purpose.training',
  development: 'web:stockpiles.purpose.development',
  research: 'web:stockpiles.purpose.research',
  unspecified: 'web:stockpiles.purpose.unspecified',
} as const satisfies Record<Purpose, string>;

export const purposeWords = (purpose: Purpose): string => t(PURPOSE[purpose]);

/** A mine type as the source named it; "not stated" for `unspecified`. */
export const mineTypeWords = (type: string): string =>
  type === 'unspecified' ? t('web:stockpiles.typeNotStated') : type;
