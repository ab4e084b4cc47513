import type { Logger } from '../../logger';
import type { OutboxChannel, OutboxMessage, OutboxQueue } from '../store/repository';

/**
 * Delivers queued notifications at least once: claim with a lease, send, mark delivered; on a throw,
 * mark failed with a backed-off next attempt; after maxAttempts, mark dead. Everything lives in the
 * database, so a restart or a second instance picks up whatever was not delivered.
 */

/** Sends one message; throwing means "try again later". Receivers must tolerate duplicates. */
export type OutboxSender = (message: OutboxMessage) => Promise<void>;

/** The part of the repository the worker uses. */
export type OutboxStore = Pick<
  OutboxQueue,
  'claimDueOutbox' | 'markOutboxDelivered' | 'markOutboxFailed' | 'markOutboxDead'
>;

export interface OutboxWorkerOptions {
  repository: OutboxStore;
  /** Only channels with a sender are claimed; others wait in the table (visible in pendingOutboxCount). */
  senders: Partial<Record<OutboxChannel, OutboxSender>>;
  logger: Logger;
  clock?: () => Date;
  /** Pause between polls when the last poll found less than a full batch. */
  pollIntervalMs: number;
  batchSize: number;
  /** Attempts before a message is given up as dead (counting the first). */
  maxAttempts: number;
  /** Delay in ms before attempt `attempt + 1`, given that attempt `attempt` (1-based) failed. */
  backoff?: (attempt: number) => number;
  /** How long a claim is exclusive; must exceed sendTimeoutMs. Default 2 minutes. */
  leaseMs?: number;
  /** A send still running after this long counts as failed ('timeout'). Default 30 seconds. */
  sendTimeoutMs?: number;
  /** Told of each failed send, dead letter and failed poll (the service counts them as metrics). */
  events?: {
    failed?: (channel: OutboxChannel) => void;
    dead?: (channel: OutboxChannel) => void;
    pollFailed?: () => void;
  };
}

/** What one poll did. */
export interface OutboxRunResult {
  claimed: number;
  delivered: number;
  failed: number;
  dead: number;
}

/** Totals since the worker was built (for /readyz and logs). */
export type OutboxStats = Omit<OutboxRunResult, 'claimed'>;

/** Delays after the 1st, 2nd, … failed attempt; later attempts keep the last value. */
export const DEFAULT_BACKOFF_SCHEDULE_MS: readonly number[] = [5_000, 30_000, 120_000, 600_000, 3_600_000];

/**
 * Backoff that grows roughly exponentially along a schedule and is capped at its last value, with
 * ±`jitter` spread so that many messages failing together (an outage) do not retry in lock step.
 */
export function exponentialBackoff(
  options: { scheduleMs?: readonly number[]; jitter?: number; random?: () => number } = {},
): (attempt: number) => number {
  const schedule = options.scheduleMs ?? DEFAULT_BACKOFF_SCHEDULE_MS;
  const jitter = Math.min(1, Math.max(0, options.jitter ?? 0.2));
  const random = options.random ?? Math.random;
  const cap = schedule[schedule.length - 1] ?? 60_000;
  return (attempt: number) => {
    const index = Math.min(Math.max(1, Math.floor(attempt)), schedule.length) - 1;
    const base = schedule[index] ?? cap;
    const spread = base * jitter * (2 * random() - 1);
    return Math.max(0, Math.min(cap, Math.round(base + spread)));
  };
}

/**
 * A short, content-free code for a send failure: the error's `code` (ECONNREFUSED, http-503) or its
 * class name. Never the message, which may quote a response body or report text.
 */
export function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' || typeof code === 'number') return sanitizeCode(String(code));
    const name = (error as { name?: unknown }).name;
    if (typeof name === 'string' && name !== 'Error') return sanitizeCode(name);
  }
  return 'error';
}

function sanitizeCode(code: string): string {
  const clean = code.replace(/[^A-Za-z0-9_.:-]/g, '').slice(0, 64);
  return clean === '' ? 'error' : clean;
}

/**
 * Throw from a sender when retrying cannot help (the payload is unusable, the recipient is gone):
 * the message goes dead at once instead of after maxAttempts. `code` is what gets recorded.
 */
export class PermanentOutboxError extends Error {
  readonly permanent = true;
  constructor(readonly code: string) {
    super(`permanent outbox failure: ${code}`);
    this.name = 'PermanentOutboxError';
  }
}

function isPermanent(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { permanent?: unknown }).permanent === true;
}

class SendTimeout extends Error {
  readonly code = 'timeout';
}

/** Polls the outbox and delivers. Use start()/stop() in the service, runOnce() in tests. */
export class OutboxWorker {
  private readonly repository: OutboxStore;
  private readonly senders: Partial<Record<OutboxChannel, OutboxSender>>;
  private readonly channels: OutboxChannel[];
  private readonly logger: Logger;
  private readonly clock: () => Date;
  private readonly backoff: (attempt: number) => number;
  private readonly leaseMs: number;
  private readonly sendTimeoutMs: number;
  private readonly totals: OutboxStats = { delivered: 0, failed: 0, dead: 0 };
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private wakeRequested = false;

  constructor(private readonly options: OutboxWorkerOptions) {
    this.repository = options.repository;
    this.senders = options.senders;
    this.channels = (Object.keys(options.senders) as OutboxChannel[]).filter(
      (c) => options.senders[c] !== undefined,
    );
    this.logger = options.logger;
    this.clock = options.clock ?? (() => new Date());
    this.backoff = options.backoff ?? exponentialBackoff();
    this.leaseMs = options.leaseMs ?? 120_000;
    this.sendTimeoutMs = options.sendTimeoutMs ?? 30_000;
    if (this.sendTimeoutMs >= this.leaseMs)
      throw new RangeError('sendTimeoutMs must be shorter than leaseMs');
  }

  /** Totals since start. */
  get stats(): Readonly<OutboxStats> {
    return { ...this.totals };
  }

  /** Starts polling (first poll at once). Idempotent. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Asks for a poll now rather than at the next interval (call after queueing a message). */
  trigger(): void {
    if (!this.running) return;
    if (this.timer) {
      clearTimeout(this.timer);
      this.schedule(0);
    } else {
      this.wakeRequested = true;
    }
  }

  /** Stops polling and resolves when the sends in flight have finished and been recorded. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.chain;
  }

  /** One poll: claim a batch, send each message, record the outcome. Polls never overlap. */
  runOnce(): Promise<OutboxRunResult> {
    const run = this.chain.then(() => this.poll());
    this.chain = run.catch(() => undefined);
    return run;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.loop();
    }, delayMs);
    // The HTTP server keeps the process alive; the poll timer alone should not.
    this.timer.unref();
  }

  private async loop(): Promise<void> {
    let result: OutboxRunResult | undefined;
    try {
      result = await this.runOnce();
    } catch (error) {
      this.logger.error({ code: errorCode(error) }, 'outbox poll failed');
      this.options.events?.pollFailed?.();
    }
    if (!this.running) return;
    const more = this.wakeRequested || (result !== undefined && result.claimed >= this.options.batchSize);
    this.wakeRequested = false;
    this.schedule(more ? 0 : this.options.pollIntervalMs);
  }

  private async poll(): Promise<OutboxRunResult> {
    const result: OutboxRunResult = { claimed: 0, delivered: 0, failed: 0, dead: 0 };
    if (this.channels.length === 0) return result;
    const messages = await this.repository.claimDueOutbox(
      this.clock(),
      this.options.batchSize,
      this.leaseMs,
      this.channels,
    );
    result.claimed = messages.length;
    const outcomes = await Promise.all(messages.map((m) => this.deliver(m)));
    for (const outcome of outcomes) result[outcome] += 1;
    this.totals.delivered += result.delivered;
    this.totals.failed += result.failed;
    this.totals.dead += result.dead;
    return result;
  }

  private async deliver(message: OutboxMessage): Promise<'delivered' | 'failed' | 'dead'> {
    const log = {
      outboxId: message.id,
      channel: message.channel,
      reference: message.reference,
      attempt: message.attempts,
    };
    const started = Date.now();
    try {
      const sender = this.senders[message.channel];
      if (!sender) throw Object.assign(new Error('no sender'), { code: 'no-sender' });
      await this.withTimeout(sender(message));
    } catch (error) {
      const code = errorCode(error);
      const now = this.clock();
      if (message.attempts >= this.options.maxAttempts || isPermanent(error)) {
        await this.repository.markOutboxDead(message.id, code, now);
        this.logger.error({ ...log, code }, 'outbox message dead');
        this.options.events?.dead?.(message.channel);
        return 'dead';
      }
      const nextAttemptAt = new Date(now.getTime() + this.backoff(message.attempts));
      await this.repository.markOutboxFailed(message.id, code, nextAttemptAt, now);
      this.logger.warn({ ...log, code, nextAttemptAt: nextAttemptAt.toISOString() }, 'outbox send failed');
      this.options.events?.failed?.(message.channel);
      return 'failed';
    }
    await this.repository.markOutboxDelivered(message.id, this.clock());
    this.logger.info({ ...log, ms: Date.now() - started }, 'outbox delivered');
    return 'delivered';
  }

  private async withTimeout(send: Promise<void>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new SendTimeout('send timed out')), this.sendTimeoutMs);
    });
    try {
      await Promise.race([send, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
