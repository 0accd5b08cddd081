// Fact sheet PDFs: one render at a time (the others answered 503 with Retry-After, never a
// queue of renders), and a rendered PDF kept per (data version, date). A counting renderer stands
// in for pdfmake, so the test counts renders and holds one open.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { PdfRenderer } from '../../src/transparency/factsheet/pdf.js';
import { forEachDatabase } from '../../src/store/test-databases.js';
import { expectProblem, useApp } from './harness.js';

forEachDatabase((database) => {
  const h = useApp(database);

  it('renders one PDF at a time, answers 503 with Retry-After meanwhile, and caches per data version and date', async () => {
    let renders = 0;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const pdfs = new PdfRenderer(1, async (sheet) => {
      renders += 1;
      if (renders === 1) await held;
      return Buffer.from(`%PDF-1.7 ${sheet.asOf}`);
    });
    const app = await h.another({ pdfs });
    const pdf = (asOf: string) => app.inject({ method: 'GET', url: `/factsheet?asOf=${asOf}&format=pdf` });

    const first = pdf('2018-03-01');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const busy = await pdf('2019-03-01');
    expectProblem(busy, 503);
    expect(busy.headers['retry-after']).toBe('10');
    release();
    const done = await first;
    expect(done.statusCode).toBe(200);
    expect(done.headers['content-type']).toBe('application/pdf');

    const again = await pdf('2018-03-01');
    expect(again.body).toBe(done.body);
    expect(renders).toBe(1);
    expect((await pdf('2019-03-01')).statusCode).toBe(200);
    expect(renders).toBe(2);
  });

  it('prints the fact sheet PDF in Node, with no browser, from the web link', async () => {
    const response = await h.get('/factsheet?asOf=2018-03-01&format=pdf');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const file = join(mkdtempSync(join(tmpdir(), 'minefree-pdf-')), 'sheet.pdf');
    writeFileSync(file, response.rawPayload);
    const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('164 States');
    expect(text).toMatch(/Page 1 of \d+/);
  });
});
