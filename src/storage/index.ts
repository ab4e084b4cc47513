/** Bot state storage: botbuilder's Storage contract without importing botbuilder. */
export { SqliteStorage } from './sqliteStorage';
export { PostgresStorage } from './postgresStorage';
export {
  ETagConflictError,
  type ClosableStorage,
  type Storage,
  type StorageOptions,
  type StoreItem,
  type StoreItems,
} from './types';
