import { Pool, type PoolClient } from 'pg';
import { assertIdentifier, type Migration } from './migrations';

/** A pool or a string to build one from; whoever builds the pool closes it. */
export type PgPoolSource = Pool | string;

/** Options for pools this project builds. */
export interface PgPoolOptions {
  /** Schema to put first on search_path (tests isolate themselves in one schema each). */
  schema?: string;
  max?: number;
}

/** Builds a pool; with `schema`, every connection starts with that schema on its search_path. */
export function createPgPool(connectionString: string, options: PgPoolOptions = {}): Pool {
  return new Pool({
    connectionString,
    max: options.max ?? 10,
    ...(options.schema ? { options: `-c search_path=${assertIdentifier(options.schema)}` } : {}),
  });
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

/** Runs `work` in one transaction on one pooled connection; rolls back on any error. */
export async function withTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
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
