import { describe, expect, it } from 'vitest';
import type { Article7Form, DraftCell, DraftForm } from '../model.js';
import { draftForms } from './draft.js';
import { WHY } from './records.js';

const WHY_PREFIX = ['common', 'article7.why.'].join(':');
import { d, emptyRecords, recordsOn, stock } from './test-records.js';

const formOf = (forms: DraftForm[], form: Article7Form): DraftForm => {
  const found = forms.find((f) => f.form === form);
  if (found === undefined) throw new Error(`no form ${form}`);
  return found;
};
const cell = (forms: DraftForm[], form: Article7Form, row: string, column: string): DraftCell | undefined =>
  formOf(forms, form).rows.find((r) => r.key === row)?.cells[column];
const rowKeys = (forms: DraftForm[], form: Article7Form): string[] => formOf(forms, form).rows.map((r) => r.key);

describe('a draft of Forms A–J', () => {
  it('has the ten forms in order, every cell of every column', () => {
    const forms = draftForms(recordsOn('2020-12-31'));
    expect(forms.map((f) => f.form)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']);
    for (const f of forms) for (const row of f.rows) expect(Object.keys(row.cells)).toEqual(f.columns);
  });

  it('with nothing recorded, every cell is to complete with a reason', () => {
    const forms = draftForms(emptyRecords());
    const cells = forms.flatMap((f) => f.rows.flatMap((r) => Object.values(r.cells)));
    expect(cells.every((c) => c.origin === 'to-complete' && c.value === null && c.why?.startsWith(WHY_PREFIX))).toBe(
      true,
    );
    expect(forms.map((f) => [f.form, rowKeys(forms, f.form)])).toEqual([
      ['A', ['measures']],
      ['B', ['total']],
      ['C', ['areas']],
      ['D', ['retained']],
      ['E', ['facilities']],
      ['F', ['article4', 'article5']],
      ['G', ['destroyed']],
      ['H', ['types']],
      ['I', ['warnings']],
      [
        'J',
        [
          'victims.significantNumber',
          'victims.coordination',
          'victims.plan',
          'victims.survivorParticipation',
          'casualties.killed',
          'casualties.injured',
          'funding.received',
          'funding.provided',
          'funding.national',
        ],
      ],
    ]);
    expect(cell(forms, 'B', 'total', 'quantity')?.why).toBe(WHY.noStockpile);
    expect(cell(forms, 'J', 'funding.received', 'value')?.why).toBe(WHY.noFlows);
  });

  // Each form, a record dated 31 December 2020 (in the 2020 report) and 1 January 2021 (not in it).
  const cases: { form: Article7Form; row: string; column: string; value: string | number; empty: string }[] = [
    { form: 'B', row: 'found:3', column: 'quantity', value: 50, empty: 'total' },
    { form: 'C', row: 'KHM-1', column: 'remainingM2', value: 25000, empty: 'areas' },
    { form: 'D', row: 'retained:training', column: 'quantity', value: 120, empty: 'retained' },
    { form: 'D', row: 'transferred:5', column: 'purpose', value: 'transferred-for-destruction', empty: 'retained' },
    { form: 'F', row: 'article5', column: 'quantity', value: 5000, empty: 'article4' },
    { form: 'G', row: 'article4:PMN', column: 'quantity', value: 400, empty: 'destroyed' },
    { form: 'G', row: 'article5:PMN-2', column: 'quantity', value: 7, empty: 'destroyed' },
    { form: 'H', row: 'POM-2', column: 'type', value: 'POM-2', empty: 'PMN' },
    { form: 'I', row: 'W1', column: 'measure', value: 'fencing', empty: 'warnings' },
    { form: 'J', row: 'funding.received', column: 'value', value: 1000.5, empty: 'victims.plan' },
    { form: 'J', row: 'casualties.killed', column: 'value', value: 12, empty: 'victims.plan' },
  ];
  for (const c of cases) {
    it(`Form ${c.form} ${c.row}: a record of 31 December is in the year's report, one of 1 January is not`, () => {
      const inside = cell(draftForms(recordsOn('2020-12-31')), c.form, c.row, c.column);
      expect(inside).toMatchObject({ value: c.value, origin: 'from-data', why: null });
      expect(inside?.records.length).toBeGreaterThan(0);
      const outside = draftForms(recordsOn('2021-01-01'));
      // Forms F and J keep their rows: the cell is then to complete.
      expect(cell(outside, c.form, c.row, c.column)?.origin ?? 'no row').toBe(
        c.form === 'F' || c.form === 'J' ? 'to-complete' : 'no row',
      );
      expect(rowKeys(outside, c.form)).toContain(c.empty);
    });
  }

  it('Form J reads the casualties of the report year only, and a withheld count is to complete', () => {
    const forms = draftForms(recordsOn('2021-01-01'));
    expect(cell(forms, 'J', 'casualties.killed', 'value')).toMatchObject({
      origin: 'to-complete',
      why: WHY.noCasualties,
    });
    const inYear = draftForms(recordsOn('2020-12-31'));
    expect(cell(inYear, 'J', 'casualties.injured', 'value')).toMatchObject({
      origin: 'to-complete',
      why: WHY.suppressed,
    });
    expect(cell(inYear, 'J', 'funding.national', 'value')).toMatchObject({ value: 300, sources: ['S5'] });
    expect(cell(inYear, 'J', 'funding.provided', 'value')?.origin).toBe('to-complete');
    expect(cell(inYear, 'J', 'victims.significantNumber', 'value')).toMatchObject({
      value: 'yes',
      records: [{ kind: 'va-framework', id: 'KHM@2020-06-01' }],
    });
    expect(cell(inYear, 'J', 'victims.survivorParticipation', 'value')?.why).toBe(WHY.notStated);
  });

  it('Form B: the total is the stock remaining, per type only while it is the declaration unchanged', () => {
    const records = recordsOn('2020-12-31');
    const forms = draftForms(records);
    expect(cell(forms, 'B', 'total', 'quantity')).toMatchObject({ value: 645, sources: ['S1'] });
    expect(cell(forms, 'B', 'total', 'quantity')?.records.map((r) => r.id)).toEqual(['1', '2', '3', '5']);
    expect(rowKeys(forms, 'B')).toEqual(['total', 'found:3']);
    const declared = draftForms({
      ...records,
      stock: [
        stock('1', 'declared', '2019-06-30', { mineType: 'PMN', quantity: 1000 }),
        stock('6', 'declared', '2019-06-30', { mineType: 'PMD-6', quantity: 20 }),
      ],
      remaining: { quantity: 1020, asDeclaredOn: d('2019-06-30'), completed: false },
    });
    expect(rowKeys(declared, 'B')).toEqual(['total', 'type:PMN', 'type:PMD-6']);
    expect(cell(declared, 'B', 'type:PMD-6', 'quantity')?.value).toBe(20);
    expect(cell(declared, 'B', 'type:PMD-6', 'lots')?.why).toBe(WHY.lots);
    const unknown = draftForms({ ...records, remaining: { quantity: null, asDeclaredOn: null, completed: false } });
    expect(cell(unknown, 'B', 'total', 'quantity')).toMatchObject({ origin: 'to-complete', why: WHY.quantityUnknown });
  });

  it('Form F: programme status, what the period destroyed and released, methods and sites from the ledger', () => {
    const forms = draftForms(recordsOn('2020-12-31'));
    expect(cell(forms, 'F', 'article4', 'status')?.value).toBe('in-progress');
    expect(cell(forms, 'F', 'article4', 'quantity')?.value).toBe(400);
    expect(cell(forms, 'F', 'article4', 'methods')?.value).toBe('open burning');
    expect(cell(forms, 'F', 'article4', 'sites')?.value).toBe('Kampong Speu');
    expect(cell(forms, 'F', 'article4', 'safetyStandards')?.why).toBe(WHY.standards);
    expect(cell(forms, 'F', 'article5', 'status')?.value).toBe('in-progress');
    const none = draftForms({
      ...emptyRecords(),
      stock: [stock('7', 'none-held', '2001-01-01')],
      remaining: { quantity: 0, asDeclaredOn: null, completed: false },
    });
    expect(cell(none, 'F', 'article4', 'status')?.value).toBe('no-stockpile');
    expect(cell(none, 'F', 'article4', 'quantity')?.value).toBe(0);
    expect(cell(none, 'B', 'total', 'quantity')).toMatchObject({
      value: 0,
      records: [{ kind: 'stockpile-entry', id: '7' }],
    });
  });

  it('a withdrawn State: records from the day its withdrawal takes effect are not read', () => {
    const records = { ...recordsOn('2020-07-01'), withdrawalEffective: d('2020-07-01') };
    const forms = draftForms(records);
    expect(rowKeys(forms, 'G')).toEqual(['destroyed']);
    expect(rowKeys(forms, 'C')).toEqual(['areas']);
    expect(cell(forms, 'J', 'funding.received', 'value')?.value).toBe(1000.5);
    const dayBefore = draftForms({ ...recordsOn('2020-06-30'), withdrawalEffective: d('2020-07-01') });
    expect(rowKeys(dayBefore, 'G')).toEqual(['article4:PMN', 'article5:PMN-2']);
    expect(cell(dayBefore, 'C', 'KHM-1', 'area')?.value).toBe('HA-001');
  });

  it('the initial report reads everything up to its day', () => {
    const forms = draftForms({ ...recordsOn('2015-03-01', emptyRecords('initial')) });
    expect(cell(forms, 'G', 'article4:PMN', 'quantity')?.value).toBe(400);
    expect(cell(forms, 'D', 'retained:training', 'consumed')?.value).toBe(10);
  });
});
