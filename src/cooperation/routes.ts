/** HTTP routes of funding flows (the cooperation pillar's plugin). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { WRITE_TREATY, requireWriter, writeStateInBody } from '../http/auth.js';
import { PUBLIC_READ } from '../http/etag.js';
import { asOf, stateCode } from '../http/params.js';
import type { PillarOptions } from '../http/plugin.js';
import { HttpProblem } from '../http/problem.js';
import { IatiRejectedError } from './files/iati.js';
import { flowsBody, fundingQuery, iatiQuery, needsQuery, readFlow, readRate } from './input.js';
import type { ExchangeRate } from './model.js';
import { flowsStored, fundingOn, fundingYears, importIati, needsOn, recordFlows } from './service.js';
import type { FlowFilter } from './totals.js';

const TAGS = ['Cooperation'];
/** An IATI file of a large donor runs to tens of megabytes. */
const UPLOAD_LIMIT = 128 * 1024 * 1024;

/** A national editor records flows its State received or gave: every flow names it as recipient or donor. */
const FLOWS_OF_A_STATE = writeStateInBody<z.infer<typeof flowsBody>>((body, iso3) =>
  body.flows.every((f) => f.recipient === iso3 || f.donor.id.toUpperCase() === iso3),
);

/** The query's filter, the recipient checked (a State's code in any case, or `global`). */
function filterOf(query: z.infer<typeof fundingQuery>): FlowFilter {
  let recipient: FlowFilter['recipient'];
  if (query.recipient !== undefined) {
    recipient = query.recipient.toLowerCase() === 'global' ? 'global' : (stateCode(query.recipient) ?? undefined);
    if (recipient === undefined)
      throw new HttpProblem(400, `"${query.recipient}" is not one of the 197 States nor "global".`, [
        { field: 'query.recipient', expected: 'an ISO 3166-1 alpha-3 code of one of the 197 States, or global' },
      ]);
  }
  return { asOf: asOf(query), year: query.year, donor: query.donor, recipient, type: query.type };
}

export function cooperationPlugin(app: FastifyInstance, { store }: PillarOptions): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // An IATI upload is XML, kept as text for the reader (this plugin's routes only).
  app.addContentTypeParser(
    ['application/xml', 'text/xml'],
    { parseAs: 'string', bodyLimit: UPLOAD_LIMIT },
    (_request, body, done) => done(null, body),
  );

  api.get(
    '/api/v1/funding',
    {
      config: PUBLIC_READ,
      schema: {
        tags: TAGS,
        summary:
          'Funding in a year on a date: total, international and national, by sector, top five donors, recipients, sources',
        querystring: fundingQuery,
      },
    },
    async (request) => fundingOn(store, filterOf(request.query)),
  );

  api.get(
    '/api/v1/funding/years',
    {
      config: PUBLIC_READ,
      schema: {
        tags: TAGS,
        summary: 'The trend: every year with a flow known on the date, and the top five donors’ share',
        querystring: fundingQuery.omit({ year: true }),
      },
    },
    async (request) => fundingYears(store, filterOf(request.query)),
  );

  api.get(
    '/api/v1/funding/needs',
    {
      config: PUBLIC_READ,
      schema: {
        tags: TAGS,
        summary:
          'Needs stated in Article 5 extension requests (budget spread over the work plan) against the support received, per State and year, on a date',
        querystring: needsQuery,
      },
    },
    async (request) => {
      const { iso3 } = request.query;
      const code = iso3 === undefined ? undefined : stateCode(iso3);
      if (code === null)
        throw new HttpProblem(400, `"${iso3}" is not one of the 197 States.`, [
          { field: 'query.iso3', expected: 'an ISO 3166-1 alpha-3 code of one of the 197 States' },
        ]);
      return needsOn(store, { asOf: asOf(request.query), iso3: code });
    },
  );

  api.get(
    '/api/v1/funding/flows',
    {
      config: PUBLIC_READ,
      schema: { tags: TAGS, summary: 'Every stored funding flow, with its sources (double-counted ones marked)' },
    },
    async () => flowsStored(store),
  );

  api.post(
    '/api/v1/funding/flows',
    {
      config: FLOWS_OF_A_STATE,
      schema: {
        tags: TAGS,
        summary: 'Add funding flows, all or none (editor or admin; x-csrf-token)',
        body: flowsBody,
      },
    },
    async (request, reply) => {
      const user = requireWriter(request);
      const day = asOf(request.body);
      const flows = request.body.flows.map((f) => readFlow(f, day));
      return reply.code(201).send(await recordFlows(store, flows, { userId: user.id }, day));
    },
  );

  api.post(
    '/api/v1/funding/iati',
    {
      bodyLimit: UPLOAD_LIMIT,
      config: WRITE_TREATY, // flows of many States at once: ISU and admin
      schema: {
        tags: TAGS,
        summary:
          'Import an IATI activity file (XML 2.01-2.03, Content-Type application/xml), all or nothing; a re-import changes nothing (editor or admin; x-csrf-token)',
        querystring: iatiQuery,
        body: z.string().describe('IATI activity XML'),
      },
    },
    async (request, reply) => {
      const user = requireWriter(request);
      const texts = request.query.rate === undefined ? [] : [request.query.rate].flat();
      const rates = texts.map(readRate).filter((r): r is ExchangeRate => r !== null);
      if (rates.length !== texts.length)
        throw new HttpProblem(400, 'An exchange rate must be more than 0.', [
          { field: 'query.rate', expected: 'CURRENCY:YEAR:US$ PER UNIT:SOURCE with a rate more than 0' },
        ]);
      const options = { source: request.query.source, rates, asOf: asOf(request.query) };
      try {
        const result = await importIati(store, request.body, 'upload', options, { userId: user.id });
        const wrote = result.written !== null && result.written.flowsAdded + result.written.flowsRemoved > 0;
        return reply.code(wrote ? 201 : 200).send(result);
      } catch (error) {
        if (!(error instanceof IatiRejectedError)) throw error;
        throw new HttpProblem(
          422,
          `The IATI file was not imported: ${error.problems.length} problem(s).`,
          error.problems.map((p) => ({ field: `body (${p.where})`, expected: p.expected })),
        );
      }
    },
  );
  return Promise.resolve();
}
