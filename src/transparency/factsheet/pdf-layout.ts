/**
 * The fact sheet as a PDF document definition (pdfmake's declarative layout), from the same
 * document model as the HTML and Markdown. Pure: the model in, a plain object out; src/transparency/
 * factsheet/pdf.ts turns it into bytes with the embedded fonts.
 *
 * What a reader gets: A4 pages; the title and each section as PDF bookmarks (the outline a viewer
 * shows); superscript endnote numbers that jump to the endnote; endnotes with each figure's source
 * and address; "Page n of N" and the title in the footer of every page.
 */
import { language, t } from '../../i18n/index.js';
import type { FactSheet, Paragraph } from './model.js';

/** The subset of pdfmake's document definition minefree writes (pdfmake 0.3 ships no types). */
export type PdfNode = string | PdfNode[] | { [key: string]: unknown };
export interface PdfDefinition {
  info: { title: string; subject: string; creator: string; producer: string };
  language: string;
  displayTitle: boolean;
  pageSize: 'A4';
  pageMargins: [number, number, number, number];
  defaultStyle: { font: string; fontSize: number; lineHeight: number; color: string };
  styles: Record<string, Record<string, unknown>>;
  content: PdfNode[];
  footer: (currentPage: number, pageCount: number) => PdfNode;
  pageBreakBefore: (node: { headlineLevel?: number }, page: { getFollowingNodesOnPage: () => unknown[] }) => boolean;
}

/** The font family of every PDF: its four faces are files of an npm package (see pdf.ts). */
export const PDF_FONT = 'Roboto';

const RED = '#b3261e';
const DARK_RED = '#8c1d18';
const LINK = '#1a4f8b';
/** 18 mm top and bottom, 16 mm left and right, as the printed HTML page. */
const MM = 72 / 25.4;
const MARGINS: [number, number, number, number] = [16 * MM, 18 * MM, 16 * MM, 22 * MM];
const WIDTH = 595.28 - 32 * MM;

const noteDestination = (n: number): string => `note-${n}`;

/** The text of a paragraph with its endnote numbers as superscript links. */
function withNotes(p: Paragraph): PdfNode[] {
  const refs = p.notes.map((n, i) => ({
    text: `${i === 0 ? '' : ','}${n}`,
    sup: true,
    fontSize: 7.5,
    color: DARK_RED,
    linkToDestination: noteDestination(n),
  }));
  return [p.text, ...refs];
}

function paragraphs(list: readonly Paragraph[]): PdfNode[] {
  const out: PdfNode[] = [];
  let bullets: PdfNode[] = [];
  const flush = (): void => {
    if (bullets.length > 0) out.push({ ul: bullets, style: 'list' });
    bullets = [];
  };
  for (const p of list) {
    if (p.kind === 'bullet') {
      bullets.push({ text: withNotes(p) });
      continue;
    }
    flush();
    if (p.kind === 'heading') out.push({ text: p.text.toUpperCase(), style: 'h3', headlineLevel: 3 });
    else out.push({ text: withNotes(p), style: 'body' });
  }
  flush();
  return out;
}

export function factSheetPdfDefinition(sheet: FactSheet): PdfDefinition {
  const content: PdfNode[] = [
    { text: sheet.title, style: 'h1', outline: true },
    { text: sheet.subtitle, style: 'subtitle' },
    { canvas: [{ type: 'line', x1: 0, y1: 0, x2: WIDTH, y2: 0, lineWidth: 3, lineColor: RED }], margin: [0, 0, 0, 12] },
  ];
  for (const section of sheet.sections) {
    content.push({
      text: section.title.toUpperCase(),
      style: 'h2',
      headlineLevel: 2,
      outline: true,
      outlineText: section.title,
    });
    content.push(...paragraphs(section.paragraphs));
  }
  content.push({
    text: t('factsheet:endnotes').toUpperCase(),
    style: 'h2',
    outline: true,
    outlineText: t('factsheet:endnotes'),
  });
  content.push({
    ol: sheet.endnotes.map((n) => ({
      id: noteDestination(n.n),
      text: n.url === null ? n.text : [`${n.text} `, { text: n.url, link: n.url, color: LINK }],
    })),
    style: 'endnotes',
  });
  const title = sheet.title;
  return {
    info: { title, subject: sheet.subtitle, creator: 'minefree', producer: 'minefree (pdfmake)' },
    language: language(),
    displayTitle: true,
    pageSize: 'A4',
    pageMargins: MARGINS,
    defaultStyle: { font: PDF_FONT, fontSize: 10.5, lineHeight: 1.25, color: '#1b1b1b' },
    styles: {
      h1: { fontSize: 20, bold: true, margin: [0, 0, 0, 4] },
      subtitle: { fontSize: 12, color: '#444444', margin: [0, 0, 0, 8] },
      h2: { fontSize: 13.5, bold: true, color: DARK_RED, characterSpacing: 0.3, margin: [0, 16, 0, 6] },
      h3: { fontSize: 10.5, bold: true, color: '#333333', margin: [0, 8, 0, 3] },
      body: { margin: [0, 0, 0, 6] },
      list: { margin: [0, 0, 0, 6] },
      endnotes: { fontSize: 8.5, color: '#333333' },
      footer: { fontSize: 8, color: '#555555' },
    },
    content,
    // A heading never ends a page: it moves to the next with the text it introduces.
    pageBreakBefore: (node, page) => node.headlineLevel !== undefined && page.getFollowingNodesOnPage().length === 0,
    footer: (currentPage, pageCount) => ({
      columns: [
        { text: title, style: 'footer' },
        {
          text: t('factsheet:pdf.page', { n: currentPage, total: pageCount }),
          style: 'footer',
          alignment: 'right',
          width: 'auto',
        },
      ],
      margin: [MARGINS[0], 8 * MM, MARGINS[2], 0],
    }),
  };
}
