/**
 * Has anything been written since I last looked? Answered without a database query, so a read
 * served from a cache does no database work (issue 15):
 * - a write through this process: the store's driver says so at its commit (write-watch.ts);
 * - SQLite, another connection or process: `PRAGMA data_version` on our connection moves (a
 *   counter SQLite keeps in shared memory; no page is read);
 * - PostgreSQL, another process: the writing transaction sends `NOTIFY minefree_changes`
 *   (audit.ts, delivered at its commit) to a connection that LISTENs here; while that listener
 *   is not connected every check says "maybe", and a periodic tick says "maybe" anyway in case a
 *   notification was lost. A notification travels on its own connection and may still be on its
 *   way when a request arrives that was sent after the write's answer; `versioned()` first closes
 *   that gap with one round trip on the listening connection (shared by the callers that arrive
 *   meanwhile): PostgreSQL sends the notifications of every transaction committed before it
 *   ahead of its answer.
 * Each "maybe" moves `generation()`; `versioned()` keeps an answer (an audit version, say) until
 * the generation moves.
 */
import pg from 'pg';

/** The NOTIFY channel; the payload is the writer's schema, so tests' schemas stay apart. */
export const CHANGE_CHANNEL = 'minefree_changes';
/** PostgreSQL: re-read versions at least this often even when no notification came. */
export const DEFAULT_FALLBACK_MS = 5000;
const RECONNECT_MS = 1000;
/** A catch-up round trip that takes longer than this counts as "maybe changed" instead. */
const CATCH_UP_MS = 2000;

export interface ChangeSource {
  /** Synchronous and cheap: true when another connection may have written since the last call. */
  probe(): boolean;
  /** Resolves once changes are watched (PostgreSQL: LISTEN is in effect), or watching failed for now. */
  ready(): Promise<void>;
  /**
   * Resolves once every write committed before the call is known to probe(); null when probe()
   * knows it already (SQLite), so callers need not wait at all.
   */
  catchUp(): Promise<void> | null;
  close(): Promise<void>;
}

interface Versioned {
  generation: number;
  value: Promise<unknown>;
}

export class Changes {
  private current = 0;
  private readonly memo = new Map<string, Versioned>();

  constructor(private source: ChangeSource | null = null) {}

  /** Starts watching other connections (set once, when the store opens). */
  watch(source: ChangeSource): void {
    this.source = source;
  }

  /** Something may have changed (a local commit, a notification, a tick). */
  bump(): void {
    this.current += 1;
  }

  /** A number that moves whenever something may have changed since it was last read. */
  generation(): number {
    if (this.source?.probe() ?? true) this.current += 1;
    return this.current;
  }

  /**
   * `read()`'s answer kept under `key` until the generation moves, once caught up with writes
   * committed anywhere before the call. The generation is taken before the read starts, so a
   * write that lands during it makes the next call read again.
   */
  versioned<T>(key: string, read: () => Promise<T>): Promise<T> {
    const caughtUp = this.catchUp();
    return caughtUp === null ? this.kept(key, read) : caughtUp.then(() => this.kept(key, read));
  }

  private kept<T>(key: string, read: () => Promise<T>): Promise<T> {
    const generation = this.generation();
    const known = this.memo.get(key);
    if (known?.generation === generation) return known.value as Promise<T>;
    const value = read();
    const entry = { generation, value };
    this.memo.set(key, entry);
    value.catch(() => {
      if (this.memo.get(key) === entry) this.memo.delete(key);
    });
    return value;
  }

  /**
   * Resolves once writes committed anywhere before the call move generation(); null when they
   * already do (SQLite), so a cached version costs no wait at all.
   */
  catchUp(): Promise<void> | null {
    return this.source?.catchUp() ?? null;
  }

  /** Starts watching other connections; a server awaits it before taking requests. */
  async ready(): Promise<void> {
    await this.source?.ready();
  }

  async close(): Promise<void> {
    await this.source?.close();
  }
}

/** SQLite: `PRAGMA data_version` of our connection moves when another connection commits. */
export function sqliteDataVersion(read: () => number): ChangeSource {
  let last = read();
  return {
    probe() {
      const now = read();
      if (now === last) return false;
      last = now;
      return true;
    },
    ready: () => Promise.resolve(),
    catchUp: () => null,
    close: () => Promise.resolve(),
  };
}

/**
 * `trip` shared by callers, each resolved by a trip sent after it called: a caller joins the trip
 * waiting to be sent, never the one already on the wire (it may have left before the caller's
 * write committed). At most one trip runs, and at most one waits.
 */
export function sentAfterCall(trip: () => Promise<void>): () => Promise<void> {
  let sent: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  const send = (): Promise<void> => {
    const running = trip().finally(() => {
      if (sent === running) sent = null;
    });
    sent = running;
    return running;
  };
  return () => {
    if (sent === null) return send();
    const after = (): Promise<void> => {
      next = null;
      return send();
    };
    next ??= sent.then(after, after);
    return next;
  };
}

export interface ListenOptions {
  url: string;
  /** The schema whose writes count (the store's search_path). */
  schema: string | undefined;
  fallbackMs?: number;
  /** Called when a notification or tick may mean a change. */
  onChange: () => void;
}

/**
 * PostgreSQL: one connection LISTENing on CHANGE_CHANNEL, connected on first use and again after
 * a failure. Until it is listening, probe() says "maybe" every time, so nothing is missed.
 */
export function postgresListener(options: ListenOptions): ChangeSource {
  let client: pg.Client | null = null;
  let listening = false;
  let starting = false;
  let closed = false;
  let schema: string | null = null;
  let retry: NodeJS.Timeout | null = null;
  let attempt: Promise<void> = Promise.resolve();
  const tick = setInterval(() => options.onChange(), options.fallbackMs ?? DEFAULT_FALLBACK_MS);
  tick.unref();

  const drop = (failed: pg.Client): void => {
    if (client !== failed) return;
    listening = false;
    client = null;
    failed.end().catch(() => undefined);
    if (!closed) {
      retry = setTimeout(() => void start(), RECONNECT_MS);
      retry.unref();
    }
  };

  function start(): Promise<void> {
    if (starting || closed || client !== null) return attempt;
    starting = true;
    const c = new pg.Client({
      connectionString: options.url,
      ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
    });
    client = c;
    c.on('error', () => drop(c));
    c.on('end', () => drop(c));
    c.on('notification', (message) => {
      if (message.channel === CHANGE_CHANNEL && message.payload === schema) options.onChange();
    });
    attempt = c
      .connect()
      .then(() => c.query<{ schema: string }>('select current_schema() as schema'))
      .then(async (result) => {
        schema = result.rows[0]?.schema ?? null;
        await c.query(`listen ${CHANGE_CHANNEL}`);
        if (closed) return;
        listening = true;
        // Anything written before the LISTEN took effect: read once more.
        options.onChange();
      })
      .catch(() => drop(c))
      .finally(() => {
        starting = false;
      });
    return attempt;
  }

  const roundTrip = (): Promise<void> => {
    const c = client;
    if (!listening || c === null) return Promise.resolve();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        options.onChange();
        resolve();
      }, CATCH_UP_MS);
    });
    // A failed round trip drops the connection (its error event): probe() then says "maybe".
    const answered = c.query('select 1').then(
      () => undefined,
      () => options.onChange(),
    );
    return Promise.race([answered, late]).finally(() => clearTimeout(timer));
  };
  const catchUp = sentAfterCall(roundTrip);

  return {
    catchUp: () => (listening ? catchUp() : null),
    probe() {
      if (!listening) {
        void start();
        return true;
      }
      return false;
    },
    ready: () => (listening ? Promise.resolve() : start()),
    async close() {
      closed = true;
      clearInterval(tick);
      if (retry !== null) clearTimeout(retry);
      const c = client;
      client = null;
      listening = false;
      if (c !== null) await c.end().catch(() => undefined);
    },
  };
}
