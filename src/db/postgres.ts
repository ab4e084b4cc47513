import { Pool, type PoolClient } from 'pg';
import { assertIdentifier, type Migration } from './migrations';

/** A pool or a string to build one from; whoever builds the pool closes it. */
export type PgPoolSource = Pool | string;

/** Options for pools this project builds. */
export interface PgPoolOptions {
  /** Schema to put first on search_path (tests isolate themselves in one schema each). */
  schema?: string;
  max?: number;
  /** Told when the server ends an idle pooled connection (restart, failover, pg_terminate_backend). */
  onIdleError?: (error: Error) => void;
}

/** A connection attempt that hangs (server unreachable, not refusing) fails after this long. */
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * Builds a pool; with `schema`, every connection starts with that schema on its search_path.
 * The pool always has an 'error' listener: without one, node-postgres re-emits an idle
 * connection's error as an unhandled 'error' event and the whole process exits. The broken
 * connection is dropped from the pool either way; the next query opens a new one.
 */
export function createPgPool(connectionString: string, options: PgPoolOptions = {}): Pool {
  const pool = new Pool({
    connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    ...(options.schema ? { options: `-c search_path=${assertIdentifier(options.schema)}` } : {}),
  });
  pool.on('error', (error) => options.onIdleError?.(error));
  return pool;
}

/** SQLSTATE classes and socket codes that mean "the database is not reachable right now". */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  '57P01', // admin_shutdown (pg_terminate_backend, fast shutdown)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down)
  '53300', // too_many_connections
]);

/**
 * True when an error says the database cannot be reached (refused, dropped, restarting, timed out),
 * as opposed to a bug or bad data: the caller tells the person to try again shortly.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  const message = (error as { message?: unknown }).message;
  // node-postgres reports these without a code.
  return (
    typeof message === 'string' &&
    /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|Client was closed|Cannot use a pool after calling end)/.test(
      message,
    )
  );
}

/**
 * Resolves a pool source: a given pool is borrowed (the caller ends it), a connection string gets
 * a pool of our own that `owned` tells the caller to end on close.
 */
export function resolvePool(
  source: PgPoolSource,
  options: PgPoolOptions = {},
): { pool: Pool; owned: boolean } {
  return typeof source === 'string'
    ? { pool: createPgPool(source, options), owned: true }
    : { pool: source, owned: false };
}

/**
 * Checks a connection out of the pool with `onError` already listening. A checked-out client has
 * no pool listener, and when the server ends the connection the client emits 'error', which unheard
 * ends the process. With `await pool.connect()` the listener could only be added a microtask later:
 * when one socket chunk holds a query's last reply and then the server's "terminating connection"
 * (pg_terminate_backend right after a query), the pool hands the client on and the client emits
 * that error in the same tick, before anyone listens. The callback form runs synchronously at
 * hand-over, so the listener is there first.
 */
function checkOut(pool: Pool, onError: (error: Error) => void): Promise<PoolClient> {
  return new Promise((resolve, reject) => {
    pool.connect((error, client) => {
      if (error || !client) {
        reject(error ?? new Error('pool gave no client'));
        return;
      }
      client.on('error', onError);
      resolve(client);
    });
  });
}

/** Runs `work` in one transaction on one pooled connection; rolls back on any error. */
export async function withTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken ??= error;
  };
  const client = await checkOut(pool, onError);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      // A connection that cannot roll back is unusable: release(err) destroys it instead of pooling it.
      broken = rollbackError as Error;
    }
    throw error;
  } finally {
    client.release(broken);
    // A broken client is being destroyed and may still emit: it keeps the listener.
    if (!broken) client.removeListener('error', onError);
  }
}

/**
 * Applies the migrations not yet recorded in `table` in one transaction under an advisory lock keyed
 * on schema and table, so instances starting together queue instead of racing. Returns the versions applied.
 */
export async function applyPostgresMigrations(
  pool: Pool,
  migrations: readonly Migration[],
  options: { table?: string } = {},
): Promise<number[]> {
  const table = assertIdentifier(options.table ?? 'schema_migrations');
  return withTransaction(pool, async (client) => {
    await client.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.' || $1))`, [table]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${table} (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
    );
    const done = await client.query<{ version: number }>(`SELECT version FROM ${table}`);
    const appliedBefore = new Set(done.rows.map((r) => r.version));
    const applied: number[] = [];
    for (const migration of migrations) {
      if (appliedBefore.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query(`INSERT INTO ${table} (version, name) VALUES ($1, $2)`, [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    return applied;
  });
}
