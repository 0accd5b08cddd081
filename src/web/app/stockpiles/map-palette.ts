/** The stockpiles map's colours: one per Article 4 state (Okabe-Ito, safe for colour-blind readers). */
import type { Article4State } from './stockpile-words';

export const ARTICLE4_COLOUR: Record<Article4State, string> = {
  'no-stockpile': '#56B4E9',
  met: '#009E73',
  missed: '#D55E00',
  open: '#E69F00',
  unknown: '#8C8C8C',
};

export const ARTICLE4_ORDER: readonly Article4State[] = ['no-stockpile', 'met', 'open', 'missed', 'unknown'];
