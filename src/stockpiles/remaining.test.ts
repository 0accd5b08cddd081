import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CalendarDate, addDays, parseDate } from '../core/date.js';
import type { LedgerEntry } from './model.js';
import { completionOf, remainingAsDeclaredOn, remainingOn } from './remaining.js';
import { ledger } from './test-ledgers.js';

const d = (text: string): CalendarDate => parseDate(text);
const l = ledger('GRC');

describe('remainingOn: stock to destroy on a date', () => {
  const entries: LedgerEntry[] = [
    l.declared('2004-09-30', 1000),
    l.destroyed('2005-06-30', 300, '2005-01'),
    l.transferred('2006-01-15', 200),
    l.found('2006-03-01', 50),
    l.destroyed('2007-02-28', 400),
  ];
  it.each([
    ['2004-09-29', null], // before any declaration
    ['2004-09-30', 1000], // the declaration day
    ['2005-06-29', 1000], // a period counts at its end
    ['2005-06-30', 700],
    ['2006-01-15', 500],
    ['2006-03-01', 550],
    ['2007-02-28', 150],
  ])('on %s: %s', (asOf, remaining) => {
    expect(remainingOn(entries, d(asOf))).toBe(remaining);
  });

  it('takes the latest declaration as the new baseline', () => {
    const later = [...entries, l.declared('2008-04-02', 120)];
    expect(remainingOn(later, d('2008-04-02'))).toBe(120);
  });
  it('adds up the declarations of one date (one per mine type)', () => {
    const byType = [l.declared('2009-05', 5_950_000, 'PFM'), l.declared('2009-05', 149_096, 'POM-2')];
    expect(remainingOn(byType, d('2009-06-01'))).toBe(6_099_096);
  });
  it('is unknown when a quantity in the sum is unknown', () => {
    expect(remainingOn([l.declared('2005', 10), l.destroyed('2006', null)], d('2007-01-01'))).toBeNull();
    expect(remainingOn([l.declared('2005', null)], d('2007-01-01'))).toBeNull();
  });
  it('is zero after a declared completion, plus stock found after it until destroyed', () => {
    const done = [l.declared('2005', 10), l.completed('2006-06-30'), l.found('2009-08-31', 7, '2010-01-10')];
    expect(remainingOn(done, d('2006-06-29'))).toBe(10);
    expect(remainingOn(done, d('2006-06-30'))).toBe(0);
    expect(remainingOn(done, d('2009-08-31'))).toBe(7);
    expect(remainingOn(done, d('2010-01-10'))).toBe(0);
  });
  it('is zero for a completion with no declared quantity', () => {
    expect(remainingOn([l.completed('2004-06')], d('2004-06-30'))).toBe(0);
    expect(remainingOn([l.completed('2004-06')], d('2004-06-29'))).toBeNull();
  });
  it('is zero for a State that declared none, unless stock is found', () => {
    expect(remainingOn([l.noneHeld('2018-11-29')], d('2019-01-01'))).toBe(0);
    expect(remainingOn([l.noneHeld('2018-11-29'), l.found('2020-01-01', 4)], d('2020-01-01'))).toBe(4);
  });
});

describe('remainingAsDeclaredOn: a remaining stock that only repeats a declaration', () => {
  // Greece: about 1.6 million declared in April 2008, no destruction recorded after it.
  const greece: LedgerEntry[] = [l.declared('2008-04-02', 1_600_000), l.destroyed('2010-06-30', 100, '2010-01')];
  it.each([
    ['2008-04-01', null, null], // before the declaration: nothing to repeat
    ['2008-04-02', '2008-04-02', 1_600_000], // the declaration day
    ['2010-06-29', '2008-04-02', 1_600_000], // a destruction over a period counts at its end
    ['2010-06-30', null, 1_599_900], // computed from then on
  ])('on %s: as declared on %s (remaining %s)', (asOf, date, remaining) => {
    expect(remainingAsDeclaredOn(greece, d(asOf))).toBe(date);
    expect(remainingOn(greece, d(asOf))).toBe(remaining);
  });
  it('is null when a destruction before the declaration is all the ledger has after it', () => {
    const before = [l.destroyed('2007-01-01', 10), l.declared('2024-06', 325_413)];
    expect(remainingAsDeclaredOn(before, d('2024-06-30'))).toBe('2024-06');
    expect(remainingAsDeclaredOn(before, d('2024-06-29'))).toBeNull();
  });
  it('is null once stock is found after the declaration, or the completion is declared', () => {
    const found = [l.declared('2005', 10), l.found('2006-03-01', 5)];
    expect(remainingAsDeclaredOn(found, d('2006-02-28'))).toBe('2005');
    expect(remainingAsDeclaredOn(found, d('2006-03-01'))).toBeNull();
    const done = [l.declared('2005', 10), l.completed('2006-06-30')];
    expect(remainingAsDeclaredOn(done, d('2006-06-29'))).toBe('2005');
    expect(remainingAsDeclaredOn(done, d('2006-06-30'))).toBeNull();
  });
  it('is null when the declared quantity is unknown, or the State declared none', () => {
    expect(remainingAsDeclaredOn([l.declared('2005', null)], d('2007-01-01'))).toBeNull();
    expect(remainingAsDeclaredOn([l.noneHeld('2018-11-29')], d('2019-01-01'))).toBeNull();
  });
});

describe('completionOf', () => {
  it('is the declared completion, the earliest of several', () => {
    expect(completionOf([l.completed('2011'), l.completed('2010-05-01')])?.date).toBe('2010-05-01');
  });
  it('is the day the declared stock reached zero when no completion is declared', () => {
    const entries = [l.declared('2005-01-01', 10), l.destroyed('2006-01-01', 4), l.destroyed('2006-05-01', 6)];
    expect(completionOf(entries)?.date).toBe('2006-05-01');
  });
  it('is null while stock remains, or with no quantity', () => {
    expect(completionOf([l.declared('2005-01-01', 10), l.destroyed('2006-01-01', 4)])).toBeNull();
    expect(completionOf([l.declared('2005-01-01', null), l.destroyed('2006-01-01', 4)])).toBeNull();
  });
});

describe('property: remaining = declared − destroyed − transferred + found (− found destroyed), never negative', () => {
  const START = d('2000-01-01');
  // Valid ledgers: one declaration, then events on later days that never take more than is held.
  const events = fc.array(
    fc.record({
      kind: fc.constantFrom('destroyed', 'transferred', 'found', 'found-destroyed'),
      days: fc.integer({ min: 1, max: 400 }),
      share: fc.double({ min: 0, max: 1, noNaN: true }),
      size: fc.integer({ min: 0, max: 10_000 }),
    }),
    { maxLength: 12 },
  );
  it('holds on every day of a valid ledger', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        events,
        fc.integer({ min: 0, max: 6000 }),
        (declared, steps, ask) => {
          const entries: LedgerEntry[] = [l.declared(START, declared)];
          let held = declared;
          let day = START;
          let sums = { destroyed: 0, transferred: 0, found: 0, foundDestroyed: 0 };
          const asOf = addDays(START, ask);
          for (const step of steps) {
            day = addDays(day, step.days);
            const take = Math.floor(held * step.share);
            if (step.kind === 'destroyed' || step.kind === 'transferred') {
              entries.push(step.kind === 'destroyed' ? l.destroyed(day, take) : l.transferred(day, take));
              held -= take;
              if (day <= asOf) sums = { ...sums, [step.kind]: sums[step.kind] + take };
            } else {
              const destroyed = step.kind === 'found-destroyed' ? addDays(day, 30) : null;
              entries.push(l.found(day, step.size, destroyed));
              if (day <= asOf) sums.found += step.size;
              if (destroyed !== null && destroyed <= asOf) sums.foundDestroyed += step.size;
            }
          }
          const remaining = remainingOn(entries, asOf);
          expect(remaining).toBe(declared - sums.destroyed - sums.transferred + sums.found - sums.foundDestroyed);
          expect(remaining).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
