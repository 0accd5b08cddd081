/**
 * Knowing, without asking the database, that this process has written: a Kysely dialect wrapper
 * that calls `onWrite` once a statement that may change rows has finished — at the commit of its
 * transaction, or at once when it ran on its own. Reads (selects) never call it. The version
 * caches (changes.ts) use it for this process's own writes; other processes' writes reach them
 * through SQLite's data_version or PostgreSQL's NOTIFY.
 */
import type {
  CompiledQuery,
  DatabaseConnection,
  Dialect,
  Driver,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
} from 'kysely';

const READ_ONLY_RAW = /^\s*(select|pragma|show|explain|values)\b/i;

/** Whether running `query` may change rows (anything but a select; raw SQL unless it reads). */
export function mayWrite(query: CompiledQuery): boolean {
  const kind = query.query.kind;
  if (kind === 'SelectQueryNode') return false;
  if (kind === 'RawNode') return !READ_ONLY_RAW.test(query.sql);
  return true;
}

interface ConnectionState {
  inTransaction: boolean;
  wrote: boolean;
}

class WatchingDriver implements Driver {
  private readonly states = new WeakMap<DatabaseConnection, ConnectionState>();
  private readonly proxies = new WeakMap<DatabaseConnection, DatabaseConnection>();

  constructor(
    private readonly inner: Driver,
    private readonly onWrite: () => void,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  private state(connection: DatabaseConnection): ConnectionState {
    let state = this.states.get(connection);
    if (state === undefined) {
      state = { inTransaction: false, wrote: false };
      this.states.set(connection, state);
    }
    return state;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.inner.acquireConnection();
    let proxy = this.proxies.get(connection);
    if (proxy === undefined) {
      const executeQuery = async <R>(query: CompiledQuery): Promise<QueryResult<R>> => {
        const state = this.state(proxy as DatabaseConnection);
        if (!mayWrite(query)) return connection.executeQuery<R>(query);
        if (state.inTransaction) {
          state.wrote = true;
          return connection.executeQuery<R>(query);
        }
        try {
          return await connection.executeQuery<R>(query);
        } finally {
          this.onWrite();
        }
      };
      proxy = new Proxy(connection, {
        get(target, property) {
          if (property === 'executeQuery') return executeQuery;
          const value: unknown = Reflect.get(target, property, target);
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
      this.proxies.set(connection, proxy);
    }
    return proxy;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const state = this.state(connection);
    state.inTransaction = true;
    await this.inner.beginTransaction(connection, settings);
    // `begin` itself went through executeQuery: what counts starts now.
    state.wrote = false;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const state = this.state(connection);
    const { wrote } = state;
    try {
      // `commit` goes through executeQuery too: still inside, so it is not taken for a write of its own.
      await this.inner.commitTransaction(connection);
    } finally {
      state.inTransaction = false;
      state.wrote = false;
      if (wrote) this.onWrite();
    }
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const state = this.state(connection);
    try {
      await this.inner.rollbackTransaction(connection);
    } finally {
      state.inTransaction = false;
      state.wrote = false;
    }
  }

  async savepoint(
    connection: DatabaseConnection,
    name: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    const wrote = this.state(connection).wrote;
    await this.inner.savepoint?.(connection, name, compileQuery);
    this.state(connection).wrote = wrote;
  }

  async rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    const wrote = this.state(connection).wrote;
    await this.inner.rollbackToSavepoint?.(connection, name, compileQuery);
    this.state(connection).wrote = wrote;
  }

  async releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    const wrote = this.state(connection).wrote;
    await this.inner.releaseSavepoint?.(connection, name, compileQuery);
    this.state(connection).wrote = wrote;
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(connection);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/** `dialect`, calling `onWrite` after each statement or transaction that may have changed rows. */
export function watchWrites(dialect: Dialect, onWrite: () => void): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => new WatchingDriver(dialect.createDriver(), onWrite),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
  };
}
