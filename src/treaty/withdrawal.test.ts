import { describe, expect, it } from 'vitest';
import { type CalendarDate, parseDate } from '../core/date.js';
import type { Withdrawal } from './model.js';
import { withdrawalEffect, withdrawalStateOn } from './withdrawal.js';

const d = (text: string): CalendarDate => parseDate(text);

function withdrawal(w: {
  deposited?: string;
  effectiveStated?: string;
  announced?: string;
  conflict?: string;
}): Withdrawal {
  return {
    deposited: w.deposited ? d(w.deposited) : null,
    effectiveStated: w.effectiveStated ? d(w.effectiveStated) : null,
    announced: w.announced ? d(w.announced) : null,
    armedConflict: w.conflict === undefined ? null : { ended: w.conflict === 'ongoing' ? null : d(w.conflict) },
    sources: [],
  };
}

describe('Art. 20.3: when a withdrawal takes effect', () => {
  it.each([
    ['Baltic States: deposited 27 Jun 2025', { deposited: '2025-06-27' }, '2025-12-27'],
    ['Finland: deposited 10 Jul 2025', { deposited: '2025-07-10' }, '2026-01-10'],
    ['deposited on the 31st, into a short month', { deposited: '2025-08-31' }, '2026-02-28'],
    ['deposited on 31 Aug before a leap February', { deposited: '2023-08-31' }, '2024-02-29'],
    ['deposited in December', { deposited: '2025-12-15' }, '2026-06-15'],
    ['armed conflict going on: pending', { deposited: '2025-06-27', conflict: 'ongoing' }, null],
    [
      'armed conflict ends after the six months: its end',
      { deposited: '2025-06-27', conflict: '2027-05-10' },
      '2027-05-10',
    ],
    [
      'armed conflict ends within the six months: six months',
      { deposited: '2025-06-27', conflict: '2025-09-01' },
      '2025-12-27',
    ],
    ['Poland: only the effective date is known', { effectiveStated: '2026-02-20' }, '2026-02-20'],
    ['Ukraine: only known as pending, in armed conflict', { announced: '2025-06-29', conflict: 'ongoing' }, null],
    [
      'only announced, no deposit known, conflict ended: its end',
      { announced: '2025-06-29', conflict: '2027-05-10' },
      '2027-05-10',
    ],
    ['only announced, no deposit known, no armed conflict: not known', { announced: '2025-06-29' }, null],
  ])('%s -> %s', (_, input, effective) => {
    expect(withdrawalEffect(withdrawal(input)).effective).toBe(effective);
  });

  it.each([
    ['deposited', { deposited: '2025-06-27', announced: '2025-06-01' }, '2025-06-27'],
    ['stated effective only: six months before', { effectiveStated: '2026-02-20' }, '2025-08-20'],
    ['stated effective on the 31st: six months before, a month end', { effectiveStated: '2026-08-31' }, '2026-02-28'],
    [
      'stated effective and announced: the announcement',
      { effectiveStated: '2026-02-20', announced: '2025-07-01' },
      '2025-07-01',
    ],
    ['only announced', { announced: '2025-06-29', conflict: 'ongoing' }, '2025-06-29'],
    ['nothing dated', { conflict: 'ongoing' }, null],
  ])('pending from: %s -> %s', (_, input, pendingFrom) => {
    expect(withdrawalEffect(withdrawal(input)).pendingFrom).toBe(pendingFrom);
  });

  it('computes from the deposit, never from a stated effective date', () => {
    const w = withdrawal({ deposited: '2025-06-27', effectiveStated: '2025-12-01' });
    expect(withdrawalEffect(w).effective).toBe('2025-12-27');
  });
});

describe('withdrawal state on a date', () => {
  const baltic = withdrawal({ deposited: '2025-06-27' });
  const ukraine = withdrawal({ announced: '2025-06-29', conflict: 'ongoing' });
  const poland = withdrawal({ effectiveStated: '2026-02-20' });
  it.each([
    ['no withdrawal', null, '2026-01-01', 'none'],
    ['before the deposit', baltic, '2025-06-26', 'none'],
    ['on the day of deposit', baltic, '2025-06-27', 'pending'],
    ['the day before effect', baltic, '2025-12-26', 'pending'],
    ['on the day of effect', baltic, '2025-12-27', 'effective'],
    ['Ukraine before its decision', ukraine, '2025-06-28', 'none'],
    ['Ukraine after its decision', ukraine, '2025-06-29', 'pending'],
    ['Ukraine years later, conflict still going on', ukraine, '2040-01-01', 'pending'],
    ['Poland more than six months before effect', poland, '2025-08-19', 'none'],
    ['Poland within six months of effect', poland, '2025-08-20', 'pending'],
    ['Poland on the day of effect', poland, '2026-02-20', 'effective'],
  ] as const)('%s (%s on %s)', (_, w, asOf, expected) => {
    expect(withdrawalStateOn(w, d(asOf))).toBe(expected);
  });
});
