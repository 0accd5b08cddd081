import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { ClearanceCache } from '../clearance/cache.js';
import { clearanceRoutes } from '../clearance/routes.js';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { article5Routes } from '../clearance/article5-routes.js';
import type { Store } from '../store/database.js';
import { transparencyRoutes } from '../transparency/routes.js';
import { treatyRoutes } from '../treaty/routes.js';
import { registerAuth } from './auth.js';
import type { ApiContext } from './context.js';
import { EngineCache } from './engine-cache.js';
import { registerEtag } from './etag.js';
import { errorHandler } from './problem.js';
import { sessionRoutes } from './session-routes.js';
import { registerWeb } from './web.js';

export interface AppOptions {
  store: Store;
  logger?: boolean;
  trustProxy?: boolean;
  /** Folder of the built web app; default src/web/dist. */
  webRoot?: string;
}

/** The whole HTTP application (API, docs, fact sheet, web app), ready for inject() or listen(). */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, trustProxy: options.trustProxy ?? false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'minefree API',
        version: '1',
        description:
          'The Anti-Personnel Mine Ban Convention: status, deadlines, sources and figures on any date. Errors are RFC 9457 problem+json.',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/v1/docs' });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, () => app.swagger());

  const context: ApiContext = {
    store: options.store,
    engines: new EngineCache(options.store),
    clearance: new ClearanceCache(options.store),
  };
  registerAuth(app, options.store);
  registerEtag(app, options.store);
  app.get('/api/v1/ping', { schema: { hide: true } }, () => ({ ok: true }));
  await sessionRoutes(app, context);
  treatyRoutes(app, context);
  article5Routes(app, context);
  transparencyRoutes(app, context);
  clearanceRoutes(app, context);
  await registerWeb(app, options.webRoot);
  return app;
}
