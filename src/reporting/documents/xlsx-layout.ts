/**
 * The layout of a report draft as a workbook, shared by the export and the import: a cover
 * sheet, then one sheet per form ("Form A" … "Form J", as the UN template names them) whose
 * row 1 holds the headings (the row key's heading, the form's columns, then the sources) and
 * each row below one row of the form, its key in column A.
 */
import { t } from '../../i18n/index.js';
import type { DraftForm } from '../model.js';
import { columnHeadings, formSheetName } from './words.js';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Fills (ARGB): cells to complete, cells edited by hand. */
export const TO_COMPLETE_FILL = 'FFFFF2B3';
export const EDITED_FILL = 'FFD6E6FA';

export const coverSheetName = (): string => t('reporting:cover.sheet');

export interface SheetLayout {
  name: string;
  /** Row 1, from column A: the row key's heading, the form's column headings, the sources' heading. */
  headings: string[];
  /** The form's columns with their headings, from column B. */
  columns: { id: string; heading: string }[];
}

export function sheetLayout(form: DraftForm): SheetLayout {
  const columns = columnHeadings(form);
  return {
    name: formSheetName(form.form),
    headings: [t('reporting:column.row'), ...columns.map((c) => c.heading), t('reporting:column.sources')],
    columns,
  };
}
