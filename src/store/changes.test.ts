// What the version caches rest on (issue 15): a change made through another connection or
// process moves the generation, on SQLite at once and on PostgreSQL once catchUp() resolves,
// even when catchUp() is asked the moment the writer's commit was answered.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANGE_CHANNEL, Changes, postgresListener, sentAfterCall, sqliteDataVersion } from './changes.js';
import { TEST_PG_URL, onAdmin } from './test-databases.js';

describe('Changes.versioned', () => {
  it('keeps an answer until the generation moves, then reads again', async () => {
    let reads = 0;
    const changes = new Changes({
      probe: () => false,
      ready: () => Promise.resolve(),
      catchUp: () => null,
      close: () => Promise.resolve(),
    });
    const read = (): Promise<number> => Promise.resolve(++reads);
    expect(await changes.versioned('k', read)).toBe(1);
    expect(await changes.versioned('k', read)).toBe(1);
    expect(await changes.versioned('other', read)).toBe(2);
    changes.bump();
    expect(await changes.versioned('k', read)).toBe(3);
  });

  it('forgets a failed read, so the next call reads again', async () => {
    const changes = new Changes({
      probe: () => false,
      ready: () => Promise.resolve(),
      catchUp: () => null,
      close: () => Promise.resolve(),
    });
    await expect(changes.versioned('k', () => Promise.reject(new Error('gone')))).rejects.toThrow('gone');
    expect(await changes.versioned('k', () => Promise.resolve(7))).toBe(7);
  });

  it('without a source, every call may have changed', () => {
    const changes = new Changes();
    expect(changes.generation()).not.toBe(changes.generation());
    expect(changes.catchUp()).toBeNull();
  });
});

describe('sqliteDataVersion', () => {
  it('says "changed" once per move of data_version, and never needs a catch-up', () => {
    let version = 1;
    const source = sqliteDataVersion(() => version);
    expect(source.probe()).toBe(false);
    version = 2;
    expect(source.probe()).toBe(true);
    expect(source.probe()).toBe(false);
    expect(source.catchUp()).toBeNull();
  });
});

describe('sentAfterCall', () => {
  /** Trips that end when the test says so, in the order they were sent. */
  function trips(): { trip: () => Promise<void>; sent: number; end: (n: number, failed?: boolean) => void } {
    const ends: ((failed: boolean) => void)[] = [];
    const t = {
      sent: 0,
      trip: () => {
        t.sent += 1;
        return new Promise<void>((resolve, reject) =>
          ends.push((failed) => (failed ? reject(new Error('lost')) : resolve())),
        );
      },
      end: (n: number, failed = false) => ends[n]?.(failed),
    };
    return t;
  }
  const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

  it('a caller never trusts the trip already on the wire; later callers share the next one', async () => {
    const t = trips();
    const catchUp = sentAfterCall(t.trip);
    const settled: string[] = [];
    void catchUp().then(() => settled.push('first'));
    expect(t.sent).toBe(1);
    void catchUp().then(() => settled.push('second'));
    void catchUp().then(() => settled.push('third'));
    expect(t.sent).toBe(1);
    t.end(0);
    await flush();
    expect(settled).toEqual(['first']);
    expect(t.sent).toBe(2);
    // Asked while the second trip is out: a third trip, not the second.
    void catchUp().then(() => settled.push('fourth'));
    t.end(1);
    await flush();
    expect(settled).toEqual(['first', 'second', 'third']);
    expect(t.sent).toBe(3);
    t.end(2);
    await flush();
    expect(settled).toEqual(['first', 'second', 'third', 'fourth']);
  });

  it('sends again after a trip failed, and sends nothing while nobody asks', async () => {
    const t = trips();
    const catchUp = sentAfterCall(t.trip);
    const first = catchUp();
    const second = catchUp();
    t.end(0, true);
    await expect(first).rejects.toThrow('lost');
    await flush();
    expect(t.sent).toBe(2);
    t.end(1);
    await second;
    await flush();
    expect(t.sent).toBe(2);
    const third = catchUp();
    expect(t.sent).toBe(3);
    t.end(2);
    await third;
  });
});

describe('postgresListener', () => {
  const schema = `t_changes_${randomBytes(5).toString('hex')}`;
  let writer: pg.Client;
  beforeAll(async () => {
    await onAdmin(`create schema ${schema}`);
    writer = new pg.Client({ connectionString: TEST_PG_URL, options: `-c search_path=${schema}` });
    await writer.connect();
    await writer.query('create table t (n integer)');
  });
  afterAll(async () => {
    await writer.end();
    await onAdmin(`drop schema ${schema} cascade`);
  });

  /** A transaction committed through another connection, notifying as audit.ts does. */
  async function commitElsewhere(): Promise<void> {
    await writer.query('begin');
    await writer.query('insert into t values (1)');
    await writer.query('select pg_notify($1, current_schema())', [CHANGE_CHANNEL]);
    await writer.query('commit');
  }

  it('says "maybe" until it listens, then only after a notification of its own schema', async () => {
    const changes = new Changes();
    const source = postgresListener({ url: TEST_PG_URL, schema, fallbackMs: 60_000, onChange: () => changes.bump() });
    changes.watch(source);
    try {
      expect(source.probe()).toBe(true);
      await changes.ready();
      const quiet = changes.generation();
      expect(changes.generation()).toBe(quiet);
      // Another schema's writes are not ours.
      await writer.query('select pg_notify($1, $2)', [CHANGE_CHANNEL, `${schema}_other`]);
      await changes.catchUp();
      expect(changes.generation()).toBe(quiet);
      await commitElsewhere();
      await changes.catchUp();
      expect(changes.generation()).toBeGreaterThan(quiet);
    } finally {
      await changes.close();
    }
  });

  it('a versioned answer asked the moment a commit is answered is read again', async () => {
    const changes = new Changes();
    changes.watch(postgresListener({ url: TEST_PG_URL, schema, fallbackMs: 60_000, onChange: () => changes.bump() }));
    try {
      await changes.ready();
      let reads = 0;
      const read = (): Promise<number> => Promise.resolve(++reads);
      const first = await changes.versioned('k', read);
      expect(await changes.versioned('k', read)).toBe(first);
      await commitElsewhere();
      expect(await changes.versioned('k', read)).toBe(first + 1);
    } finally {
      await changes.close();
    }
  });

  it('a catch-up asked the moment a commit is answered sees that commit, for every caller', async () => {
    const changes = new Changes();
    changes.watch(postgresListener({ url: TEST_PG_URL, schema, fallbackMs: 60_000, onChange: () => changes.bump() }));
    try {
      await changes.ready();
      for (let round = 0; round < 50; round += 1) {
        const before = changes.generation();
        // A catch-up already on the wire before the commit must not be the one later callers trust.
        const early = changes.catchUp();
        await commitElsewhere();
        const callers = [changes.catchUp(), changes.catchUp(), changes.catchUp()];
        await Promise.all([early, ...callers]);
        expect(changes.generation(), `round ${String(round)}`).toBeGreaterThan(before);
      }
    } finally {
      await changes.close();
    }
  });
});
