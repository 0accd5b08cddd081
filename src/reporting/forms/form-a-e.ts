/**
 * Forms A (national implementation measures, Art. 7.1(a)) and E (conversion or decommissioning of
 * production facilities, Art. 7.1(e)): minefree holds no records of either, so each is one row for
 * the State to complete. No I/O here.
 */
import type { DraftForm } from '../model.js';
import { WHY, rowToComplete } from './records.js';

export const FORM_A_COLUMNS = ['measure', 'reference', 'date', 'penalSanctions'] as const;
export const FORM_E_COLUMNS = ['facility', 'action', 'status'] as const;

export function formA(): DraftForm {
  return {
    form: 'A',
    columns: [...FORM_A_COLUMNS],
    rows: [rowToComplete('measures', FORM_A_COLUMNS, WHY.noMeasures)],
    changed: null,
  };
}

export function formE(): DraftForm {
  return {
    form: 'E',
    columns: [...FORM_E_COLUMNS],
    rows: [rowToComplete('facilities', FORM_E_COLUMNS, WHY.noProduction)],
    changed: null,
  };
}
