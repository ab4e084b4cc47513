/**
 * botbuilder's Storage contract, restated structurally so that storage code never imports the SDK
 * (botbuilder's own MemoryStorage is the reference for the semantics). A class implementing
 * `Storage` here is accepted wherever botbuilder wants its `Storage`.
 */

/** A stored object; `eTag` is set by the store on every write and checked on the next one. */
export interface StoreItem {
  [key: string]: unknown;
  eTag?: string;
}

/** Items by key. */
export type StoreItems = Record<string, StoreItem>;

export interface Storage {
  /** Items for the keys that exist; missing keys are simply absent from the result. */
  read(keys: string[]): Promise<StoreItems>;
  /**
   * Writes all changes or none. An item whose eTag is set, is not '*', and differs from the stored
   * item's eTag rejects the whole write with an ETagConflictError. Without an eTag, or with '*', the
   * item overwrites. Each written item gets a new eTag.
   */
  write(changes: StoreItems): Promise<void>;
  /** Deletes the keys; unknown keys are ignored. */
  delete(keys: string[]): Promise<void>;
}

/** Bot state storage that also owns a connection. */
export interface ClosableStorage extends Storage {
  /**
   * Deletes items not written since `cutoff` and returns how many; with `keyContains`, only items
   * whose key contains it (e.g. "/conversations/": conversation state, not user profiles).
   * Conversation state holds report drafts (personal data), so abandoned drafts must not stay forever.
   */
  deleteOlderThan(cutoff: Date, keyContains?: string): Promise<number>;
  close(): Promise<void>;
}

/** Options for the bot state stores. */
export interface StorageOptions {
  /** Source of updated_at times (tests). */
  clock?: () => Date;
}

/**
 * The error of a write that lost an optimistic-concurrency race. The message contains "eTag conflict",
 * which is what botbuilder and its callers look for; it names the key (ids only).
 */
export class ETagConflictError extends Error {
  readonly code = 'etag-conflict';
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'ETagConflictError';
  }
}

/** True when a write must be refused: the caller holds an eTag and it is not the stored one. */
export function isConflict(incomingETag: string | undefined, storedETag: string | undefined): boolean {
  return (
    storedETag !== undefined &&
    incomingETag !== undefined &&
    incomingETag !== '' &&
    incomingETag !== '*' &&
    incomingETag !== storedETag
  );
}

/** Serialises an item without its eTag (the store keeps that in its own column). */
export function itemData(item: StoreItem): string {
  if (typeof item !== 'object' || item === null) throw new TypeError('a store item must be an object');
  const data: Record<string, unknown> = { ...item };
  delete data.eTag;
  return JSON.stringify(data);
}

/** Rebuilds an item from its stored data and eTag. */
export function itemFrom(data: string, eTag: string): StoreItem {
  return { ...(JSON.parse(data) as Record<string, unknown>), eTag };
}

/** Keys without duplicates, in a stable order (locks taken in key order cannot deadlock). */
export function uniqueSortedKeys(keys: Iterable<string>): string[] {
  return [...new Set(keys)].sort();
}
