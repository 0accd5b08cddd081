/** Settings from the environment (README, "Configuration"). */
export interface ServerConfig {
  port: number;
  host: string;
  /** PostgreSQL URL; when absent, the SQLite file below. */
  databaseUrl: string | undefined;
  dbFile: string | undefined;
  /** Trust X-Forwarded-* from a proxy in front (for Secure cookies behind TLS). */
  trustProxy: boolean;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: env.PORT ? Number(env.PORT) : 8080,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dbFile: env.MINEFREE_DB || undefined,
    trustProxy: env.MINEFREE_TRUST_PROXY === '1',
  };
}
