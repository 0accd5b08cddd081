import type { StateOnDate } from './api';
import { t } from './i18n';

/** The six ways the map, the table and the State page class a State on a date. */
export type StatusCategory =
  'party-in-force' | 'party-not-in-force' | 'signatory' | 'not-party' | 'withdrawn' | 'withdrawal-pending';

export function statusCategory(state: StateOnDate): StatusCategory {
  if (state.status === 'withdrawn') return 'withdrawn';
  if (state.withdrawal.state === 'pending') return 'withdrawal-pending';
  if (state.status === 'state-party') return state.inForce ? 'party-in-force' : 'party-not-in-force';
  return state.status;
}

const CATEGORY_KEY = {
  'party-in-force': 'web:category.party-in-force',
  'party-not-in-force': 'web:category.party-not-in-force',
  signatory: 'web:category.signatory',
  'not-party': 'web:category.not-party',
  withdrawn: 'web:category.withdrawn',
  'withdrawal-pending': 'web:category.withdrawal-pending',
} as const satisfies Record<StatusCategory, string>;

/** The category in words: "State Party, in force". */
export const categoryLabel = (category: StatusCategory): string => t(CATEGORY_KEY[category]);

/**
 * Map fills, from the Okabe-Ito palette (distinct for the common colour-vision deficiencies).
 * Every fill is outlined in dark grey, and each differs from the sea by at least 3:1 or by its outline.
 */
export const CATEGORY_COLOUR: Record<StatusCategory, string> = {
  'party-in-force': '#0072B2',
  'party-not-in-force': '#56B4E9',
  signatory: '#E69F00',
  'not-party': '#D55E00',
  withdrawn: '#6B2E5F',
  'withdrawal-pending': '#CC79A7',
};

/** Land that is not one of the 197 States (territories, Antarctica, areas without an ISO code). */
export const OTHER_LAND_COLOUR = '#E4E4E4';

export const CATEGORIES = Object.keys(CATEGORY_KEY) as StatusCategory[];
