import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import zlib from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { accountsPlugin } from '../accounts/routes.js';
import { sessionLookup } from '../accounts/session.js';
import { clearancePlugin } from '../clearance/routes.js';
import { cooperationPlugin } from '../cooperation/routes.js';
import { ClearanceCache } from '../clearance/serving/cache.js';
import { registerAuth } from '../http/auth.js';
import { registerEtag } from '../http/etag.js';
import { errorHandler } from '../http/problem.js';
import { sourcesPlugin } from '../sources/routes.js';
import { stockpilesPlugin } from '../stockpiles/routes.js';
import type { Store } from '../store/database.js';
import { transparencyPlugin } from '../transparency/routes.js';
import { EngineCache } from '../treaty/cache.js';
import { treatyPlugin } from '../treaty/routes.js';
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
  // Brotli or gzip for every text answer over 1 KB (the JSON of 197 States is 170 KB raw); quality 4 keeps it cheap.
  await app.register(fastifyCompress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
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

  const { store } = options;
  registerAuth(app, sessionLookup(store));
  registerEtag(app, store);
  app.get('/api/v1/ping', { schema: { hide: true } }, () => ({ ok: true }));

  // Every pillar, one line each; the treaty engine's cache is shared by those that read the engine.
  const engines = new EngineCache(store);
  await app.register(accountsPlugin, { store });
  await app.register(sourcesPlugin, { store });
  await app.register(treatyPlugin, { store, engines });
  await app.register(transparencyPlugin, { store, engines });
  await app.register(stockpilesPlugin, { store, engines });
  await app.register(clearancePlugin, { store, engines, clearance: new ClearanceCache(store) });
  await app.register(cooperationPlugin, { store });
  await registerWeb(app, options.webRoot);
  return app;
}
