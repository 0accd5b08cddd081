/** Settings from the environment (README, "Configuration"). */
import { UsageError } from '../core/errors.js';

export interface ServerConfig {
  port: number;
  host: string;
  /** PostgreSQL URL; when absent, the SQLite file below. */
  databaseUrl: string | undefined;
  dbFile: string | undefined;
  /** Trust X-Forwarded-* from a proxy in front (for Secure cookies behind TLS). */
  trustProxy: boolean;
}

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';

function port(text: string | undefined): number {
  if (!text) return DEFAULT_PORT;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value > 65535)
    throw new UsageError(`PORT "${text}": expected a port number from 0 to 65535`);
  return value;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: port(env.PORT),
    host: env.HOST || DEFAULT_HOST,
    databaseUrl: env.DATABASE_URL || undefined,
    dbFile: env.MINEFREE_DB || undefined,
    trustProxy: env.MINEFREE_TRUST_PROXY === '1',
  };
}
