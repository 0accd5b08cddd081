/**
 * A report draft as a PDF, made in Node with no browser: the fact sheet's pdfmake printer
 * (src/transparency/factsheet/pdf.ts: Roboto embedded from the pdfmake package, no network or
 * file access beyond the fonts) lays out the definition built here.
 *
 * What a reader gets: A4 landscape pages; the title with the State and the period; a cover table
 * (report, period, status, as-of day, submission day, and each form changed or not since the last
 * report); each form as a heading (a PDF bookmark: pdfmake 0.3 writes no structure tags) with a
 * table whose header repeats on every page; cells to complete shown as "to complete" in italics on
 * yellow, cells edited by hand on blue; superscript numbers that jump to endnotes saying why a
 * cell is to complete, what an edit replaced and which sources and records a cell comes from;
 * "Page n of N" in the footer.
 */
import { definitionToPdf } from '../../transparency/factsheet/pdf.js';
import { PDF_FONT, type PdfDefinition, type PdfNode } from '../../transparency/factsheet/pdf-layout.js';
import { formatDate, formatNumber, language, t } from '../../i18n/index.js';
import type { DraftCell, DraftForm, ReportDraft } from '../model.js';
import {
  cellNotes,
  changedWord,
  columnHeadings,
  formHeading,
  formSheetName,
  previousName,
  reportName,
  reportPeriod,
  statusWord,
} from './words.js';

const DARK_RED = '#8c1d18';
const YELLOW = '#fff2b3';
const BLUE = '#d6e6fa';
const HEADER = '#eeeeee';
const MM = 72 / 25.4;
const MARGINS: [number, number, number, number] = [14 * MM, 14 * MM, 14 * MM, 18 * MM];

const noteDestination = (n: number): string => `note-${n}`;

/** Endnotes numbered in order of first use; the same text is one endnote. */
class Endnotes {
  readonly texts: string[] = [];
  private readonly numbers = new Map<string, number>();
  number(text: string): number {
    const known = this.numbers.get(text);
    if (known !== undefined) return known;
    this.texts.push(text);
    this.numbers.set(text, this.texts.length);
    return this.texts.length;
  }
}

function cellNode(cell: DraftCell | undefined, notes: Endnotes): PdfNode {
  if (cell === undefined) return '';
  const texts = cellNotes(cell);
  const n = texts.length === 0 ? null : notes.number(texts.join(' '));
  const refs: PdfNode[] =
    n === null
      ? []
      : [' ', { text: String(n), sup: true, fontSize: 6.5, color: DARK_RED, linkToDestination: noteDestination(n) }];
  if (cell.origin === 'to-complete')
    return {
      text: [{ text: t('reporting:cell.toComplete'), italics: true, color: '#555555' }, ...refs],
      fillColor: YELLOW,
    };
  const value = cell.value === null ? '' : typeof cell.value === 'number' ? formatNumber(cell.value) : cell.value;
  const alignment = typeof cell.value === 'number' ? 'right' : 'left';
  return cell.origin === 'edited'
    ? { text: [value, ...refs], fillColor: BLUE, alignment }
    : { text: [value, ...refs], alignment };
}

function formNodes(form: DraftForm, notes: Endnotes): PdfNode[] {
  const heading = formHeading(form.form);
  const nodes: PdfNode[] = [{ text: heading, style: 'h2', headlineLevel: 2, outline: true, outlineText: heading }];
  nodes.push({ text: t('reporting:pdf.sinceLast', { state: changedWord(form) }), style: 'changed' });
  if (form.rows.length === 0) {
    nodes.push({ text: t('reporting:cell.noRows'), italics: true, style: 'body' });
    return nodes;
  }
  const columns = columnHeadings(form);
  // A column of numbers is aligned right, its heading too.
  const numeric = (id: string): boolean => form.rows.some((row) => typeof row.cells[id]?.value === 'number');
  const header = [
    { text: t('reporting:column.row'), bold: true, fillColor: HEADER },
    ...columns.map((c) => ({
      text: c.heading,
      bold: true,
      fillColor: HEADER,
      alignment: numeric(c.id) ? 'right' : 'left',
    })),
  ];
  const body = form.rows.map((row) => [
    { text: row.key, bold: true },
    ...columns.map((c) => cellNode(row.cells[c.id], notes)),
  ]);
  nodes.push({
    table: { headerRows: 1, dontBreakRows: true, widths: ['auto', ...columns.map(() => '*')], body: [header, ...body] },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      hLineColor: () => '#999999',
      vLineColor: () => '#999999',
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    style: 'table',
  });
  return nodes;
}

function coverNodes(draft: ReportDraft): PdfNode[] {
  const facts: [string, string][] = [
    [t('reporting:cover.state'), `${draft.name} (${draft.iso3})`],
    [t('reporting:cover.report'), reportName(draft)],
    [t('reporting:cover.period'), reportPeriod(draft)],
    [t('reporting:cover.status'), statusWord(draft)],
    [t('reporting:cover.asOf'), formatDate(draft.asOf)],
    [
      t('reporting:cover.submittedOn'),
      draft.submittedOn === null ? t('reporting:cover.notSubmitted') : formatDate(draft.submittedOn),
    ],
    [t('reporting:cover.previous'), previousName(draft)],
  ];
  const forms = [
    [
      { text: t('reporting:cover.form'), bold: true, fillColor: HEADER },
      { text: t('reporting:cover.sinceLast'), bold: true, fillColor: HEADER },
    ],
    ...draft.forms.map((f) => [formSheetName(f.form), changedWord(f)]),
  ];
  return [
    {
      columns: [
        {
          width: 'auto',
          table: { body: facts.map(([label, value]) => [{ text: label, bold: true }, value]) },
          layout: 'lightHorizontalLines',
        },
        { width: 'auto', table: { headerRows: 1, body: forms }, layout: 'lightHorizontalLines' },
      ],
      columnGap: 28,
      margin: [0, 0, 0, 10],
    },
    { text: t('reporting:pdf.legend'), style: 'legend' },
  ];
}

/** The PDF document definition of a draft (pdfmake's declarative layout). */
export function reportDraftPdfDefinition(draft: ReportDraft): PdfDefinition & { pageOrientation: 'landscape' } {
  const title = t('reporting:report.title', { name: draft.name });
  const subtitle = t('reporting:pdf.subtitle', { report: reportName(draft), period: reportPeriod(draft) });
  const notes = new Endnotes();
  const content: PdfNode[] = [
    { text: title, style: 'h1', outline: true },
    { text: subtitle, style: 'subtitle' },
    ...coverNodes(draft),
  ];
  for (const form of draft.forms) content.push(...formNodes(form, notes));
  if (notes.texts.length > 0) {
    const heading = t('reporting:pdf.endnotes');
    content.push({ text: heading, style: 'h2', headlineLevel: 2, outline: true, outlineText: heading });
    content.push({
      ol: notes.texts.map((text, i) => ({ id: noteDestination(i + 1), text })),
      style: 'endnotes',
    });
  }
  return {
    info: { title, subject: subtitle, creator: 'minefree', producer: 'minefree (pdfmake)' },
    language: language(),
    displayTitle: true,
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: MARGINS,
    defaultStyle: { font: PDF_FONT, fontSize: 9, lineHeight: 1.2, color: '#1b1b1b' },
    styles: {
      h1: { fontSize: 18, bold: true, margin: [0, 0, 0, 2] },
      subtitle: { fontSize: 11.5, color: '#444444', margin: [0, 0, 0, 10] },
      h2: { fontSize: 12.5, bold: true, color: DARK_RED, margin: [0, 14, 0, 2] },
      changed: { fontSize: 8.5, color: '#555555', margin: [0, 0, 0, 4] },
      table: { margin: [0, 0, 0, 6] },
      body: { margin: [0, 0, 0, 6] },
      legend: { fontSize: 8.5, color: '#333333', margin: [0, 0, 0, 4] },
      endnotes: { fontSize: 8, color: '#333333' },
      footer: { fontSize: 8, color: '#555555' },
    },
    content,
    // A heading never ends a page: it moves to the next with the table it introduces.
    pageBreakBefore: (node, page) => node.headlineLevel !== undefined && page.getFollowingNodesOnPage().length === 0,
    footer: (currentPage, pageCount) => ({
      columns: [
        { text: t('reporting:pdf.footer', { title, subtitle }), style: 'footer' },
        {
          text: t('reporting:pdf.page', { n: currentPage, total: pageCount }),
          style: 'footer',
          alignment: 'right',
          width: 'auto',
        },
      ],
      margin: [MARGINS[0], 7 * MM, MARGINS[2], 0],
    }),
  };
}

/** The draft as PDF bytes (A4 landscape, fonts embedded, no browser). */
export function reportDraftPdf(draft: ReportDraft): Promise<Buffer> {
  return definitionToPdf(reportDraftPdfDefinition(draft));
}
