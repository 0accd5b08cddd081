import { describe, expect, it } from 'vitest';
import { parseDate } from '../core/date.js';
import type { StateCode } from '../core/states.js';
import { stateRecord } from '../treaty/test-facts.js';
import { TreatyEngine } from '../treaty/status.js';
import { article4Record, withArticle4 } from './article4-record.js';
import type { LedgerEntry } from './model.js';
import { ledger, testEngine } from './test-ledgers.js';

const d = parseDate;
const DEADLINE = d('2008-03-01');
const l = ledger('GRC');
const cited = <T extends LedgerEntry>(entry: T, sources: string[], notes = ''): T => ({ ...entry, sources, notes });

describe('article4Record: what the treaty engine keeps of a ledger', () => {
  it('is null where no entry is about stock (retained mines alone decide nothing)', () => {
    expect(article4Record('GRC', [], DEADLINE)).toBeNull();
    expect(article4Record('GRC', [l.retained(2010, 100)], DEADLINE)).toBeNull();
  });

  it('keeps the completion and the mark after the deadline, with the sources of the entries about stock', () => {
    // Notes: of the completion and the statements only, in ledger order, empty ones left out.
    const entries = [
      cited(l.stated('2008-04-02', false), ['S337', 'S30'], 'Missed its deadline.'),
      cited(l.declared('2008-04-02', 1_600_000), ['S30'], '1.6 million in April 2008.'),
      cited(l.stated('2009', false), ['S36']),
      cited(l.completed('2017-04-05'), ['S31'], 'Declared by the Ministry of Defence.'),
      cited(l.retained(2010, 100), ['K1'], 'Retained.'),
    ];
    expect(article4Record('GRC', entries, DEADLINE)).toEqual({
      iso3: 'GRC',
      noStockpile: false,
      completed: '2017-04-05',
      afterDeadline: 'missed',
      notes: 'Missed its deadline. Declared by the Ministry of Defence.',
      sources: ['S30', 'S31', 'S337', 'S36'],
    });
  });

  it('counts the destruction that emptied the declared stock as the completion', () => {
    const entries = [l.declared('2005', 10), l.destroyed('2006-05-31', 10)];
    expect(article4Record('GRC', entries, DEADLINE)).toMatchObject({ completed: '2006-05-31', afterDeadline: 'met' });
  });

  it('says no stockpile, with no completion, where the State declared it held none', () => {
    const entries = [cited(l.noneHeld('2004-08-01'), ['K101'], 'None held.')];
    expect(article4Record('GRC', entries, DEADLINE)).toEqual({
      iso3: 'GRC',
      noStockpile: true,
      completed: null,
      afterDeadline: 'unknown',
      notes: 'None held.',
      sources: ['K101'],
    });
  });

  it('writes a note said twice once', () => {
    const entries = [
      cited(l.stated('2008-04-02', true), ['S30'], ' Met. '),
      cited(l.stated('2009', true), ['S36'], 'Met.'),
    ];
    expect(article4Record('GRC', entries, DEADLINE)?.notes).toBe('Met.');
  });
});

describe('withArticle4: the facts with a record for every bound State that has a ledger', () => {
  // Built inside each test: mutation testing activates its mutants there, not while the file loads.
  const build = (ledgers: [StateCode, LedgerEntry[]][]) => {
    const engine = testEngine([stateRecord('GRC', { deposited: '2003-09-25' }), stateRecord('USA')]);
    return { engine, facts: withArticle4(engine, new Map(ledgers)) };
  };

  it('gives each bound State its record against its own deadline, in code order, and none to a State never bound', () => {
    const { engine, facts } = build([
      ['USA', [l.completed('2000')]],
      ['GRC', [l.completed('2009')]],
      ['AFG', [l.completed('2001')]],
    ]);
    expect([...facts.article4.keys()]).toEqual(['AFG', 'GRC']);
    expect(facts.article4.get('GRC')).toMatchObject({ completed: '2009', afterDeadline: 'missed' });
    // AFG is among the forty of 29 Jun 1998: in force 1 Dec 1998, deadline 1 Dec 2002.
    expect(engine.state('AFG', d('2003-01-01'))?.article4.deadline).toBe('2002-12-01');
    expect(facts.article4.get('AFG')).toMatchObject({ completed: '2001', afterDeadline: 'met' });
    expect(facts.states).toBe(engine.facts.states);
    expect(facts.article5).toBe(engine.facts.article5);
  });

  it('keeps no record where the ledger holds nothing about stock', () => {
    expect(build([['GRC', [l.retained(2010, 100)]]]).facts.article4.size).toBe(0);
  });

  it('replaces the records it was given', () => {
    const again = withArticle4(new TreatyEngine(build([['GRC', [l.completed('2009')]]]).facts), new Map());
    expect(again.article4.size).toBe(0);
    expect(new TreatyEngine(again).state('GRC', d('2009-01-01'))?.article4.state).toBe('unknown');
  });
});
