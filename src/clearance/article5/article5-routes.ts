/** HTTP routes of the Article 5 workflow: thin — validate, authorise, call the store, present. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ClearanceOptions } from '../routes.js';
import type { CalendarDate } from '../../core/date.js';
import { WRITE_STATE, WRITE_TREATY, requireWriter } from '../../http/auth.js';
import { PUBLIC_READ } from '../../http/etag.js';
import { asOf, asOfQuery, calendarDate, iso3Param, knownState as known, sourceIds } from '../../http/params.js';
import { decideRequest, declareCompletion, listArticle5Workflow, submitRequest } from './service.js';

const ARTICLE5 = ['Article 5 workflow'];

const squareMetres = z.number().nonnegative().lt(1e15);
const sourceId = z.string().regex(/^[A-Z]+\d+[a-z]?$/, 'a source id such as S02');

const requestBody = z.object({
  submitted: calendarDate.describe('Date the request was submitted'),
  requestedDeadline: calendarDate.describe(
    'The new deadline asked for: after the current one, at most 10 years later (Art. 5.3)',
  ),
  remainingAreaM2: squareMetres.describe('The area the request states remains to be released, m²'),
  budgetUsd: z.number().nonnegative().lt(1e15).nullable().optional().describe('The budget it states, US$'),
  workPlan: z
    .array(z.object({ year: z.number().int().min(1).max(9999), plannedReleaseM2: squareMetres }))
    .describe('Area planned for release each year of the period'),
  sourceId: sourceId.nullable().optional(),
});

const decisionBody = z.object({
  granted: z.boolean(),
  date: calendarDate.describe('Date of the decision'),
  meeting: z.string().trim().min(1).describe('The meeting that decided, for example 22MSP'),
  newDeadline: calendarDate.nullable().optional().describe('The deadline a grant sets; none when refused'),
  sources: sourceIds.optional().describe("Sources of a grant (default: the request's source)"),
});

const completionBody = z.object({
  declaredOn: calendarDate.describe('Date of the declaration of completion'),
  sourceId: sourceId.nullable().optional(),
});

const requestParams = iso3Param.extend({
  id: z.coerce.number().int().positive().max(2_147_483_647).describe('The id of the extension request'),
});

/** The Article 5 workflow's routes; registered by the clearance plugin. */
export function article5Routes(app: FastifyInstance, { store, engines }: ClearanceOptions): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/states/:iso3/article5',
    {
      config: PUBLIC_READ,
      schema: {
        tags: ARTICLE5,
        summary:
          "A State's original and current Article 5 deadlines, extension requests and decisions, the latest work plan against land released, and completion, on a date",
        params: iso3Param,
        querystring: asOfQuery,
      },
    },
    async (request) =>
      listArticle5Workflow(store, (await engines.get()).engine, known(request.params.iso3), asOf(request.query)),
  );

  api.post(
    '/api/v1/states/:iso3/article5/requests',
    {
      config: WRITE_STATE,
      schema: {
        tags: ARTICLE5,
        summary: 'Record an extension request (editor or admin; x-csrf-token); answers with its analysis and warnings',
        params: iso3Param,
        body: requestBody,
      },
    },
    async (request, reply) => {
      const user = requireWriter(request);
      const b = request.body;
      const answer = await submitRequest(
        store,
        {
          iso3: known(request.params.iso3),
          submitted: b.submitted as CalendarDate,
          requestedDeadline: b.requestedDeadline as CalendarDate,
          remainingAreaM2: b.remainingAreaM2,
          budgetUsd: b.budgetUsd ?? null,
          workPlan: b.workPlan,
          sourceId: b.sourceId ?? null,
        },
        { userId: user.id },
      );
      engines.invalidate();
      return reply.code(201).send(answer);
    },
  );

  api.post(
    '/api/v1/states/:iso3/article5/requests/:id/decision',
    {
      config: WRITE_TREATY, // the States Parties decide
      schema: {
        tags: ARTICLE5,
        summary:
          'Record the decision on a request; a grant moves the Article 5 deadline (editor or admin; x-csrf-token)',
        params: requestParams,
        body: decisionBody,
      },
    },
    async (request, reply) => {
      const user = requireWriter(request);
      const b = request.body;
      const answer = await decideRequest(
        store,
        {
          iso3: known(request.params.iso3),
          requestId: request.params.id,
          granted: b.granted,
          date: b.date as CalendarDate,
          meeting: b.meeting,
          newDeadline: (b.newDeadline ?? null) as CalendarDate | null,
          ...(b.sources === undefined ? {} : { sources: b.sources }),
        },
        { userId: user.id },
      );
      engines.invalidate();
      return reply.code(201).send(answer);
    },
  );

  api.post(
    '/api/v1/states/:iso3/article5/completion',
    {
      config: WRITE_STATE,
      schema: {
        tags: ARTICLE5,
        summary: 'Record a declaration of completion (editor or admin; x-csrf-token)',
        params: iso3Param,
        body: completionBody,
      },
    },
    async (request, reply) => {
      const user = requireWriter(request);
      const answer = await declareCompletion(
        store,
        {
          iso3: known(request.params.iso3),
          declaredOn: request.body.declaredOn as CalendarDate,
          sourceId: request.body.sourceId ?? null,
        },
        { userId: user.id },
      );
      engines.invalidate();
      return reply.code(201).send(answer);
    },
  );
}
