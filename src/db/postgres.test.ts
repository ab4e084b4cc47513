import { EventEmitter } from 'node:events';
import type { Pool, PoolClient } from 'pg';
import { isDatabaseUnavailable, withTransaction } from './postgres';

/**
 * A pool whose connection is ended by the server in the same tick in which the pool hands it over,
 * as node-postgres does when one socket chunk holds a query's last reply and then
 * "terminating connection due to administrator command" (pg_terminate_backend): the pool releases
 * the client to the next waiter, then the parser reads the FATAL message and the client emits
 * 'error'. Nobody listening would end the process; the fake records that instead of throwing.
 */
class EndedAtHandOver {
  readonly client = Object.assign(new EventEmitter(), {
    queries: [] as string[],
    released: [] as (Error | undefined)[],
    query: (sql: string) => {
      this.client.queries.push(sql);
      return this.ended
        ? Promise.reject(new Error('Client was closed and is not queryable'))
        : Promise.resolve({ rows: [] });
    },
    release: (error?: Error) => {
      this.client.released.push(error);
    },
  });
  ended = false;
  /** Set when the server's error found no listener on the client (the process would have exited). */
  unheard = false;

  connect(callback?: (error: Error | undefined, client?: unknown) => void): Promise<unknown> | void {
    const fatal = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
    });
    const endNow = () => {
      this.ended = true;
      if (this.client.listenerCount('error') === 0) this.unheard = true;
      else this.client.emit('error', fatal);
    };
    if (callback) {
      setImmediate(() => {
        callback(undefined, this.client);
        endNow();
      });
      return;
    }
    return new Promise((resolve) =>
      setImmediate(() => {
        resolve(this.client);
        endNow(); // before the awaiting code's continuation (a microtask) has run
      }),
    );
  }

  asPool(): Pool {
    return this as unknown as Pool;
  }
}

describe('withTransaction', () => {
  test('a connection the server ends as it is handed over is heard, rolled back and destroyed', async () => {
    const pool = new EndedAtHandOver();
    const work = jest.fn(async (client: PoolClient) => client.query('SELECT 1'));

    const outcome = await withTransaction(pool.asPool(), work).then(
      () => 'committed',
      (error: unknown) => error,
    );

    expect(pool.unheard).toBe(false);
    expect(isDatabaseUnavailable(outcome)).toBe(true);
    expect(work).not.toHaveBeenCalled();
    // Released once, with an error, so the pool destroys it instead of handing it out again.
    expect(pool.client.released).toHaveLength(1);
    expect(pool.client.released[0]).toBeInstanceOf(Error);
    // A destroyed client may still emit: it keeps a listener.
    expect(pool.client.listenerCount('error')).toBe(1);
  });
});
