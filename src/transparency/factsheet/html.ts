import { language, t } from '../../i18n/index.js';
import type { FactSheet, Paragraph } from './model.js';

const escape = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const refs = (p: Paragraph): string =>
  p.notes
    .map(
      (n) =>
        `<sup><a href="#note-${n}" id="ref-${p.kind}-${n}" aria-label="${escape(t('factsheet:endnoteLabel', { n }))}">${n}</a></sup>`,
    )
    .join('');

function paragraphs(list: readonly Paragraph[]): string {
  const out: string[] = [];
  let inList = false;
  for (const p of list) {
    if (p.kind === 'bullet' && !inList) out.push('<ul>');
    if (p.kind !== 'bullet' && inList) out.push('</ul>');
    inList = p.kind === 'bullet';
    if (p.kind === 'heading') out.push(`<h3>${escape(p.text)}</h3>`);
    else if (p.kind === 'bullet') out.push(`<li>${escape(p.text)}${refs(p)}</li>`);
    else out.push(`<p>${escape(p.text)}${refs(p)}</p>`);
  }
  if (inList) out.push('</ul>');
  return out.join('\n');
}

/** Print-ready styles: A4 pages, readable type, endnote links that work on screen and paper. */
const STYLE = `
  :root { color: #1b1b1b; background: #fff; font: 16px/1.5 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
  body { max-width: 46rem; margin: 0 auto; padding: 1.5rem; }
  header { border-bottom: 4px solid #b3261e; margin-bottom: 1.5rem; }
  h1 { font-size: 1.9rem; margin: 0; }
  .subtitle { color: #444; margin: 0.25rem 0 1rem; font-size: 1.1rem; }
  h2 { color: #8c1d18; font-size: 1.35rem; margin-top: 2rem; border-bottom: 1px solid #ddd; text-transform: uppercase; letter-spacing: 0.02em; }
  h3 { font-size: 1rem; margin: 1.2rem 0 0.3rem; color: #333; text-transform: uppercase; }
  sup a { color: #8c1d18; text-decoration: none; padding: 0 0.1em; }
  ol.endnotes { font-size: 0.85rem; color: #333; padding-left: 1.5rem; }
  ol.endnotes a { color: #1a4f8b; word-break: break-all; }
  .print { margin: 0 0 1rem; line-height: 2.6; }
  .print input, .print button { font: inherit; padding: 0.35rem 0.6rem; min-height: 2.5rem; }
  @media print {
    @page { size: A4; margin: 18mm 16mm; }
    :root { font-size: 11pt; }
    body { max-width: none; padding: 0; }
    .print, nav { display: none; }
    h2 { break-after: avoid; }
    section { break-inside: auto; }
  }
  @media (max-width: 30rem) { body { padding: 0.75rem; } h1 { font-size: 1.5rem; } }
`;

/** A complete, self-contained HTML page (also the source of the PDF). */
export function factSheetHtml(sheet: FactSheet, options: { controls?: string } = {}): string {
  const sections = sheet.sections
    .map(
      (s) =>
        `<section id="${escape(s.id)}" aria-labelledby="h-${escape(s.id)}">\n<h2 id="h-${escape(s.id)}">${escape(s.title)}</h2>\n${paragraphs(s.paragraphs)}\n</section>`,
    )
    .join('\n');
  const notes = sheet.endnotes
    .map(
      (n) =>
        `<li id="note-${n.n}">${escape(n.text)}${n.url ? ` <a href="${escape(n.url)}">${escape(n.url)}</a>` : ''}</li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${escape(language())}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(t('factsheet:pageTitle', { title: sheet.title, subtitle: sheet.subtitle }))}</title>
<style>${STYLE}</style>
</head>
<body>
${options.controls ?? ''}
<header><h1>${escape(sheet.title)}</h1><p class="subtitle">${escape(sheet.subtitle)}</p></header>
<main>
${sections}
<section id="endnotes" aria-labelledby="h-endnotes"><h2 id="h-endnotes">${escape(t('factsheet:endnotes'))}</h2><ol class="endnotes">
${notes}
</ol></section>
</main>
</body>
</html>
`;
}

/**
 * The small form above the served page: choose the date, print, PDF, JSON (hidden when printing).
 * For the fact sheet route, which still builds its own copy (src/transparency/routes.ts) until it calls this.
 */
export function factSheetControls(date: string): string {
  const d = escape(date);
  return `<nav class="print" aria-label="${escape(t('factsheet:controls.label'))}"><form method="get" action="/factsheet">
<a href="/?asOf=${d}">${escape(t('factsheet:controls.back'))}</a> ·
<label for="asOf">${escape(t('factsheet:controls.for'))}</label> <input id="asOf" name="asOf" type="date" value="${d}" required>
<button type="submit">${escape(t('factsheet:controls.show'))}</button> ·
<button type="button" onclick="window.print()">${escape(t('factsheet:controls.print'))}</button> ·
<a href="/factsheet?asOf=${d}&amp;format=pdf">${escape(t('factsheet:controls.pdf'))}</a> ·
<a href="/api/v1/factsheet?asOf=${d}">${escape(t('factsheet:controls.json'))}</a>
</form></nav>`;
}
