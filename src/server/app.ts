import { randomUUID } from 'node:crypto';
import zlib from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { accountsPlugin } from '../accounts/routes.js';
import { sessionLookup } from '../accounts/session.js';
import { clearancePlugin } from '../clearance/routes.js';
import { cooperationPlugin } from '../cooperation/routes.js';
import { ClearanceCache } from '../clearance/serving/cache.js';
import { registerAuth } from '../http/auth.js';
import { registerEdgeChecks } from '../http/edge.js';
import { registerSecurityHeaders } from '../http/headers.js';
import { clientErrorHandler, frameworkErrors, registerUrlLimit } from '../http/framework-errors.js';
import { registerEtag } from '../http/etag.js';
import { openApiCompleter } from '../http/openapi.js';
import { errorHandler } from '../http/problem.js';
import { sourcesPlugin } from '../sources/routes.js';
import { stockpilesPlugin } from '../stockpiles/routes.js';
import type { Store } from '../store/database.js';
import { PdfRenderer } from '../transparency/factsheet/pdf.js';
import { reportingPlugin } from '../reporting/routes.js';
import { transparencyPlugin } from '../transparency/routes.js';
import { EngineCache } from '../treaty/cache.js';
import { treatyPlugin } from '../treaty/routes.js';
import { victimsPlugin } from '../victims/routes.js';
import { registerApiDocs } from './api-docs.js';
import { ANSWERS } from './openapi-answers.js';
import { registerWeb } from './web.js';

/** Where the JSON log lines go: `true` is stderr; a stream (a test's) receives them instead. */
export type LogOption = boolean | { stream: { write(line: string): unknown }; level?: string };

export interface AppOptions {
  store: Store;
  /** One JSON line per request (with its id) and every 5xx with its stack; off by default (tests). */
  logger?: LogOption;
  /** Proxies in front to trust: a hop count (`true`: every hop, for tests only). */
  trustProxy?: boolean | number;
  /** Fact sheet PDF renders at once (MINEFREE_PDF_RENDERS), or a renderer (tests). */
  pdfs?: PdfRenderer;
  /** Folder of the built web app; default src/web/dist. */
  webRoot?: string;
}

/**
 * Fastify fails closed on a bare hop count (a direct client could send enough X-Forwarded-For
 * entries); minefree listens on 127.0.0.1 behind its proxies, so N hops are trusted by position:
 * the client address is the one the N-th proxy saw, never an entry the client wrote itself.
 */
function trustFunction(trust: boolean | number): boolean | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'boolean') return trust;
  if (trust <= 0) return false;
  return (_address, hop) => hop < trust;
}

/** MINEFREE_PDF_RENDERS: fact sheet PDFs rendered at once (in Node, pdfmake); default 1. */
function pdfRenders(): number {
  const n = Number(process.env.MINEFREE_PDF_RENDERS ?? '1');
  return Number.isInteger(n) && n >= 1 && n <= 16 ? n : 1;
}

/** The whole HTTP application (API, docs, fact sheet, web app), ready for inject() or listen(). */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const log = options.logger ?? false;
  const app = Fastify({
    logger:
      log === false
        ? false
        : log === true
          ? { level: 'info', stream: process.stderr }
          : { level: log.level ?? 'info', stream: log.stream },
    // One line per request, written when it is answered (below), instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: trustFunction(options.trustProxy ?? false),
    // Our own id for every request (never one a client sends): in the log line, the problem, the header.
    requestIdHeader: false,
    genReqId: () => randomUUID(),
    // Fastify's and Node's own refusals (bad URL, 414, 431) as problem+json too.
    frameworkErrors,
    clientErrorHandler,
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    const line = {
      method: request.method,
      url: request.url,
      statusCode: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    };
    if (reply.statusCode >= 500) request.log.error(line, 'answered');
    else request.log.info(line, 'answered');
  });
  registerUrlLimit(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // Brotli or gzip for every text answer over 1 KB (the JSON of 197 States is 170 KB raw); quality 4 keeps it cheap.
  await app.register(fastifyCompress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  await registerSecurityHeaders(app);
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'minefree API',
        version: '1',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
        description:
          'The Anti-Personnel Mine Ban Convention: status, deadlines, sources and figures on any date. Errors are RFC 9457 problem+json.',
      },
    },
    transform: jsonSchemaTransform,
    // operationIds, answers (2xx and problem+json 4xx), security on writes, servers: documentation only.
    transformObject: openApiCompleter(app, ANSWERS),
  });
  registerApiDocs(app, () => app.swagger());
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, () => app.swagger());

  const { store } = options;
  registerAuth(app, sessionLookup(store));
  registerEdgeChecks(app);
  registerEtag(app, store);
  app.get('/api/v1/ping', { schema: { hide: true } }, () => ({ ok: true }));

  // Every pillar, one line each; the treaty engine's cache is shared by those that read the engine.
  const engines = new EngineCache(store);
  await app.register(accountsPlugin, { store });
  await app.register(sourcesPlugin, { store });
  await app.register(treatyPlugin, { store, engines });
  await app.register(transparencyPlugin, { store, engines, pdfs: options.pdfs ?? new PdfRenderer(pdfRenders()) });
  await app.register(stockpilesPlugin, { store, engines });
  await app.register(clearancePlugin, { store, engines, clearance: new ClearanceCache(store) });
  await app.register(cooperationPlugin, { store });
  await app.register(reportingPlugin, { store, engines });
  await app.register(victimsPlugin, { store });
  await registerWeb(app, options.webRoot);
  return app;
}
