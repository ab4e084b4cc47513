import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { assertIdentifier, type Migration } from './migrations';

/** A better-sqlite3 connection. */
export type SqliteDatabase = Database.Database;

/** How long a writer waits for another connection's lock before SQLITE_BUSY (another instance on the file). */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * Runs synchronous better-sqlite3 work as a promise, so the SQLite classes honour their async
 * interfaces: a throw becomes a rejection with the error kept as is (its `code` included).
 */
export function settle<T>(work: () => T): Promise<T> {
  return Promise.resolve().then(work);
}

/**
 * Opens (creating folders as needed) a SQLite file tuned for durability: WAL so readers do not block
 * the writer, synchronous=FULL so a committed report survives a power cut before the person is told it
 * was received, and a busy timeout so two instances on one file wait for each other instead of failing.
 * `synchronous: 'NORMAL'` is for data that may lose its last commits on a power cut (never on a process
 * crash): WAL then syncs at checkpoints instead of on every commit.
 */
export function openSqlite(
  filePath: string,
  options: { synchronous?: 'FULL' | 'NORMAL' } = {},
): SqliteDatabase {
  if (filePath !== ':memory:') mkdirSync(dirname(filePath), { recursive: true });
  const db = new Database(filePath);
  try {
    db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    db.pragma('foreign_keys = ON');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * Applies the migrations not yet recorded in `table`, each with its record in one immediate
 * transaction, so two processes starting together apply each migration once. Returns the versions applied.
 */
export function applySqliteMigrations(
  db: SqliteDatabase,
  migrations: readonly Migration[],
  options: { table?: string } = {},
): number[] {
  const table = assertIdentifier(options.table ?? 'schema_migrations');
  db.exec(
    `CREATE TABLE IF NOT EXISTS ${table} (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`,
  );
  const isApplied = db.prepare(`SELECT 1 FROM ${table} WHERE version = ?`);
  const record = db.prepare(`INSERT INTO ${table} (version, name, applied_at) VALUES (?, ?, ?)`);
  const applied: number[] = [];
  for (const migration of migrations) {
    const apply = db.transaction(() => {
      if (isApplied.get(migration.version)) return;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
      applied.push(migration.version);
    });
    apply.immediate();
  }
  return applied;
}
