// Fact sheet PDFs: one render at a time (the others answered 503 with Retry-After, never a
// queue of browsers), and a rendered PDF kept per (data version, date). A fake renderer stands
// in for Chromium, so the test counts renders and holds one open.
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
    const pdfs = new PdfRenderer(1, async (html) => {
      renders += 1;
      if (renders === 1) await held;
      return Buffer.from(`%PDF-1.7 ${html.length}`);
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
});
