import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

/**
 * Per-person turn limit: a fixed window of one minute. Memory by default (one instance); PostgreSQL
 * when the service runs on it, so every instance counts against the same budget. Keys are hashes of
 * the user id, so the limiter's table holds no identities.
 */
export type LimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface TurnLimiter {
  /** Counts one turn for `userKey` and says whether it may run. */
  take(userKey: string): Promise<LimitResult>;
}

const WINDOW_SECONDS = 60;

function hashKey(userKey: string): string {
  return createHash('sha256').update(userKey).digest('base64url').slice(0, 32);
}

class FlexibleLimiter implements TurnLimiter {
  constructor(
    private readonly limiter: RateLimiterAbstract,
    /** Counts while the store is failing (PostgreSQL down); absent for the memory limiter. */
    private readonly fallback?: RateLimiterAbstract,
    private readonly onStoreError: (error: unknown) => void = () => undefined,
  ) {}

  async take(userKey: string): Promise<LimitResult> {
    const key = hashKey(userKey);
    try {
      await this.limiter.consume(key);
      return { allowed: true };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return refused(rejection);
      this.onStoreError(rejection);
      if (!this.fallback) return { allowed: true };
      try {
        await this.fallback.consume(key);
        return { allowed: true };
      } catch (fallbackRejection) {
        // Serve the person rather than lock them out when even the memory count fails.
        return fallbackRejection instanceof RateLimiterRes ? refused(fallbackRejection) : { allowed: true };
      }
    }
  }
}

function refused(res: RateLimiterRes): LimitResult {
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
}

/** No limit (RATE_LIMIT_PER_MINUTE=0). */
export const unlimited: TurnLimiter = { take: () => Promise.resolve({ allowed: true }) };

/** Counts in this process's memory. */
export function memoryLimiter(perMinute: number): TurnLimiter {
  if (perMinute <= 0) return unlimited;
  return new FlexibleLimiter(new RateLimiterMemory({ points: perMinute, duration: WINDOW_SECONDS }));
}

/**
 * Counts in PostgreSQL (table rate_limits, created if missing), shared by every instance. While the
 * database is unreachable each instance counts in its own memory, so a person is neither locked out
 * nor unlimited during an outage; `onStoreError` hears about each store failure.
 */
export async function postgresLimiter(
  pool: Pool,
  perMinute: number,
  onStoreError: (error: unknown) => void,
): Promise<TurnLimiter> {
  if (perMinute <= 0) return unlimited;
  const limiter = await new Promise<RateLimiterPostgres>((resolve, reject) => {
    const created: RateLimiterPostgres = new RateLimiterPostgres(
      {
        storeClient: pool,
        storeType: 'pool',
        tableName: 'rate_limits',
        points: perMinute,
        duration: WINDOW_SECONDS,
        clearExpiredByTimeout: true,
      },
      (error?: unknown) =>
        error
          ? reject(error instanceof Error ? error : new Error('rate limiter table setup failed'))
          : resolve(created),
    );
  });
  return new FlexibleLimiter(
    limiter,
    new RateLimiterMemory({ points: perMinute, duration: WINDOW_SECONDS }),
    onStoreError,
  );
}

/** How long to wait before trying again to set up the PostgreSQL limiter after a failure. */
const SETUP_RETRY_MS = 30_000;

/**
 * The PostgreSQL limiter for a service that must start while the database is down: until the
 * limiter's table is set up (retried every 30 s, on demand), turns are counted in this instance's
 * memory. Never throws.
 */
export function sharedLimiter(
  pool: Pool,
  perMinute: number,
  onStoreError: (error: unknown) => void,
): TurnLimiter {
  if (perMinute <= 0) return unlimited;
  const local = memoryLimiter(perMinute);
  let shared: TurnLimiter | undefined;
  let settingUp: Promise<void> | undefined;
  let lastFailure = -Infinity;
  const setUp = () => {
    if (shared || settingUp || Date.now() - lastFailure < SETUP_RETRY_MS) return;
    settingUp = postgresLimiter(pool, perMinute, onStoreError).then(
      (limiter) => {
        shared = limiter;
        settingUp = undefined;
      },
      (error: unknown) => {
        lastFailure = Date.now();
        settingUp = undefined;
        onStoreError(error);
      },
    );
  };
  setUp();
  return {
    take(userKey: string): Promise<LimitResult> {
      setUp();
      return (shared ?? local).take(userKey);
    },
  };
}
