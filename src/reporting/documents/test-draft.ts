/**
 * Report drafts for the documents' tests, built from the model's types: a few forms with cells
 * from data (citing records and sources), cells to complete and cells edited by hand, French
 * accents in texts. Not real figures: a test fixture.
 */
import { parseDate } from '../../core/date.js';
import type { DraftCell, DraftForm, ReportDraft } from '../model.js';

export const fromData = (value: string | number, sources: string[] = ['S01'], record = 'r1'): DraftCell => ({
  value,
  origin: 'from-data',
  records: [{ kind: 'hazard-area', id: record }],
  sources,
  why: null,
  drafted: null,
});

export const toComplete = (why: string | null = null): DraftCell => ({
  value: null,
  origin: 'to-complete',
  records: [],
  sources: [],
  why,
  drafted: null,
});

export const edited = (value: string | number, drafted: string | number | null): DraftCell => ({
  value,
  origin: 'edited',
  records: [],
  sources: [],
  why: null,
  drafted,
});

export function testDraft(overrides: Partial<ReportDraft> = {}): ReportDraft {
  const formA: DraftForm = {
    form: 'A',
    columns: ['measure', 'adopted'],
    rows: [
      {
        key: 'loi-1998',
        cells: { measure: edited('Loi n° 98-12 relative à l’interdiction des mines', null), adopted: toComplete() },
      },
    ],
    changed: true,
  };
  const formC: DraftForm = {
    form: 'C',
    columns: ['location', 'type', 'area', 'emplaced'],
    rows: [
      {
        key: 'KHM-0001',
        cells: {
          location: fromData('Province de Battambang, près de Pailin', ['S01', 'S02'], 'KHM-0001'),
          type: fromData('PMN-2'),
          area: fromData(12500, ['S02'], 'KHM-0001'),
          emplaced: toComplete('no.such.key'),
        },
      },
      {
        key: 'KHM-0002',
        cells: {
          location: fromData('Banteay Meanchey', ['S03'], 'KHM-0002'),
          type: toComplete(),
          area: edited(800, 750),
          emplaced: toComplete(),
        },
      },
    ],
    changed: false,
  };
  const formJ: DraftForm = {
    form: 'J',
    columns: ['matter'],
    rows: [
      { key: 'assistance', cells: { matter: fromData('Assistance aux victimes : réintégration économique', ['S04']) } },
    ],
    changed: null,
  };
  return {
    iso3: 'KHM',
    name: 'Cambodia',
    report: 2025,
    from: parseDate('2025-01-01'),
    to: parseDate('2025-12-31'),
    status: 'draft',
    asOf: parseDate('2026-03-15'),
    submittedOn: null,
    forms: [formA, formC, formJ],
    previous: 2024,
    changes: [],
    ...overrides,
  };
}
