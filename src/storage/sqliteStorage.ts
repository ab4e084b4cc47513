import { randomUUID } from 'node:crypto';
import type { Statement, Transaction } from 'better-sqlite3';
import { applySqliteMigrations, openSqlite, settle, type SqliteDatabase } from '../db/sqlite';
import { BOT_STATE_MIGRATIONS_TABLE, SQLITE_BOT_STATE_MIGRATIONS } from './schema';
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
 * Bot state in a SQLite file (the default). Compare-and-write runs in an IMMEDIATE transaction, so
 * two processes on the same file (a restart overlapping the old process, a second instance) see each
 * other's writes and cannot both win an eTag race.
 */
export class SqliteStorage implements ClosableStorage {
  private readonly db: SqliteDatabase;
  private readonly clock: () => Date;
  // Prepared once: every turn reads and writes state, and preparing parses the SQL each time.
  private readonly select: Statement;
  private readonly selectETag: Statement;
  private readonly upsert: Statement;
  private readonly remove: Statement;
  private readonly writeAll: Transaction<(keys: string[], changes: StoreItems, updatedAt: string) => void>;
  private readonly removeAll: Transaction<(keys: string[]) => void>;

  constructor(filePath: string, options: StorageOptions = {}) {
    this.clock = options.clock ?? (() => new Date());
    // Conversation state (drafts, chosen organisation) may lose its last step on a power cut, never on
    // a process crash; an fsync per turn cost more than the rest of the turn. Reports stay on FULL.
    this.db = openSqlite(filePath, { synchronous: 'NORMAL' });
    try {
      applySqliteMigrations(this.db, SQLITE_BOT_STATE_MIGRATIONS, { table: BOT_STATE_MIGRATIONS_TABLE });
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.select = this.db.prepare('SELECT etag, data FROM bot_state WHERE key = ?');
    this.selectETag = this.db.prepare('SELECT etag FROM bot_state WHERE key = ?');
    this.upsert = this.db.prepare(
      `INSERT INTO bot_state (key, etag, data, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, data = excluded.data, updated_at = excluded.updated_at`,
    );
    this.remove = this.db.prepare('DELETE FROM bot_state WHERE key = ?');
    this.writeAll = this.db.transaction((keys: string[], changes: StoreItems, updatedAt: string) => {
      for (const key of keys) {
        const item = changes[key];
        if (item === undefined) continue;
        const stored = this.selectETag.get(key) as { etag: string } | undefined;
        if (isConflict(item.eTag, stored?.etag)) throw new ETagConflictError(key);
        this.upsert.run(key, randomUUID(), itemData(item), updatedAt);
      }
    });
    this.removeAll = this.db.transaction((keys: string[]) => {
      for (const key of keys) this.remove.run(key);
    });
  }

  read(keys: string[]): Promise<StoreItems> {
    return settle(() => {
      const items: StoreItems = {};
      for (const key of uniqueSortedKeys(keys)) {
        const row = this.select.get(key) as { etag: string; data: string } | undefined;
        if (row) items[key] = itemFrom(row.data, row.etag);
      }
      return items;
    });
  }

  write(changes: StoreItems): Promise<void> {
    return settle(() => {
      const keys = uniqueSortedKeys(Object.keys(changes));
      if (keys.length === 0) return;
      this.writeAll.immediate(keys, changes, this.clock().toISOString());
    });
  }

  delete(keys: string[]): Promise<void> {
    return settle(() => {
      this.removeAll.immediate(uniqueSortedKeys(keys));
    });
  }

  deleteOlderThan(cutoff: Date, keyContains?: string): Promise<number> {
    return settle(() =>
      keyContains === undefined
        ? this.db.prepare('DELETE FROM bot_state WHERE updated_at < ?').run(cutoff.toISOString()).changes
        : this.db
            .prepare('DELETE FROM bot_state WHERE updated_at < ? AND instr(key, ?) > 0')
            .run(cutoff.toISOString(), keyContains).changes,
    );
  }

  close(): Promise<void> {
    return settle(() => {
      if (this.db.open) this.db.close();
    });
  }
}
