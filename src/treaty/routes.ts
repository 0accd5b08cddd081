/** HTTP routes of the treaty engine: thin — validate, authorise, call the store or engine, present. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { WRITE_TREATY, requireWriter } from '../http/auth.js';
import type { PillarOptions } from '../http/plugin.js';
import { type EngineCache, remember } from './cache.js';
import { stateRecord } from './service.js';
import { extensionBody, instrumentBody, readExtensionDecision, readInstrument } from './input.js';
import { PUBLIC_READ } from '../http/etag.js';
import { asOf, asOfQuery, iso3Param, knownState as known } from '../http/params.js';
import { statusHistory } from './history.js';
import { OPENED_FOR_SIGNATURE } from './entry-into-force.js';
import { addExtensionDecision, addInstrument, listInstruments } from './store.js';

const TREATY = ['Treaty status'];

export interface TreatyOptions extends PillarOptions {
  engines: EngineCache;
}

/** The treaty engine's routes: status, States, deadlines, instruments and extension decisions. */
export function treatyPlugin(app: FastifyInstance, { store, engines }: TreatyOptions): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/status',
    {
      config: PUBLIC_READ,
      schema: {
        tags: TREATY,
        summary: 'States Parties, signatories, withdrawals and the latest State to join, on a date',
        querystring: asOfQuery,
      },
    },
    async (request) => (await engines.get()).engine.summary(asOf(request.query)),
  );

  api.get(
    '/api/v1/status/history',
    {
      config: PUBLIC_READ,
      schema: {
        tags: TREATY,
        summary:
          'States Parties, in force and withdrawn on each date a count changed, from 3 December 1997 to the date (default today)',
        querystring: asOfQuery,
      },
    },
    async (request) => {
      const until = asOf(request.query);
      const cached = await engines.get();
      return remember(cached.memo, `history|${until}`, () => statusHistory(cached.engine, OPENED_FOR_SIGNATURE, until));
    },
  );

  api.get(
    '/api/v1/states',
    {
      config: PUBLIC_READ,
      schema: {
        tags: TREATY,
        summary: 'All 197 States with their status and deadlines on a date',
        querystring: asOfQuery,
      },
    },
    async (request) => (await engines.get()).engine.states(asOf(request.query)),
  );

  api.get(
    '/api/v1/states/:iso3',
    {
      config: PUBLIC_READ,
      schema: { tags: TREATY, summary: 'One State on a date', params: iso3Param, querystring: asOfQuery },
    },
    async (request) => (await engines.get()).engine.state(known(request.params.iso3), asOf(request.query)),
  );

  api.get(
    '/api/v1/states/:iso3/record',
    {
      config: PUBLIC_READ,
      schema: {
        tags: TREATY,
        summary: "A State's instruments, Article 4 and 5 records and every source they cite",
        params: iso3Param,
      },
    },
    async (request) => stateRecord(store, (await engines.get()).engine, known(request.params.iso3)),
  );

  api.get(
    '/api/v1/states/:iso3/instruments',
    { config: PUBLIC_READ, schema: { tags: TREATY, summary: 'The instruments a State deposited', params: iso3Param } },
    async (request) => listInstruments(store, known(request.params.iso3)),
  );

  api.get(
    '/api/v1/deadlines/:article',
    {
      config: PUBLIC_READ,
      schema: {
        tags: TREATY,
        summary: 'Every State Party with an Article 4, 5 or 7 deadline, by date',
        params: z.object({ article: z.enum(['4', '5', '7']).describe('4 stockpiles, 5 clearance, 7 initial report') }),
        querystring: asOfQuery,
      },
    },
    async (request) =>
      (await engines.get()).engine.deadlines(Number(request.params.article) as 4 | 5 | 7, asOf(request.query)),
  );

  api.post(
    '/api/v1/states/:iso3/instruments',
    {
      config: WRITE_TREATY,
      schema: {
        tags: TREATY,
        summary: 'Record an instrument (editor or admin; x-csrf-token)',
        params: iso3Param,
        body: instrumentBody,
      },
    },
    async (request, reply) => {
      const user = requireWriter(request);
      const body = request.body;
      const record = await addInstrument(store, readInstrument(known(request.params.iso3), body), { userId: user.id });
      engines.invalidate();
      return reply.code(201).send(record);
    },
  );

  api.post(
    '/api/v1/states/:iso3/extensions',
    {
      config: WRITE_TREATY,
      schema: {
        tags: TREATY,
        summary: 'Record an Article 5 extension decision (editor or admin; x-csrf-token)',
        params: iso3Param,
        body: extensionBody,
      },
    },
    async (request, reply) => {
      const user = requireWriter(request);
      const body = request.body;
      const record = await addExtensionDecision(store, readExtensionDecision(known(request.params.iso3), body), {
        userId: user.id,
      });
      engines.invalidate();
      return reply.code(201).send(record);
    },
  );
  return Promise.resolve();
}
