import { describe, expect, it } from 'vitest';
import { type CalendarDate, parseDate } from '../core/date.js';
import { article4StateOn, destroyedBy } from './article4.js';
import type { LedgerEntry } from './model.js';
import { stateRecord } from '../treaty/test-facts.js';
import { TreatyEngine } from '../treaty/status.js';
import { withArticle4 } from './article4-record.js';
import { ledger, testEngine } from './test-ledgers.js';

const d = (text: string): CalendarDate => parseDate(text);
const DEADLINE = d('2008-03-01');
const l = ledger('GRC');

describe('article4StateOn: the Article 4 state on a date (deadline 1 Mar 2008)', () => {
  const cases: [string, LedgerEntry[], string, string | null][] = [
    ['no deadline (not bound)', [], '2008-03-01', null],
    ['declared none held', [l.noneHeld('2004-08-01')], '2010-01-01', 'no-stockpile'],
    ['declared none held, before the deadline', [l.noneHeld('2004-08-01')], '2005-01-01', 'no-stockpile'],
    ['nothing known, deadline ahead', [], '2007-12-31', 'open'],
    ['nothing known, on the deadline day', [], '2008-03-01', 'open'],
    ['nothing known, the day after', [], '2008-03-02', 'unknown'],
    ['completed on the deadline day: met', [l.completed('2008-03-01')], '2008-03-02', 'met'],
    ['completed on the deadline day, asked that day', [l.completed('2008-03-01')], '2008-03-01', 'met'],
    ['completed the day after: missed', [l.completed('2008-03-02')], '2008-03-02', 'missed'],
    [
      'completed the day after, asked on the deadline day: still open',
      [l.completed('2008-03-02')],
      '2008-03-01',
      'open',
    ],
    ['late completion stays missed', [l.completed('2017-04-05')], '2020-01-01', 'missed'],
    ['late completion, asked before it: missed', [l.completed('2017-04-05')], '2010-01-01', 'missed'],
    ['completed before the deadline, asked before it completed', [l.completed('2006-05-01')], '2006-01-01', 'open'],
    ['completed before the deadline, asked after it completed', [l.completed('2006-05-01')], '2006-05-01', 'met'],
    ['completion known by its month, within the deadline month', [l.completed('2008-03')], '2009-01-01', 'unknown'],
    ['completion known by its month, before the deadline month', [l.completed('2008-02')], '2009-01-01', 'met'],
    ['completion known by its year, after the deadline year', [l.completed('2009')], '2010-01-01', 'missed'],
    ['completion between two dates before the deadline', [l.completed('2003-02-06', '2002-09')], '2009-01-01', 'met'],
    ['a source says missed', [l.stated('2008-04-02', false)], '2008-03-02', 'missed'],
    ['a source says met', [l.stated('2008-04-02', true)], '2008-03-02', 'met'],
    ['stock declared after the deadline', [l.declared('2008-04-02', 1_600_000)], '2008-03-02', 'missed'],
    ['stock of unknown size declared after the deadline', [l.declared('2008-04-02', null)], '2009-01-01', 'missed'],
    ['destruction after the deadline', [l.declared('2005', 10), l.destroyed('2008-03-02', 10)], '2009-01-01', 'missed'],
    ['stock remaining on the deadline day', [l.declared('2005', 10), l.destroyed('2006', 5)], '2008-03-02', 'missed'],
    [
      'destroyed to zero on the deadline day',
      [l.declared('2005', 10), l.destroyed('2008-03-01', 10)],
      '2008-03-02',
      'met',
    ],
    [
      'destroyed to zero, asked before the deadline',
      [l.declared('2005', 10), l.destroyed('2006-01-01', 10)],
      '2007-01-01',
      'met',
    ],
    [
      'stock found on the deadline day counts under the deadline',
      [l.completed('2007'), l.found('2008-03-01', 3)],
      '2008-03-02',
      'met',
    ],
    // Stock held after the deadline, with no completion to decide (heldAfter).
    [
      'a stock of unknown size declared before the deadline: not known',
      [l.declared('2005', null)],
      '2009-01-01',
      'unknown',
    ],
    ['a stock of unknown size declared on the deadline day', [l.declared('2008-03-01', null)], '2009-01-01', 'unknown'],
    ['no stock declared after the deadline', [l.declared('2008-04-02', 0)], '2009-01-01', 'unknown'],
    ['no stock declared before the deadline', [l.declared('2005', 0)], '2009-01-01', 'unknown'],
    [
      'some of a stock of unknown size destroyed after the deadline',
      [l.declared('2005', null), l.destroyed('2008-06', 5)],
      '2009-01-01',
      'missed',
    ],
    [
      'some of a stock of unknown size transferred after the deadline',
      [l.declared('2005', null), l.transferred('2008-06', 5)],
      '2009-01-01',
      'missed',
    ],
    [
      'some of a stock of unknown size destroyed on the deadline day',
      [l.declared('2005', null), l.destroyed('2008-03-01', 5)],
      '2009-01-01',
      'unknown',
    ],
    [
      'some of a stock of unknown size destroyed before the deadline',
      [l.declared('2005', null), l.destroyed('2006', 5)],
      '2009-01-01',
      'unknown',
    ],
    [
      'stock found after the deadline does not change the state',
      [l.completed('2007'), l.found('2009-08-31', 3)],
      '2010-01-01',
      'met',
    ],
  ];
  it.each(cases)('%s', (_name, entries, asOf, expected) => {
    expect(article4StateOn(entries, _name.startsWith('no deadline') ? null : DEADLINE, d(asOf))).toBe(expected);
  });
  // The treaty engine's mark comes from the same ledger (article4-record.ts): one rule, one answer.
  // Greece deposited 25 Sep 2003: in force 1 Mar 2004, deadline 1 Mar 2008.
  it.each(cases.filter(([, , , expected]) => expected !== null))(
    'the treaty engine agrees: %s',
    (_name, entries, asOf, expected) => {
      const engine = testEngine([stateRecord('GRC', { deposited: '2003-09-25' })]);
      const withLedger = new TreatyEngine(withArticle4(engine, new Map([['GRC', entries]])));
      expect(withLedger.state('GRC', d(asOf))?.article4).toMatchObject({ deadline: '2008-03-01', state: expected });
    },
  );
});

describe('destroyedBy', () => {
  it('is true from the completion, whether in time or late', () => {
    expect(destroyedBy([l.completed('2017-04-05')], DEADLINE, d('2017-04-04'))).toBe(false);
    expect(destroyedBy([l.completed('2017-04-05')], DEADLINE, d('2017-04-05'))).toBe(true);
  });
  it('is true once a source says the deadline was met', () => {
    expect(destroyedBy([l.stated('2003-02-06', true)], DEADLINE, d('2003-02-06'))).toBe(true);
    expect(destroyedBy([l.stated('2003-02-06', true)], DEADLINE, d('2003-02-05'))).toBe(false);
  });
  it('is true once any source says the deadline was met, whatever another says', () => {
    const entries = [l.stated('2003-02-06', true), l.stated('2008-04-02', false)];
    expect(destroyedBy(entries, DEADLINE, d('2003-02-06'))).toBe(true);
  });
  it('is true after the deadline where the Article 4 state is met, by a statement not yet known', () => {
    expect(destroyedBy([l.stated('2010', true)], DEADLINE, d('2009-01-01'))).toBe(true);
    expect(destroyedBy([l.stated('2010', true)], DEADLINE, d('2008-03-01'))).toBe(false);
  });
  it('is false with a missed deadline and no completion', () => {
    expect(destroyedBy([l.stated('2008-04-02', false)], DEADLINE, d('2020-01-01'))).toBe(false);
  });
});
