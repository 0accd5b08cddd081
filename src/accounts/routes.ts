import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem } from '../http/problem.js';
import type { PillarOptions } from '../http/plugin.js';
import { newAccountThrottle, signIn, signOut } from './session.js';

const TAGS = ['Session'];

/** Sign in, who is signed in, sign out: `/api/v1/session`. */
export async function accountsPlugin(app: FastifyInstance, { store }: PillarOptions): Promise<void> {
  // Per client address (request.ip: the socket, or the address MINEFREE_TRUST_PROXY hops back),
  // and per account, whatever the address.
  await app.register(rateLimit, { global: false });
  const throttle = newAccountThrottle();
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/api/v1/session',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: TAGS,
        summary: 'Sign in: sets the session cookie and returns the CSRF token for writes',
        body: z.object({ email: z.string().min(3).max(320), password: z.string().min(1).max(1024) }),
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const { user, csrfToken } = await signIn(store, request, reply, { email, password, throttle });
      return { user: { email: user.email, name: user.name, role: user.role, state: user.state }, csrfToken };
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
        user: { email: auth.user.email, name: auth.user.name, role: auth.user.role, state: auth.user.state },
        csrfToken: auth.session.csrfToken,
      };
    },
  );
  api.delete(
    '/api/v1/session',
    { schema: { tags: TAGS, summary: 'Sign out (x-csrf-token)' } },
    async (request, reply) => {
      await signOut(store, request, reply);
      return reply.code(204).send();
    },
  );
}
