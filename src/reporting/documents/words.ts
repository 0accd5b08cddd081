/**
 * The words every document of a report draft shares (XLSX, PDF): form titles, the report's name
 * and period, the cover's marks, and the headings of columns, all from the catalogue
 * (`reporting` namespace; form titles and column headings from `common`, forms/headings.ts). The
 * reason a cell is to complete is a key the drafting rules give (`DraftCell.why`); one the
 * catalogue does not hold falls back to the generic reason.
 */
import { formatDate, i18n, t } from '../../i18n/index.js';
import { FORM_TITLE, columnHeadingKey } from '../forms/headings.js';
import type { Article7Form, CellValue, DraftCell, DraftForm, ReportDraft } from '../model.js';

/** A key named by data (not by code): its text when the catalogue holds it, else null. */
function lookup(key: string | null): string | null {
  if (key === null || key === '' || !i18n.exists(key)) return null;
  return (i18n.t as (key: string) => string)(key);
}

/** "Form C": the sheet's name, as the UN template names it. */
export const formSheetName = (form: Article7Form): string => t('reporting:form.sheet', { form });

/** "Form C: location of mined areas". */
export const formHeading = (form: Article7Form): string => t(FORM_TITLE[form]);

/** A column's heading from the catalogue (forms/headings.ts), or its id for a column no form has. */
export function columnHeading(column: string): string {
  const key = columnHeadingKey(column);
  return key === undefined ? column : t(key);
}

/** Every column of a form with its heading, in order. */
export function columnHeadings(form: DraftForm): { id: string; heading: string }[] {
  return form.columns.map((id) => ({ id, heading: columnHeading(id) }));
}

/** "Annual report on 2025" or "Initial report". */
export const reportName = (draft: ReportDraft): string =>
  draft.report === 'initial' ? t('reporting:report.initial') : t('reporting:report.annual', { year: draft.report });

/** "1 January 2025 to 31 December 2025". */
export const reportPeriod = (draft: ReportDraft): string =>
  draft.from === null
    ? t('reporting:report.periodUntil', { to: formatDate(draft.to) })
    : t('reporting:report.period', { from: formatDate(draft.from), to: formatDate(draft.to) });

export const statusWord = (draft: ReportDraft): string =>
  draft.status === 'draft' ? t('reporting:status.draft') : t('reporting:status.submitted');

/** Against the last report: changed, unchanged, or no previous report. */
export const changedWord = (form: DraftForm): string =>
  form.changed === null
    ? t('reporting:changed.none')
    : form.changed
      ? t('reporting:changed.yes')
      : t('reporting:changed.no');

/** The previous report's name, or "no previous report". */
export const previousName = (draft: ReportDraft): string =>
  draft.previous === null
    ? t('reporting:cover.noPrevious')
    : draft.previous === 'initial'
      ? t('reporting:report.initial')
      : t('reporting:report.annual', { year: draft.previous });

/** Why a cell is to complete: the catalogue's text for its `why` key, or the generic reason. */
export const whyText = (cell: DraftCell): string => lookup(cell.why) ?? t('reporting:cell.whyDefault');

const valueText = (value: CellValue): string => (value === null ? '' : String(value));

/** What a reader is told about a cell beside its value: why it is to complete, what it replaced, where it comes from. */
export function cellNotes(cell: DraftCell): string[] {
  const notes: string[] = [];
  if (cell.origin === 'to-complete') notes.push(whyText(cell));
  if (cell.origin === 'edited')
    notes.push(
      cell.drafted === null
        ? t('reporting:cell.editedEmpty')
        : t('reporting:cell.edited', { value: valueText(cell.drafted) }),
    );
  if (cell.sources.length > 0) notes.push(t('reporting:cell.sources', { sources: cell.sources.join(', ') }));
  if (cell.records.length > 0)
    notes.push(t('reporting:cell.records', { records: cell.records.map((r) => `${r.kind} ${r.id}`).join(', ') }));
  return notes;
}
