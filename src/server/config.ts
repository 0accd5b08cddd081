/** Settings from the environment (README, "Configuration"). */
import { UsageError } from '../core/errors.js';

export interface ServerConfig {
  port: number;
  host: string;
  /** PostgreSQL URL; when absent, the SQLite file below. */
  databaseUrl: string | undefined;
  dbFile: string | undefined;
  /**
   * How many proxies in front to trust (0: none). The client address is the one that many hops
   * back along X-Forwarded-For, never an entry the client wrote itself; X-Forwarded-Proto of a
   * trusted proxy makes session cookies Secure.
   */
  trustProxy: number;
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

function proxyHops(text: string | undefined): number {
  if (!text) return 0;
  if (!/^\d{1,2}$/.test(text))
    throw new UsageError(`MINEFREE_TRUST_PROXY "${text}": expected the number of proxies in front (0 to 99)`);
  return Number(text);
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: port(env.PORT),
    host: env.HOST || DEFAULT_HOST,
    databaseUrl: env.DATABASE_URL || undefined,
    dbFile: env.MINEFREE_DB || undefined,
    trustProxy: proxyHops(env.MINEFREE_TRUST_PROXY),
  };
}
