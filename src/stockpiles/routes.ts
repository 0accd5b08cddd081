/** HTTP routes of the stockpile ledger (the stockpiles pillar's plugin). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { WRITE_STATE, requireWriter } from '../http/auth.js';
import { PUBLIC_READ } from '../http/etag.js';
import { asOf, asOfQuery, iso3Param, knownState } from '../http/params.js';
import type { PillarOptions } from '../http/plugin.js';
import { HttpProblem } from '../http/problem.js';
import type { EngineCache } from '../treaty/cache.js';
import { entriesBody, readEntry } from './input.js';
import { ledgerOf, recordEntries, stockpileOf, stockpilesOn } from './service.js';

const TAGS = ['Stockpiles'];

export interface StockpilesOptions extends PillarOptions {
  engines: EngineCache;
}

export function stockpilesPlugin(app: FastifyInstance, { store, engines }: StockpilesOptions): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const engine = async () => (await engines.get()).engine;

  api.get(
    '/api/v1/stockpiles',
    {
      config: PUBLIC_READ,
      schema: {
        tags: TAGS,
        summary: 'Article 4 on a date: States Parties with no stockpile, completed, holding, missed; mines destroyed',
        querystring: asOfQuery,
      },
    },
    async (request) => stockpilesOn(store, await engine(), asOf(request.query)),
  );

  api.get(
    '/api/v1/states/:iso3/stockpiles',
    {
      config: PUBLIC_READ,
      schema: {
        tags: TAGS,
        summary:
          "A State's stockpile on a date: deadline, Article 4 state, declared, destroyed, remaining, found, retained",
        params: iso3Param,
        querystring: asOfQuery,
      },
    },
    async (request) => {
      const iso3 = knownState(request.params.iso3);
      const answer = await stockpileOf(store, await engine(), iso3, asOf(request.query));
      if (answer === null) throw new HttpProblem(404, `${iso3} is not in the reference data.`);
      return answer;
    },
  );

  api.get(
    '/api/v1/states/:iso3/stockpiles/ledger',
    {
      config: PUBLIC_READ,
      schema: { tags: TAGS, summary: "A State's ledger: every entry as stored, with its sources", params: iso3Param },
    },
    async (request) => ledgerOf(store, knownState(request.params.iso3)),
  );

  api.post(
    '/api/v1/states/:iso3/stockpiles',
    {
      config: WRITE_STATE,
      schema: {
        tags: TAGS,
        summary: "Add entries to a State's ledger, all or none (editor or admin; x-csrf-token)",
        params: iso3Param,
        body: entriesBody,
      },
    },
    async (request, reply) => {
      const user = requireWriter(request);
      const iso3 = knownState(request.params.iso3);
      const entries = request.body.entries.map((e) => readEntry(iso3, e));
      const until = asOf(request.body);
      const stored = await recordEntries(store, await engine(), iso3, entries, { userId: user.id }, until);
      return reply.code(201).send(stored);
    },
  );
  return Promise.resolve();
}
