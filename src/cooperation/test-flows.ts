/** Small funding flows for tests: a US$ disbursement from Norway to Cambodia for clearance in 2015, changed by `over`. */
import type { CalendarDate } from '../core/date.js';
import type { FundingFlow } from './model.js';

export const NORWAY = { id: 'NOR', name: 'Norway', kind: 'state' } as const;
export const UNMAS = { id: 'UNMAS', name: 'United Nations Mine Action Service', kind: 'institution' } as const;

export function flow(over: Partial<FundingFlow> = {}): FundingFlow {
  const usd = over.usd ?? over.amount ?? 1_000_000;
  return {
    donor: NORWAY,
    recipient: 'KHM',
    channel: 'bilateral',
    via: null,
    sector: 'clearance-risk-education',
    year: 2015,
    type: 'disbursement',
    funding: 'international',
    amount: usd,
    currency: 'USD',
    exchangeRate: null,
    rateSource: null,
    usd,
    reversal: false,
    doubleCounted: false,
    published: '2016-11-22' as CalendarDate,
    iati: null,
    sources: ['S95'],
    notes: '',
    ...over,
  };
}
