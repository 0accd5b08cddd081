/** HTTP routes of reported figures and the fact sheet (the transparency pillar's plugin). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CalendarDate } from '../core/date.js';
import { QUALIFIERS } from '../core/source.js';
import { requireWriter } from '../http/auth.js';
import type { PillarOptions } from '../http/plugin.js';
import { loadSources } from '../sources/store.js';
import type { EngineCache } from '../treaty/cache.js';
import { PUBLIC_READ } from '../http/etag.js';
import { asOf, asOfQuery, calendarDate, partialDate } from '../http/params.js';
import { figuresKnownOn } from './editions.js';
import type { FactSheetInput } from './factsheet/build.js';
import { buildFactSheet } from './factsheet/build.js';
import { factSheetHtml } from './factsheet/html.js';
import { htmlToPdf } from './factsheet/pdf.js';
import { figureJson } from './figure-json.js';
import { factSheetInputFromStore } from './factsheet/from-store.js';
import { addReportedFigure, listReportedFigures } from './store.js';

const TAGS = ['Sources and figures'];
const figureBody = z.object({
  indicator: z.string().regex(/^[a-z0-9_]+$/, 'an indicator name such as casualties_mines_erw'),
  scope: z.string().min(1),
  period: partialDate,
  value: z.number().finite(),
  qualifier: z.enum(QUALIFIERS),
  unit: z.string().min(1),
  source: z.string().min(1),
  citedDocument: z.string().nullable().optional(),
  citedPage: z.string().nullable().optional(),
  edition: z.string().nullable().optional(),
  published: calendarDate
    .nullable()
    .describe('When the edition became public; the edition rule picks the latest on or before a date'),
  notes: z.string().optional(),
});
const figureQuery = asOfQuery.extend({ indicator: z.string().optional(), scope: z.string().optional() });
const factSheetQuery = asOfQuery.extend({ format: z.enum(['html', 'pdf', 'json']).optional() });

export interface TransparencyOptions extends PillarOptions {
  engines: EngineCache;
}

export function transparencyPlugin(app: FastifyInstance, { store, engines }: TransparencyOptions): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  const factSheetInput = async (date: CalendarDate): Promise<FactSheetInput> =>
    factSheetInputFromStore(store, (await engines.get()).engine, date);

  api.get(
    '/api/v1/figures',
    {
      config: PUBLIC_READ,
      schema: {
        tags: TAGS,
        summary: 'Reported figures known on a date: the latest edition for each period',
        querystring: figureQuery,
      },
    },
    async (request) => {
      const [figures, sources] = await Promise.all([
        listReportedFigures(store, { indicator: request.query.indicator, scope: request.query.scope }),
        loadSources(store),
      ]);
      return figuresKnownOn(figures, asOf(request.query)).map((f) => figureJson(f, sources));
    },
  );
  api.get(
    '/api/v1/figures/editions',
    {
      config: PUBLIC_READ,
      schema: {
        tags: TAGS,
        summary: 'Every edition of every reported figure, for charts of revisions',
        querystring: z.object({ indicator: z.string().optional() }),
      },
    },
    async (request) => {
      const [figures, sources] = await Promise.all([
        listReportedFigures(store, { indicator: request.query.indicator }),
        loadSources(store),
      ]);
      return figures.map((f) => figureJson(f, sources));
    },
  );
  api.post(
    '/api/v1/figures',
    { schema: { tags: TAGS, summary: 'Add a reported figure (editor or admin; x-csrf-token)', body: figureBody } },
    async (request, reply) => {
      const user = requireWriter(request);
      const b = request.body;
      const stored = await addReportedFigure(
        store,
        {
          indicator: b.indicator,
          scope: b.scope,
          period: b.period,
          value: b.value,
          qualifier: b.qualifier,
          unit: b.unit,
          source: b.source,
          citedDocument: b.citedDocument ?? null,
          citedPage: b.citedPage ?? null,
          edition: b.edition ?? null,
          published: b.published as CalendarDate | null,
          notes: b.notes ?? '',
        },
        { userId: user.id },
      );
      return reply.code(201).send(stored);
    },
  );

  api.get(
    '/api/v1/factsheet',
    {
      config: PUBLIC_READ,
      schema: {
        tags: TAGS,
        summary: 'The Convention fact sheet for a date (JSON document model)',
        querystring: asOfQuery,
      },
    },
    async (request) => buildFactSheet(await factSheetInput(asOf(request.query))),
  );

  // The printable page and its PDF, rendered on the server from the same document model.
  api.get('/factsheet', { schema: { hide: true, querystring: factSheetQuery } }, async (request, reply) => {
    const date = asOf(request.query);
    const sheet = buildFactSheet(await factSheetInput(date));
    if (request.query.format === 'json') return sheet;
    const html = factSheetHtml(sheet, { controls: factSheetControls(date) });
    if (request.query.format === 'pdf') {
      const pdf = await htmlToPdf(factSheetHtml(sheet));
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="minefree-factsheet-${date}.pdf"`)
        .send(pdf);
    }
    return reply.type('text/html; charset=utf-8').send(html);
  });
  return Promise.resolve();
}

/** A small form above the page: choose the date, download the PDF, print. Hidden when printing. */
function factSheetControls(date: CalendarDate): string {
  return `<nav class="print" aria-label="Fact sheet options"><form method="get" action="/factsheet">
<a href="/?asOf=${date}">← minefree</a> ·
<label for="asOf">Fact sheet for</label> <input id="asOf" name="asOf" type="date" value="${date}" required>
<button type="submit">Show</button> ·
<button type="button" onclick="window.print()">Print</button> ·
<a href="/factsheet?asOf=${date}&amp;format=pdf">PDF</a> ·
<a href="/api/v1/factsheet?asOf=${date}">JSON</a>
</form></nav>`;
}
