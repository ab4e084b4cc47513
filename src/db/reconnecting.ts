/**
 * Opens a resource (a repository that must migrate before use) without holding up startup: when
 * the database is down at start, the service still starts, every call retries the open, and
 * the first call after the database returns finds it open. Calls fail with the open's error
 * meanwhile, which the turn turns into a friendly "try again shortly".
 */
export interface Reconnecting<T> {
  /** The resource, opening it first if it is not open yet (one attempt shared by concurrent callers). */
  get(): Promise<T>;
  /** True once an open has succeeded. */
  readonly isOpen: boolean;
  /** Closes the resource if it was opened; later get() calls fail. */
  close(): Promise<void>;
}

export function reconnecting<T extends { close(): Promise<void> }>(open: () => Promise<T>): Reconnecting<T> {
  let value: T | undefined;
  let pending: Promise<T> | undefined;
  let closed = false;
  return {
    get isOpen() {
      return value !== undefined;
    },
    get() {
      if (closed) return Promise.reject(Object.assign(new Error('closed'), { code: 'closed' }));
      if (value) return Promise.resolve(value);
      pending ??= open().then(
        (opened) => {
          pending = undefined;
          if (closed) {
            void opened.close();
            throw Object.assign(new Error('closed'), { code: 'closed' });
          }
          value = opened;
          return opened;
        },
        (error: unknown) => {
          pending = undefined;
          throw error;
        },
      );
      return pending;
    },
    async close() {
      closed = true;
      await pending?.catch(() => undefined);
      await value?.close();
    },
  };
}

/**
 * An object of type T whose every method first awaits `get()`: lets code written against an
 * opened repository use one that may still be connecting.
 */
export function deferredMethods<T extends object>(source: Reconnecting<T>): T {
  return new Proxy({} as T, {
    get(_target, property) {
      if (property === 'then') return undefined; // not a thenable: `await proxy` must not call get()
      if (property === 'close') return () => source.close();
      return async (...args: unknown[]) => {
        const target = await source.get();
        const method = (target as Record<PropertyKey, unknown>)[property];
        if (typeof method !== 'function') throw new TypeError(`${String(property)} is not a method`);
        return (method as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
