import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { applyPostgresMigrations, resolvePool, withTransaction, type PgPoolSource } from '../db/postgres';
import { BOT_STATE_MIGRATIONS_TABLE, POSTGRES_BOT_STATE_MIGRATIONS } from './schema';
import {
  ETagConflictError,
  isConflict,
  itemData,
  itemFrom,
  uniqueSortedKeys,
  type ClosableStorage,
  type StorageOptions,
  type StoreItems,
} from './types';

/**
 * Bot state in PostgreSQL (STORAGE=postgres). A write locks the existing rows of its keys with
 * SELECT … FOR UPDATE (in key order, so two writers cannot deadlock), checks eTags, then upserts; a
 * concurrent writer holding the same eTag waits, re-reads the new eTag and gets a conflict.
 * The table is created on first use, or up front with `ready()`.
 */
export class PostgresStorage implements ClosableStorage {
  private readonly pool: Pool;
  private readonly ownsPool: boolean;
  private readonly clock: () => Date;
  private migrated: Promise<void> | undefined;

  /** A connection string gets a pool that close() ends; a given pool is borrowed and left open. */
  constructor(source: PgPoolSource, options: StorageOptions = {}) {
    const { pool, owned } = resolvePool(source);
    this.pool = pool;
    this.ownsPool = owned;
    this.clock = options.clock ?? (() => new Date());
  }

  /** Creates the table if needed; call at start-up to fail fast on a bad database. */
  ready(): Promise<void> {
    this.migrated ??= applyPostgresMigrations(this.pool, POSTGRES_BOT_STATE_MIGRATIONS, {
      table: BOT_STATE_MIGRATIONS_TABLE,
    }).then(
      () => undefined,
      (error: unknown) => {
        // Let the next call try again (the database may come up later) instead of caching the failure.
        this.migrated = undefined;
        throw error;
      },
    );
    return this.migrated;
  }

  async read(keys: string[]): Promise<StoreItems> {
    const unique = uniqueSortedKeys(keys);
    if (unique.length === 0) return {};
    await this.ready();
    const result = await this.pool.query<{ key: string; etag: string; data: string }>(
      'SELECT key, etag, data FROM bot_state WHERE key = ANY($1::text[])',
      [unique],
    );
    const items: StoreItems = {};
    for (const row of result.rows) items[row.key] = itemFrom(row.data, row.etag);
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const keys = uniqueSortedKeys(Object.keys(changes));
    if (keys.length === 0) return;
    await this.ready();
    const updatedAt = this.clock();
    await withTransaction(this.pool, async (client) => {
      const stored = await client.query<{ key: string; etag: string }>(
        'SELECT key, etag FROM bot_state WHERE key = ANY($1::text[]) ORDER BY key FOR UPDATE',
        [keys],
      );
      const storedETags = new Map(stored.rows.map((r) => [r.key, r.etag]));
      for (const key of keys) {
        const item = changes[key];
        if (item === undefined) continue;
        if (isConflict(item.eTag, storedETags.get(key))) throw new ETagConflictError(key);
        await client.query(
          `INSERT INTO bot_state (key, etag, data, updated_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (key) DO UPDATE SET etag = EXCLUDED.etag, data = EXCLUDED.data, updated_at = EXCLUDED.updated_at`,
          [key, randomUUID(), itemData(item), updatedAt],
        );
      }
    });
  }

  async delete(keys: string[]): Promise<void> {
    const unique = uniqueSortedKeys(keys);
    if (unique.length === 0) return;
    await this.ready();
    await this.pool.query('DELETE FROM bot_state WHERE key = ANY($1::text[])', [unique]);
  }

  async deleteOlderThan(cutoff: Date, keyContains?: string): Promise<number> {
    await this.ready();
    const result =
      keyContains === undefined
        ? await this.pool.query('DELETE FROM bot_state WHERE updated_at < $1', [cutoff])
        : await this.pool.query('DELETE FROM bot_state WHERE updated_at < $1 AND strpos(key, $2) > 0', [
            cutoff,
            keyContains,
          ]);
    return result.rowCount ?? 0;
  }

  async close(): Promise<void> {
    if (this.ownsPool && !this.pool.ended) await this.pool.end();
  }
}
