// States Parties over time: a point on each date a count changes, the first and last dates always.
import { describe, expect, it } from 'vitest';
import { type CalendarDate, parseDate } from '../core/date.js';
import { STATE_CODES } from '../core/states.js';
import { statusHistory } from './history.js';
import type { StateRecord } from './model.js';
import { TreatyEngine } from './status.js';
import { stateRecord } from './test-facts.js';

const d = (text: string): CalendarDate => parseDate(text);

const named = ['EST', 'LKA', 'SSD', 'TON', 'MHL'];
const early: StateRecord[] = STATE_CODES.filter((c) => !named.includes(c))
  .slice(0, 40)
  .map((code) => stateRecord(code, { deposited: '1998-06-29' }));

/**
 * Forty deposits on 29 Jun 1998 (in force 1 Dec 1998). Sri Lanka deposits 13 Dec 2017 (in force
 * 1 Jun 2018). South Sudan's succession is effective 9 Jul 2011, before its deposit of 11 Nov 2011:
 * nothing changes on 9 Jul. On 1 Dec 2025 Estonia's withdrawal takes effect, the Marshall Islands
 * deposit and Tonga enters into force: only the count of withdrawals changes that day (the Marshall
 * Islands are in force from 1 Jun 2026).
 */
function engine(): TreatyEngine {
  const states: StateRecord[] = [
    ...early,
    stateRecord('LKA', { deposited: '2017-12-13', kind: 'accession' }),
    {
      ...stateRecord('SSD', { deposited: '2011-11-11', kind: 'succession' }),
      consent: { kind: 'succession', deposited: d('2011-11-11'), effective: d('2011-07-09'), sources: [] },
    },
    stateRecord('EST', { deposited: '2004-05-12', kind: 'accession', withdrawal: { deposited: d('2025-06-01') } }),
    stateRecord('TON', { deposited: '2025-06-25', kind: 'accession' }),
    stateRecord('MHL', { deposited: '2025-12-01' }),
  ];
  const listed = new Set(states.map((s) => s.iso3));
  const rest = STATE_CODES.filter((c) => !listed.has(c)).map((c) => stateRecord(c));
  return new TreatyEngine({ states: [...states, ...rest], article4: new Map(), article5: new Map() });
}

const row = (date: string, statesParties: number, inForce: number, withdrawn: number) => ({
  date,
  statesParties,
  inForce,
  withdrawn,
});

describe('States Parties over time', () => {
  it('gives a point on each date a count changes, from the first date to the last', () => {
    expect(statusHistory(engine(), d('1997-12-03'), d('2026-01-01'))).toEqual([
      row('1997-12-03', 0, 0, 0),
      row('1998-06-29', 40, 0, 0),
      row('1998-12-01', 40, 40, 0),
      row('2004-05-12', 41, 40, 0),
      row('2004-11-01', 41, 41, 0),
      row('2011-11-11', 42, 42, 0),
      row('2017-12-13', 43, 42, 0),
      row('2018-06-01', 43, 43, 0),
      row('2025-06-25', 44, 43, 0),
      row('2025-12-01', 44, 43, 1),
      row('2026-01-01', 44, 43, 1),
    ]);
  });

  it('keeps to the dates asked, an event on either end included', () => {
    expect(statusHistory(engine(), d('2004-05-12'), d('2017-12-13'))).toEqual([
      row('2004-05-12', 41, 40, 0),
      row('2004-11-01', 41, 41, 0),
      row('2011-11-11', 42, 42, 0),
      row('2017-12-13', 43, 42, 0),
    ]);
    expect(statusHistory(engine(), d('2004-05-13'), d('2017-12-12'))).toEqual([
      row('2004-05-13', 41, 40, 0),
      row('2004-11-01', 41, 41, 0),
      row('2011-11-11', 42, 42, 0),
      row('2017-12-12', 42, 42, 0),
    ]);
    expect(statusHistory(engine(), d('2030-01-01'), d('2030-01-01'))).toEqual([row('2030-01-01', 44, 44, 1)]);
  });

  it('gives a point on the day a withdrawal takes effect, when nothing else happens that day', () => {
    const fin = stateRecord('FIN', {
      deposited: '2012-01-09',
      kind: 'accession',
      withdrawal: { deposited: d('2025-07-10') },
    });
    const listed = new Set([...early.map((s) => s.iso3), 'FIN']);
    const rest = STATE_CODES.filter((c) => !listed.has(c)).map((c) => stateRecord(c));
    const e = new TreatyEngine({ states: [...early, fin, ...rest], article4: new Map(), article5: new Map() });
    expect(statusHistory(e, d('2026-01-01'), d('2026-02-01'))).toEqual([
      row('2026-01-01', 41, 41, 0),
      row('2026-01-10', 40, 40, 1),
      row('2026-02-01', 40, 40, 1),
    ]);
  });
});
