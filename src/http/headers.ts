/**
 * Security headers on every answer (HTML pages above all), with @fastify/helmet: a Content
 * Security Policy the web app, the MapLibre worker (a blob: URL) and the fact sheet work under,
 * nosniff, no framing by other sites, and no referrer sent to other origins.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** The fact sheet's Print button (`onclick="window.print()"`): allowed by its hash, and nothing else inline. */
const PRINT_HANDLER = "'sha256-MguIPR6qNR8D3B+eAlK+bIRTZe8t3wkOY4B/56Me9FU='";

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", "'unsafe-hashes'", PRINT_HANDLER],
  // React and MapLibre set style attributes; ECharts' SVG carries inline styles.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  childSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  // Served over plain HTTP on 127.0.0.1 too: do not rewrite its own requests to https.
  upgradeInsecureRequests: null,
};

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
}
