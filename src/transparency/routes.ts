/** HTTP routes of reported figures and the fact sheet (the transparency pillar's plugin). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CalendarDate } from '../core/date.js';
import { WRITE_TREATY, requireWriter } from '../http/auth.js';
import { PUBLIC_READ } from '../http/etag.js';
import { asOf, asOfQuery } from '../http/params.js';
import type { PillarOptions } from '../http/plugin.js';
import type { EngineCache } from '../treaty/cache.js';
import { factSheetControls, factSheetHtml } from './factsheet/html.js';
import type { FactSheet } from './factsheet/model.js';
import { PdfRenderer } from './factsheet/pdf.js';
import { HttpProblem } from '../http/problem.js';
import { dataVersion } from '../store/versions.js';
import { figureBody, readFigure } from './input.js';
import { factSheetOn, figureEditions, figuresKnown, planOn, plansOn } from './service.js';
import { addReportedFigure } from './store.js';

const TAGS = ['Sources and figures'];
const figureQuery = asOfQuery.extend({ indicator: z.string().optional(), scope: z.string().optional() });
const planParam = z.object({ plan: z.string().min(1).max(100) });
const factSheetQuery = asOfQuery.extend({ format: z.enum(['html', 'pdf', 'json']).optional() });

export interface TransparencyOptions extends PillarOptions {
  engines: EngineCache;
  /** Fact sheet PDFs: how many render at once, and the cache (default: one at a time, in Node). */
  pdfs?: PdfRenderer;
}

/** Seconds a client is told to wait when every PDF render slot is busy. */
const PDF_RETRY_AFTER_S = 10;

export function transparencyPlugin(app: FastifyInstance, options: TransparencyOptions): Promise<void> {
  const { store, engines } = options;
  const pdfs = options.pdfs ?? new PdfRenderer();
  const api = app.withTypeProvider<ZodTypeProvider>();

  const factSheet = async (date: CalendarDate): Promise<FactSheet> =>
    factSheetOn(store, (await engines.get()).engine, date);

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
    async (request) =>
      figuresKnown(store, asOf(request.query), { indicator: request.query.indicator, scope: request.query.scope }),
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
    async (request) => figureEditions(store, request.query.indicator),
  );
  api.post(
    '/api/v1/figures',
    {
      config: WRITE_TREATY,
      schema: { tags: TAGS, summary: 'Add a reported figure (editor or admin; x-csrf-token)', body: figureBody },
    },
    async (request, reply) => {
      const user = requireWriter(request);
      const stored = await addReportedFigure(store, readFigure(request.body), { userId: user.id });
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
    async (request) => factSheet(asOf(request.query)),
  );

  api.get(
    '/api/v1/plans',
    {
      config: PUBLIC_READ,
      schema: {
        tags: TAGS,
        summary: 'The action plans (Maputo, Oslo, Siem Reap-Angkor) and the one in force on a date',
        querystring: asOfQuery,
      },
    },
    (request, reply) => reply.send(plansOn(asOf(request.query))),
  );
  api.get(
    '/api/v1/plans/:plan',
    {
      config: PUBLIC_READ,
      schema: {
        tags: TAGS,
        summary:
          'An action plan (maputo, oslo, siem-reap-angkor) on a date: its actions as the data holds them, and the indicators computed from the data',
        params: planParam,
        querystring: asOfQuery,
      },
    },
    async (request) => {
      const answer = await planOn(store, (await engines.get()).engine, asOf(request.query), request.params.plan);
      if (typeof answer === 'string')
        throw new HttpProblem(
          404,
          `There is no action plan called "${request.params.plan}"; the plans are maputo, oslo and siem-reap-angkor.`,
        );
      return answer;
    },
  );

  // The printable page and its PDF, rendered on the server from the same document model.
  api.get('/factsheet', { schema: { hide: true, querystring: factSheetQuery } }, async (request, reply) => {
    const date = asOf(request.query);
    const sheet = await factSheet(date);
    if (request.query.format === 'json') return sheet;
    const html = factSheetHtml(sheet, { controls: factSheetControls(date) });
    if (request.query.format === 'pdf') {
      const pdf = await pdfs.pdf(`${await dataVersion(store)}|${date}`, () => sheet);
      if (pdf === null) {
        reply.header('retry-after', String(PDF_RETRY_AFTER_S));
        throw new HttpProblem(
          503,
          `Another fact sheet PDF is being printed; try again in ${PDF_RETRY_AFTER_S} seconds.`,
        );
      }
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="minefree-factsheet-${date}.pdf"`)
        .send(pdf);
    }
    return reply.type('text/html; charset=utf-8').send(html);
  });
  return Promise.resolve();
}
