import type { Migration } from '../db/migrations';

/**
 * Bot state schema, embedded rather than read from .sql files: one small table that must exist
 * wherever the storage class runs. Tracked in its own migrations table so it can share a database
 * (or a SQLite file) with the report repository without their version numbers colliding.
 */
export const BOT_STATE_MIGRATIONS_TABLE = 'bot_state_migrations';

export const SQLITE_BOT_STATE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'bot_state',
    sql: `CREATE TABLE bot_state (
            key TEXT PRIMARY KEY,
            etag TEXT NOT NULL,
            data TEXT NOT NULL,
            updated_at TEXT NOT NULL
          );
          CREATE INDEX bot_state_by_updated ON bot_state (updated_at);`,
  },
];

export const POSTGRES_BOT_STATE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'bot_state',
    // TEXT, not JSONB: JSONB rejects \u0000 escapes that state JSON may legitimately contain.
    sql: `CREATE TABLE bot_state (
            key TEXT PRIMARY KEY,
            etag TEXT NOT NULL,
            data TEXT NOT NULL,
            updated_at TIMESTAMPTZ NOT NULL
          );
          CREATE INDEX bot_state_by_updated ON bot_state (updated_at);`,
  },
];
