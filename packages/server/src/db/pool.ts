import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';

/** Anything that runs a query: the pool, or a client inside a transaction. */
export type Queryable = Pick<pg.PoolClient, 'query'>;
/** A client inside a transaction opened by {@link Db.tenant} or {@link Db.system}. */
export type Tx = Queryable;

// `2026-11-24 01:02:03.456789+00`, what PostgreSQL sends in the UTC session time zone set below.
const UTC_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?(?:\+00)?$/;

/** A timestamp as the API answers it (RFC 3339 UTC, milliseconds), without a Date on the common path. */
export function isoTimestamp(value: string): string {
  const match = UTC_TIMESTAMP.exec(value);
  if (!match) return new Date(value).toISOString();
  return `${match[1]}T${match[2]}.${(match[3] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
}

// Timestamps leave the database as ISO strings (RFC 3339 UTC), which is what the API answers.
const types = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === 1184 || oid === 1114) return isoTimestamp;
    if (oid === 20) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text') as (value: string) => unknown;
  }) as typeof pg.types.getTypeParser,
};

/**
 * Runs `fn` inside a tenant transaction with every tenant visible, then confines the transaction again.
 * Only for the few checks that must count rows of other parties (inventory, exclusivity) inside the
 * caller's own transaction; the domain decides what leaves `fn`.
 */
export async function withSystemAccess<T>(tx: Tx, fn: () => Promise<T>): Promise<T> {
  // Nested calls, and calls inside `db.system`, must leave the setting as they found it.
  const { rows } = await tx.query<{ previous: string }>(
    `select coalesce(current_setting('yardpass.system', true), '') as previous,
            set_config('yardpass.system', 'on', true)`,
  );
  if (rows[0]?.previous === 'on') return fn();
  try {
    return await fn();
  } finally {
    // On a failed transaction this fails too; the rollback that follows resets the setting anyway.
    await tx.query(`select set_config('yardpass.system', '', true)`).catch(() => undefined);
  }
}

// The statements each open transaction runs when it commits (`atCommit`), by its client.
const atCommitQueues = new WeakMap<Queryable, string[]>();

/**
 * Runs `statement` when the transaction `tx` commits, in the commit's own round trip (never if it rolls back):
 * for writes nothing in the transaction reads back, such as an audit entry or a stored answer. Values must be
 * written into the statement as escaped literals ({@link literal}): the simple protocol takes no parameters.
 */
export function atCommit(tx: Tx, statement: string): void {
  const queued = atCommitQueues.get(tx);
  if (!queued) throw new Error('atCommit needs a transaction of db.tenant, db.system or db.unit.');
  queued.push(statement);
}

/** A value as a SQL literal for {@link atCommit} and `opening` statements. */
export function literal(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Refusing number ${value}`);
    return String(value);
  }
  return pg.escapeLiteral(value);
}

/** The rows of each statement of a unit's `opening`, in order. */
export type Opened = pg.QueryResultRow[][];

type QueryResults = pg.QueryResult<pg.QueryResultRow> | pg.QueryResult<pg.QueryResultRow>[];

/** The rows of each statement of a simple-protocol query (pg answers one statement with one result, not a list). */
function rowsOfEach(results: QueryResults): Opened {
  return (Array.isArray(results) ? results : [results]).map((result) => result.rows);
}

/** A call that must not run inside one transaction was made inside {@link Db.unit}; nothing was committed. */
export class UnitRefusedError extends Error {}

const SETTING_VALUE = /^(on|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export interface Db {
  pool: pg.Pool;
  /** Runs `fn` in a transaction that row-level security confines to `orgId`. */
  tenant<T>(orgId: string, fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs `fn` in a transaction that sees every tenant: authentication and background jobs only. */
  system<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Runs read-only `fn` confined by RLS to `orgId` without a transaction: the organization is a session
   * setting of the pooled connection, written only when it changes. One round trip for a one-query read,
   * where a transaction takes three. Each statement still sees a consistent snapshot of its own.
   */
  read<T>(orgId: string, fn: (q: Queryable) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` in one tenant transaction that every `tenant`, `system` and `read` call made while it runs joins
   * (switching the setting for a call of another organization or of the system, then back): a request's claim
   * of its Idempotency-Key, its work and its stored answer commit together, or roll back together when the
   * process dies. Calls that must not run inside a transaction (the payment provider's) call
   * {@link Db.refuseUnit} first.
   */
  unit<T>(
    orgId: string,
    fn: (tx: Tx, opened: Opened) => Promise<T>,
    /** Statements (values as escaped literals) sent with `begin`; the rows of each are `opened`. */
    opening?: string,
  ): Promise<T>;
  /**
   * Throws {@link UnitRefusedError} when called inside `unit`; the unit then rolls back and rejects with it,
   * whatever `fn` made of the error, so that its caller can run the work again outside a unit.
   */
  refuseUnit(what: string): void;
  /**
   * Runs `fn` on a connection of its own, outside the pools the other calls use: session-level advisory locks
   * taken there are held until `fn` ends or the process dies, and never wait for a pooled connection.
   */
  hold<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /**
   * Calls `handler` with the payload of every NOTIFY on `channel` (one listening connection per Db). If that
   * connection fails, every `onLost` given is called once and every channel forgotten; the next `listen`
   * connects again.
   */
  listen(channel: string, handler: (payload: string) => void, onLost?: () => void): Promise<void>;
  close(): Promise<void>;
}

function newPool(databaseUrl: string, max: number, options?: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max,
    types,
    // No JIT: compiling a statement costs more than running our short ones, and before PostgreSQL 18 a planner
    // switch turned off (`enable_nestloop`) adds a 1e10 cost that sends even a tiny statement to LLVM for
    // seconds (the match drain took 10 s on PostgreSQL 15 for three pairs).
    options: ['-c timezone=UTC -c jit=off', options].filter(Boolean).join(' '),
  });
  // A client that loses its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}

export function createDb(options: { databaseUrl: string; max?: number }): Db {
  const pool = newPool(options.databaseUrl, options.max ?? 20);
  // `read` keeps an organization in the session of its connections, so they live in a pool of their own:
  // a connection of `pool` never carries a tenant it was not given in its own transaction.
  // Their named statements keep one generic plan: the API's reads are few, fixed shapes whose planning
  // under row-level security can cost more than running them.
  const readPool = newPool(options.databaseUrl, options.max ?? 20, '-c plan_cache_mode=force_generic_plan');

  // Connections for session-level advisory locks (`hold`): a request holding one never waits for `pool`.
  const holdPool = newPool(options.databaseUrl, options.max ?? 20);
  const units = new AsyncLocalStorage<{ client: pg.PoolClient; orgId: string; refused: boolean }>();

  async function transaction<T>(
    setting: string,
    value: string,
    fn: (tx: Tx, opened: Opened) => Promise<T>,
    opening?: string,
  ): Promise<T> {
    // `begin`, the setting and `opening` travel in one round trip, and the statements queued with
    // `atCommit` in the one that commits: every round trip costs the process a socket write, which is most of
    // what a short write request costs it. (The simple protocol takes no parameters, so the value is checked to
    // be a UUID or `on` before it is written into the statement.)
    if (!SETTING_VALUE.test(value)) throw new Error(`Refusing transaction setting value ${value}`);
    const unit = units.getStore();
    if (unit)
      return joinUnit(unit, setting, value, async (tx) =>
        fn(tx, opening ? rowsOfEach((await tx.query(opening)) as QueryResults) : []),
      );
    const client = await pool.connect();
    const queued: string[] = [];
    atCommitQueues.set(client, queued);
    try {
      const results = (await client.query(
        `begin; select set_config('${setting}', '${value}', true)${opening ? `; ${opening}` : ''}`,
      )) as unknown as pg.QueryResult<pg.QueryResultRow>[];
      const result = await fn(client, rowsOfEach(results.slice(2)));
      await client.query([...queued, 'commit'].join(';\n'));
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => {});
      throw error;
    } finally {
      atCommitQueues.delete(client);
      client.release();
    }
  }

  async function joinUnit<T>(
    unit: { client: pg.PoolClient; orgId: string },
    setting: string,
    value: string,
    fn: (tx: Tx) => Promise<T>,
  ): Promise<T> {
    if (setting === 'yardpass.org_id' && value === unit.orgId) return fn(unit.client);
    // Another organization, or every tenant, for this call only.
    const { rows } = await unit.client.query<{ previous: string }>(
      `select coalesce(current_setting('${setting}', true), '') as previous, set_config('${setting}', '${value}', true)`,
    );
    try {
      return await fn(unit.client);
    } finally {
      // On a failed transaction this fails too; the unit rolls back anyway.
      await unit.client
        .query(`select set_config('${setting}', $1, true)`, [rows[0]?.previous ?? ''])
        .catch(() => undefined);
    }
  }

  async function unit<T>(
    orgId: string,
    fn: (tx: Tx, opened: Opened) => Promise<T>,
    opening?: string,
  ): Promise<T> {
    const state = { client: undefined as unknown as pg.PoolClient, orgId, refused: false };
    return transaction(
      'yardpass.org_id',
      orgId,
      (tx, opened) => {
        state.client = tx as pg.PoolClient;
        return units.run(state, async () => {
          const refused = () => new UnitRefusedError('A call inside the unit refused to run there.');
          const value = await fn(tx, opened).catch((error: unknown) => {
            throw state.refused ? refused() : error;
          });
          if (state.refused) throw refused();
          return value;
        });
      },
      opening,
    );
  }

  // The organization each pooled connection's session is set to (see `read`).
  const sessionOrg = new WeakMap<pg.PoolClient, string>();
  async function read<T>(orgId: string, fn: (q: Queryable) => Promise<T>): Promise<T> {
    if (!SETTING_VALUE.test(orgId)) throw new Error(`Refusing organization id ${orgId}`);
    // Inside a unit a read must see the unit's own writes.
    const unit = units.getStore();
    if (unit) return joinUnit(unit, 'yardpass.org_id', orgId, fn);
    const client = await readPool.connect();
    try {
      if (sessionOrg.get(client) !== orgId) {
        // Forgotten first, so that a failed change is made again on the next use.
        sessionOrg.delete(client);
        await client.query(`select set_config('yardpass.org_id', '${orgId}', false)`);
        sessionOrg.set(client, orgId);
      }
      return await fn(client);
    } finally {
      client.release();
    }
  }

  let listener: pg.Client | undefined;
  let closing = false;
  const handlers = new Map<string, ((payload: string) => void)[]>();
  // Each channel's LISTEN on the current connection, settled once it is in effect.
  const listening = new Map<string, Promise<unknown>>();
  let lostHandlers: (() => void)[] = [];
  async function listen(
    channel: string,
    handler: (payload: string) => void,
    onLost?: () => void,
  ): Promise<void> {
    if (!/^[a-z_]+$/.test(channel)) throw new Error(`Refusing channel name ${channel}`);
    if (closing) throw new Error('The database is closed.');
    if (!listener) {
      const client = new pg.Client({ connectionString: options.databaseUrl });
      listener = client;
      // Notifications sent while no connection listens are gone: whoever relied on them is told, once.
      const lost = () => {
        if (listener !== client) return;
        listener = undefined;
        handlers.clear();
        listening.clear();
        const told = lostHandlers;
        lostHandlers = [];
        client.end().catch(() => undefined);
        told.forEach((call) => call());
      };
      client.on('error', lost);
      client.on('end', lost);
      client.on('notification', (message) => {
        for (const call of handlers.get(message.channel) ?? []) call(message.payload ?? '');
      });
      client.connect().catch(lost);
    }
    const client = listener;
    let ready = listening.get(channel);
    if (!ready) {
      // pg queues the statement until the connection is up, and fails it if it never is.
      ready = client.query(`listen ${channel}`);
      listening.set(channel, ready);
    }
    try {
      await ready;
    } catch (error) {
      if (listening.get(channel) === ready) listening.delete(channel);
      throw error;
    }
    // The connection was lost while this call waited: the caller must not count on it.
    if (listener !== client) throw new Error(`The connection listening on ${channel} was lost.`);
    handlers.set(channel, [...(handlers.get(channel) ?? []), handler]);
    if (onLost) lostHandlers.push(onLost);
  }

  return {
    pool,
    tenant: (orgId, fn) => transaction('yardpass.org_id', orgId, fn),
    system: (fn) => transaction('yardpass.system', 'on', fn),
    read,
    unit,
    refuseUnit: (what) => {
      const state = units.getStore();
      if (!state) return;
      state.refused = true;
      throw new UnitRefusedError(`${what} must not run inside a transaction.`);
    },
    hold: async (fn) => {
      const client = await holdPool.connect();
      try {
        const result = await fn(client);
        client.release();
        return result;
      } catch (error) {
        // Session state (a lock whose unlock failed) must not outlive `fn`: the connection is closed.
        client.release(true);
        throw error;
      }
    },
    listen,
    close: async () => {
      closing = true;
      const ending = listener;
      listener = undefined;
      await ending?.end().catch(() => undefined);
      await Promise.all([pool.end(), readPool.end(), holdPool.end()]);
    },
  };
}

/** Answers once PostgreSQL does; throws what the driver threw otherwise. */
export async function ping(db: Db): Promise<void> {
  await db.pool.query('select 1');
}
