// The fact sheet PDF made in Node (pdfmake, embedded Roboto): text in French and Spanish comes
// back out of the file as written, headings are bookmarks, endnotes and page numbers are there.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../core/date.js';
import type { FactSheet } from './model.js';
import { PdfRenderer, factSheetPdf } from './pdf.js';

const sheet = (text: string): FactSheet => ({
  asOf: parseDate('2018-03-01'),
  title: 'La Convention sur l’interdiction des mines antipersonnel',
  subtitle: 'Fiche d’information au 1er mars 2018',
  figures: [],
  sections: [
    {
      id: 'today',
      title: 'État de la Convention',
      paragraphs: [
        { kind: 'heading', text: 'Réalisations', notes: [] },
        { kind: 'text', text, notes: [1] },
        {
          kind: 'bullet',
          text: 'Señal de advertencia: «¡peligro, minas!» — año 2018, niños y señoras.',
          notes: [1, 2],
        },
      ],
    },
  ],
  endnotes: [
    { n: 1, text: 'Landmine Monitor 2017, p. 12 [S01].', url: 'https://example.org/lm2017' },
    { n: 2, text: 'Rapport au titre de l’article 7 [S02].', url: null },
  ],
});

const textOf = (pdf: Buffer): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'minefree-pdf-')), 'sheet.pdf');
  writeFileSync(file, pdf);
  return spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout;
};

describe('fact sheet PDF without a browser', () => {
  it('keeps every French and Spanish character', async () => {
    const french = 'Œuvre commune : déminage achevé à 83 %, « garantie » ; ç, è, ê, ë, î, ï, ô, ù, û, ÿ.';
    const pdf = await factSheetPdf(sheet(french));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = textOf(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Œuvre commune : déminage achevé à 83 %, « garantie » ; ç, è, ê, ë, î, ï, ô, ù, û, ÿ.');
    expect(text).toContain('Señal de advertencia: «¡peligro, minas!» — año 2018, niños y señoras.');
    expect(text).toContain('ÉTAT DE LA CONVENTION');
    expect(text).toContain('Rapport au titre de l’article 7 [S02].');
    expect(text).toContain('https://example.org/lm2017');
    expect(text).toMatch(/Page 1 of 1/);
  });

  it('writes the headings as bookmarks and the title as the document title', async () => {
    const raw = (await factSheetPdf(sheet('Texte.'))).toString('latin1');
    expect(raw).toContain('/Outlines');
    expect(raw).toMatch(/\/DisplayDocTitle true/);
  });

  it('renders through the bounded renderer and caches by key', async () => {
    let renders = 0;
    const pdfs = new PdfRenderer(1, async (s) => {
      renders += 1;
      return factSheetPdf(s);
    });
    const a = await pdfs.pdf('k', () => sheet('Un.'));
    const b = await pdfs.pdf('k', () => sheet('Deux.'));
    expect(a).toBe(b);
    expect(renders).toBe(1);
  });
});
