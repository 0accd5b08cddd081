import { describe, expect, it } from 'vitest';
import { parseCsv } from '../core/csv.js';
import { addDays, parseDate } from '../core/date.js';
import { describeProblem } from '../core/errors.js';
import type { StateCode } from '../core/states.js';
import { loadReference } from '../treaty/reference.js';
import { TreatyEngine } from '../treaty/status.js';
import { article4StateOn } from './article4.js';
import { globalStockpiles, stateStockpile } from './answers.js';
import { loadLedgers } from './reference.js';
import { LEDGER_COLUMNS, ledgerFromRows } from './reference-rows.js';

const { facts, sources } = loadReference();
const engine = new TreatyEngine(facts);
const ledgers = loadLedgers(sources, engine);
const d = parseDate;

describe('data/stockpile_ledger.csv', () => {
  it('loads with every entry sourced and every ledger consistent', () => {
    expect(ledgers.size).toBeGreaterThan(30);
  });

  it("is where the engine's Article 4 comes from: every State has the ledger's answer, around its deadline too", () => {
    const fixed = ['1999-03-01', '2003-03-01', '2008-03-02', '2010-06-02', '2017-04-05', '2026-11-30'].map(d);
    for (const record of facts.states) {
      const deadline = engine.state(record.iso3, d('2026-11-30'))?.article4.deadline ?? null;
      const around = deadline === null ? [] : [addDays(deadline, -1), deadline, addDays(deadline, 1)];
      for (const asOf of [...fixed, ...around]) {
        const s = engine.state(record.iso3, asOf);
        const expected = article4StateOn(ledgers.get(record.iso3) ?? [], s?.article4.deadline ?? null, asOf);
        expect([record.iso3, asOf, s?.article4.state]).toEqual([record.iso3, asOf, expected]);
      }
    }
  });

  it('answers for Belarus in the issue shape', () => {
    expect(stateStockpile(engine, 'BLR', ledgers.get('BLR') ?? [], d('2026-01-01'))).toMatchObject({
      deadline: '2008-03-01',
      state: 'missed',
      completed: '2017-04-05',
      remaining: 0,
    });
  });

  it('holds Greece and Ukraine in 2025, after Sri Lanka completed', () => {
    const g = globalStockpiles(engine, ledgers, d('2025-01-01'), null);
    expect(g.holding).toEqual(['GRC', 'UKR']);
    expect(g.missed).toEqual(expect.arrayContaining(['BLR', 'GRC', 'TUR', 'UKR', 'AFG']));
  });
});

describe('ledgerFromRows: bad rows named by line and column', () => {
  const header = LEDGER_COLUMNS.join(',');
  const row = (cells: Partial<Record<(typeof LEDGER_COLUMNS)[number], string>>): string =>
    LEDGER_COLUMNS.map((c) => cells[c] ?? '').join(',');
  const problems = (...lines: string[]): string[] =>
    ledgerFromRows(parseCsv([header, ...lines].join('\n'), 'grc.csv', LEDGER_COLUMNS), new Set(['S30']), {
      engine,
      asOf: d('2010-12-31'),
    }).problems.map(describeProblem);
  const grc = { iso3: 'GRC' as StateCode, sources: 'S30' };

  it.each([
    [
      'a negative quantity',
      row({ ...grc, kind: 'declared', date: '2008', quantity: '-5' }),
      'line 2, column 6 (quantity)',
    ],
    [
      'a quantity that is not whole',
      row({ ...grc, kind: 'declared', date: '2008', quantity: '2.5' }),
      'column 6 (quantity)',
    ],
    [
      'an unknown mine type',
      row({ ...grc, kind: 'declared', date: '2008', quantity: '5', type: 'XM-99' }),
      'column 8 (type)',
    ],
    ['a retained count with no year', row({ ...grc, kind: 'retained', held: '5' }), 'column 5 (year)'],
    ['an unknown State', row({ ...grc, iso3: 'XXX', kind: 'none-held', date: '2008' }), 'column 1 (iso3)'],
    ['an unknown source', row({ ...grc, kind: 'none-held', date: '2008', sources: 'S999' }), 'column 17 (sources)'],
    [
      'a field the kind does not use',
      row({ ...grc, kind: 'completed', date: '2008', quantity: '5' }),
      'column 6 (quantity)',
    ],
    ['an entry after the as-of date', row({ ...grc, kind: 'completed', date: '2011' }), 'column 3 (date)'],
    ['a date before Greece was a party', row({ ...grc, kind: 'completed', date: '2003-01' }), 'column 3 (date)'],
  ])('%s', (_name, line, where) => {
    expect(problems(line).join('\n')).toContain(where);
  });

  it('names the row of a destruction dated before the declaration', () => {
    const out = problems(
      row({ ...grc, kind: 'declared', date: '2008-04-02', quantity: '10' }),
      row({ ...grc, kind: 'destroyed', date: '2008-04-01', quantity: '5' }),
    );
    expect(out).toEqual([expect.stringContaining('line 3, column 3 (date)')]);
  });
});
