import { resolve } from 'node:path';
import type { Pool, PoolClient } from 'pg';
import { applyPostgresMigrations, resolvePool, withTransaction, type PgPoolSource } from '../db/postgres';
import { applySqliteMigrations, openSqlite, type SqliteDatabase } from '../db/sqlite';
import type { Migration } from '../db/migrations';

/**
 * The little SQL both question stores need, written once with PostgreSQL's `$n` placeholders. The
 * SQLite driver rewrites them to positional `?` (better-sqlite3 has no numbered parameters), so the
 * repository holds one copy of every statement; the few dialect differences are named in `Dialect`.
 */

export interface SqlResult<T> {
  rows: T[];
  /** Rows changed by INSERT/UPDATE/DELETE. */
  changes: number;
}

export interface SqlDb {
  readonly dialect: Dialect;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<SqlResult<T>>;
  /** Runs `work` in one transaction; rolls back on a throw. */
  transaction<T>(work: (db: SqlDb) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** What differs between the two databases. */
export interface Dialect {
  kind: 'sqlite' | 'postgres';
  /** Appended to the claim query so two instances take different rows instead of waiting. */
  skipLocked: string;
  /** "YYYY-MM" of a time column. */
  month(column: string): string;
  /** A JSON array parameter as a list of text values (for IN). */
  inList(param: string): string;
}

const SQLITE: Dialect = {
  kind: 'sqlite',
  skipLocked: '',
  month: (c) => `substr(${c}, 1, 7)`,
  inList: (p) => `(SELECT value FROM json_each(${p}))`,
};

const POSTGRES: Dialect = {
  kind: 'postgres',
  skipLocked: 'FOR UPDATE SKIP LOCKED',
  month: (c) => `to_char(${c} AT TIME ZONE 'UTC', 'YYYY-MM')`,
  inList: (p) => `(SELECT json_array_elements_text(${p}::json))`,
};

/** `$1 … $n` to `?` with the parameters repeated in order of appearance. */
export function toPositional(sql: string, params: readonly unknown[]): { sql: string; params: unknown[] } {
  const out: unknown[] = [];
  const text = sql.replace(/\$(\d+)/g, (_, n: string) => {
    out.push(params[Number(n) - 1]);
    return '?';
  });
  return { sql: text, params: out };
}

function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value === undefined ? null : value;
}

/**
 * One queue per SQLite file in this process. better-sqlite3 is synchronous: an async transaction must
 * not let another caller's statement run inside it, and a second connection to the same file in the
 * same process (a second instance in a test) would block the event loop on the lock the first one
 * holds while it awaits. Other processes wait on the file lock (busy_timeout) as usual.
 */
const fileQueues = new Map<string, { tail: Promise<unknown> }>();

class SqliteDb implements SqlDb {
  readonly dialect = SQLITE;
  private readonly queue: { tail: Promise<unknown> };
  private inTransaction = false;

  constructor(
    private readonly db: SqliteDatabase,
    file: string,
  ) {
    const key = file === ':memory:' ? `:memory:${Math.random()}` : resolve(file);
    const queue = fileQueues.get(key) ?? { tail: Promise.resolve() };
    fileQueues.set(key, queue);
    this.queue = queue;
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.tail.then(work, work);
    this.queue.tail = run.catch(() => undefined);
    return run;
  }

  private run<T>(sql: string, params: unknown[]): SqlResult<T> {
    const p = toPositional(sql, params.map(sqliteValue));
    const statement = this.db.prepare(p.sql);
    if (statement.reader) return { rows: statement.all(...p.params) as T[], changes: 0 };
    return { rows: [], changes: statement.run(...p.params).changes };
  }

  query<T>(sql: string, params: unknown[] = []): Promise<SqlResult<T>> {
    if (this.inTransaction) return Promise.resolve().then(() => this.run<T>(sql, params));
    return this.exclusive(() => Promise.resolve().then(() => this.run<T>(sql, params)));
  }

  transaction<T>(work: (db: SqlDb) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      this.inTransaction = true;
      try {
        const result = await work(this);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      } finally {
        this.inTransaction = false;
      }
    });
  }

  close(): Promise<void> {
    return this.exclusive(() => {
      if (this.db.open) this.db.close();
      return Promise.resolve();
    });
  }
}

class PgDb implements SqlDb {
  readonly dialect = POSTGRES;

  constructor(
    private readonly pool: Pool | PoolClient,
    private readonly owned: boolean,
  ) {}

  async query<T>(sql: string, params: unknown[] = []): Promise<SqlResult<T>> {
    const result = await this.pool.query(sql, params);
    return { rows: result.rows as T[], changes: result.rowCount ?? 0 };
  }

  /** Through the shared withTransaction, which keeps a connection dropped mid-transaction from crashing us. */
  transaction<T>(work: (db: SqlDb) => Promise<T>): Promise<T> {
    return withTransaction(this.pool as Pool, (client) => work(new PgDb(client, false)));
  }

  async close(): Promise<void> {
    const pool = this.pool as Pool;
    if (this.owned && !pool.ended) await pool.end();
  }
}

/** Opens a SQLite file and applies the migrations (recorded in `table`). */
export function openSqliteDb(file: string, migrations: readonly Migration[], table: string): SqlDb {
  const db = openSqlite(file);
  try {
    applySqliteMigrations(db, migrations, { table });
  } catch (error) {
    db.close();
    throw error;
  }
  return new SqliteDb(db, file);
}

/** Connects to PostgreSQL (a given pool is borrowed, a URL gets an owned pool) and migrates. */
export async function openPostgresDb(
  source: PgPoolSource,
  migrations: readonly Migration[],
  table: string,
): Promise<SqlDb> {
  const { pool, owned } = resolvePool(source);
  const db = new PgDb(pool, owned);
  try {
    await applyPostgresMigrations(pool, migrations, { table });
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
