import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem } from '../http/problem.js';
import type { PillarOptions } from '../http/plugin.js';
import { signIn, signOut } from './session.js';

const TAGS = ['Session'];

/** Sign in, who is signed in, sign out: `/api/v1/session`. */
export async function accountsPlugin(app: FastifyInstance, { store }: PillarOptions): Promise<void> {
  await app.register(rateLimit, { global: false });
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/api/v1/session',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: TAGS,
        summary: 'Sign in: sets the session cookie and returns the CSRF token for writes',
        body: z.object({ email: z.string().min(3), password: z.string().min(1) }),
      },
    },
    async (request, reply) => {
      const { user, csrfToken } = await signIn(store, request, reply, request.body.email, request.body.password);
      return { user: { email: user.email, name: user.name, role: user.role }, csrfToken };
    },
  );
  api.get(
    '/api/v1/session',
    { schema: { tags: TAGS, summary: 'Who is signed in, and the CSRF token' } },
    (request, reply) => {
      const auth = request.auth;
      if (!auth) throw new HttpProblem(401, 'Not signed in.');
      reply.header('cache-control', 'no-store');
      return {
        user: { email: auth.user.email, name: auth.user.name, role: auth.user.role },
        csrfToken: auth.session.csrfToken,
      };
    },
  );
  api.delete('/api/v1/session', { schema: { tags: TAGS, summary: 'Sign out' } }, async (request, reply) => {
    await signOut(store, request, reply);
    return reply.code(204).send();
  });
}
