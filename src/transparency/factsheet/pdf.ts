/**
 * PDFs made in Node, with no browser: pdfmake lays out the document definition (pdf-layout.ts)
 * with fonts embedded from an npm package, so `npm ci` alone is enough for every PDF.
 *
 * Fonts: Roboto, the four faces shipped inside the pdfmake package (node_modules/pdfmake/fonts/
 * Roboto). Roboto covers Latin (English, French, Spanish) and Cyrillic (Russian). Arabic and
 * Chinese need their own faces: add the TTF (or WOFF) files of an npm font package, for example
 * Noto Sans Arabic and Noto Sans SC, as further families in FONTS and pick the family by
 * language in pdf-layout.ts (pdfmake shapes Arabic only in part: right-to-left text needs a check
 * on rendered pages before it ships).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FactSheet } from './model.js';
import { PDF_FONT, type PdfDefinition, factSheetPdfDefinition } from './pdf-layout.js';

interface PdfMake {
  setFonts(fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>): void;
  setUrlAccessPolicy(allow: (url: string) => boolean): void;
  setLocalAccessPolicy(allow: (path: string) => boolean): void;
  createPdf(definition: PdfDefinition): { getBuffer(): Promise<Buffer> };
}

const require = createRequire(import.meta.url);
/** The folder of the fonts that ship with pdfmake. */
export const FONT_DIR = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');

let pdfmake: PdfMake | null = null;

/** pdfmake, loaded once, with the embedded fonts and no access to the network or other files. */
function printer(): PdfMake {
  if (pdfmake !== null) return pdfmake;
  const loaded = require('pdfmake') as PdfMake;
  loaded.setFonts({
    [PDF_FONT]: {
      normal: join(FONT_DIR, 'Roboto-Regular.ttf'),
      bold: join(FONT_DIR, 'Roboto-Medium.ttf'),
      italics: join(FONT_DIR, 'Roboto-Italic.ttf'),
      bolditalics: join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
    },
  });
  loaded.setUrlAccessPolicy(() => false);
  loaded.setLocalAccessPolicy((path) => path.startsWith(FONT_DIR));
  pdfmake = loaded;
  return loaded;
}

/** Any document definition to PDF bytes. */
export function definitionToPdf(definition: PdfDefinition): Promise<Buffer> {
  return printer().createPdf(definition).getBuffer();
}

/** The fact sheet as an A4 PDF: headings as bookmarks, page numbers, endnotes with every source. */
export function factSheetPdf(sheet: FactSheet): Promise<Buffer> {
  return definitionToPdf(factSheetPdfDefinition(sheet));
}

/**
 * Bounded PDF work: at most `concurrency` renders at a time (each holds the event loop and
 * memory while it lays out pages); a request beyond that is refused at once (the route answers
 * 503 with Retry-After) instead of queueing. Rendered PDFs are kept per key (data version and
 * date), the newest `cacheSize`.
 */
export class PdfRenderer {
  private running = 0;
  private readonly cache = new Map<string, Buffer>();

  constructor(
    readonly concurrency = 1,
    private readonly render: (sheet: FactSheet) => Promise<Buffer> = factSheetPdf,
    readonly cacheSize = 32,
  ) {}

  /** The PDF for this key: from the cache, or rendered now; null when every render slot is busy. */
  async pdf(key: string, sheet: () => FactSheet): Promise<Buffer | null> {
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    if (this.running >= this.concurrency) return null;
    this.running += 1;
    try {
      const pdf = await this.render(sheet());
      this.cache.set(key, pdf);
      while (this.cache.size > this.cacheSize) {
        const oldest = this.cache.keys().next().value;
        if (oldest === undefined) break;
        this.cache.delete(oldest);
      }
      return pdf;
    } finally {
      this.running -= 1;
    }
  }
}
