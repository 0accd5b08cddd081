/** HTTP routes of the sources: every figure and date cites one. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { WRITE_SHARED, requireWriter } from '../http/auth.js';
import { PUBLIC_READ } from '../http/etag.js';
import type { PillarOptions } from '../http/plugin.js';
import { HttpProblem } from '../http/problem.js';
import { readSource, sourceBody } from './input.js';
import { addSource, getSource, listSources } from './store.js';

const TAGS = ['Sources and figures'];

export function sourcesPlugin(app: FastifyInstance, { store }: PillarOptions): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/sources',
    { config: PUBLIC_READ, schema: { tags: TAGS, summary: 'Every source, with its address and publication date' } },
    () => listSources(store),
  );
  api.get(
    '/api/v1/sources/:id',
    { config: PUBLIC_READ, schema: { tags: TAGS, summary: 'One source', params: z.object({ id: z.string() }) } },
    async (request) => {
      const source = await getSource(store, request.params.id);
      if (!source) throw new HttpProblem(404, `No source "${request.params.id}".`);
      return source;
    },
  );
  api.post(
    '/api/v1/sources',
    {
      config: WRITE_SHARED,
      schema: { tags: TAGS, summary: 'Add a source (editor or admin; x-csrf-token)', body: sourceBody },
    },
    async (request, reply) => {
      const user = requireWriter(request);
      return reply.code(201).send(await addSource(store, readSource(request.body), { userId: user.id }));
    },
  );
  return Promise.resolve();
}
