import type { StateOnDate } from './api';

/** The six ways the map, the table and the State page class a State on a date. */
export type StatusCategory =
  'party-in-force' | 'party-not-in-force' | 'signatory' | 'not-party' | 'withdrawn' | 'withdrawal-pending';

export function statusCategory(state: StateOnDate): StatusCategory {
  if (state.status === 'withdrawn') return 'withdrawn';
  if (state.withdrawal.state === 'pending') return 'withdrawal-pending';
  if (state.status === 'state-party') return state.inForce ? 'party-in-force' : 'party-not-in-force';
  return state.status;
}

export const CATEGORY_LABEL: Record<StatusCategory, string> = {
  'party-in-force': 'State Party, in force',
  'party-not-in-force': 'State Party, not yet in force',
  signatory: 'Signatory, not a State Party',
  'not-party': 'Not party',
  withdrawn: 'Withdrawn',
  'withdrawal-pending': 'State Party, withdrawal pending',
};

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

export const CATEGORIES = Object.keys(CATEGORY_LABEL) as StatusCategory[];
