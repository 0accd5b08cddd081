import { chromium } from 'playwright-core';

/** Debian's Chromium: the only browser minefree uses; nothing is downloaded. */
export const CHROMIUM_PATH = process.env.MINEFREE_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Prints an HTML page to an A4 PDF with Chromium, so the PDF is exactly the printable page. */
export async function htmlToPdf(html: string): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' },
    });
  } finally {
    await browser.close();
  }
}

/**
 * Bounded PDF work: at most `concurrency` renders at a time (each launches a Chromium); a request
 * beyond that is refused at once (the route answers 503 with Retry-After) instead of queueing
 * browsers. Rendered PDFs are kept per key (data version and date), the newest `cacheSize`.
 */
export class PdfRenderer {
  private running = 0;
  private readonly cache = new Map<string, Buffer>();

  constructor(
    readonly concurrency = 1,
    private readonly render: (html: string) => Promise<Buffer> = htmlToPdf,
    readonly cacheSize = 32,
  ) {}

  /** The PDF for this key: from the cache, or rendered now; null when every render slot is busy. */
  async pdf(key: string, html: () => string): Promise<Buffer | null> {
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    if (this.running >= this.concurrency) return null;
    this.running += 1;
    try {
      const pdf = await this.render(html());
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
