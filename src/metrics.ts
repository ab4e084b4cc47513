import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics (GET /metrics). One registry per service instance, so tests that start several
 * apps in one process do not share counters. Labels carry kinds, outcomes and report types only:
 * never a user, a tenant, a text or a reference (cardinality and privacy).
 */

/** What kind of activity a turn was. */
export type TurnKind = 'message' | 'card' | 'invoke' | 'conversationUpdate' | 'installationUpdate' | 'other';
/** How a turn ended. */
export type TurnOutcome = 'ok' | 'error' | 'tenant_refused' | 'rate_limited';
/** What a question got: an answer, "Menade du…?", the honest fallback, or an answer about danger now. */
export type AnswerOutcome = 'answer' | 'clarify' | 'fallback' | 'danger' | 'roles';

/** The outbox figures a scrape reads from the database. */
export interface OutboxSnapshot {
  pending: number;
  dead: number;
  oldestPendingAt: Date | undefined;
}

export class Metrics {
  readonly registry = new Registry();
  private readonly turns = new Counter({
    name: 'sg_turns_total',
    help: 'Turns by activity kind and outcome',
    labelNames: ['kind', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly turnSeconds = new Histogram({
    name: 'sg_turn_duration_seconds',
    help: 'Time to handle a turn, replies sent included',
    labelNames: ['kind'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly answers = new Counter({
    name: 'sg_answers_total',
    help: 'Questions by outcome (answer, clarify, fallback, danger, roles)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  private readonly confidence = new Histogram({
    name: 'sg_answer_confidence',
    help: 'Search confidence of questions, by outcome',
    labelNames: ['outcome'] as const,
    buckets: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1],
    registers: [this.registry],
  });
  private readonly gaps = new Counter({
    name: 'sg_gaps_recorded_total',
    help: 'Questions recorded as knowledge gaps (clarify or fallback)',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  private readonly reports = new Counter({
    name: 'sg_reports_created_total',
    help: 'Reports stored, by report type',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });
  private readonly deliveryFailures = new Counter({
    name: 'sg_outbox_delivery_failures_total',
    help: 'Notification sends that failed and will be retried, by channel',
    labelNames: ['channel'] as const,
    registers: [this.registry],
  });
  private readonly deadLettersTotal = new Counter({
    name: 'sg_outbox_dead_letters_total',
    help: 'Notifications given up as dead by this instance, by channel',
    labelNames: ['channel'] as const,
    registers: [this.registry],
  });
  private readonly rateLimitedTurns = new Counter({
    name: 'sg_rate_limited_turns_total',
    help: 'Turns refused because the user sent too many messages',
    registers: [this.registry],
  });
  private readonly tenantRefused = new Counter({
    name: 'sg_tenant_refused_total',
    help: 'Activities refused because they came from a tenant not in ALLOWED_TENANT_IDS',
    registers: [this.registry],
  });
  private readonly dbErrors = new Counter({
    name: 'sg_database_errors_total',
    help: 'Database operations that failed, by where they failed',
    labelNames: ['operation'] as const,
    registers: [this.registry],
  });

  constructor(outbox?: () => Promise<OutboxSnapshot>) {
    collectDefaultMetrics({ register: this.registry, prefix: 'sg_' });
    if (outbox) this.registerOutbox(outbox);
  }

  /** Gauges read from the database at scrape time, so every instance reports the shared truth. */
  private registerOutbox(read: () => Promise<OutboxSnapshot>): void {
    let snapshot: Promise<OutboxSnapshot | undefined> | undefined;
    // One database read per scrape, shared by the three gauges (prom-client collects them together).
    const current = () => {
      snapshot ??= read().then(
        (s) => s,
        () => {
          this.databaseError('metrics.outbox');
          return undefined;
        },
      );
      const pending = snapshot;
      setImmediate(() => {
        if (snapshot === pending) snapshot = undefined;
      });
      return pending;
    };
    const gauge = (name: string, help: string, value: (s: OutboxSnapshot) => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        async collect() {
          const s = await current();
          if (s) this.set(value(s));
        },
      });
    gauge('sg_outbox_pending', 'Notifications waiting to be delivered', (s) => s.pending);
    gauge('sg_outbox_dead', 'Notifications given up (dead letters) in the database', (s) => s.dead);
    gauge(
      'sg_outbox_oldest_pending_age_seconds',
      'Age of the oldest undelivered notification (0 when none)',
      (s) => (s.oldestPendingAt ? Math.max(0, (Date.now() - s.oldestPendingAt.getTime()) / 1000) : 0),
    );
  }

  turn(kind: TurnKind, outcome: TurnOutcome, seconds?: number): void {
    this.turns.inc({ kind, outcome });
    if (seconds !== undefined) this.turnSeconds.observe({ kind }, seconds);
  }

  answer(outcome: AnswerOutcome, confidence?: number): void {
    this.answers.inc({ outcome });
    if (confidence !== undefined) this.confidence.observe({ outcome }, confidence);
  }

  gap(kind: 'clarify' | 'fallback'): void {
    this.gaps.inc({ kind });
  }

  reportCreated(type: string): void {
    this.reports.inc({ type });
  }

  deliveryFailed(channel: string): void {
    this.deliveryFailures.inc({ channel });
  }

  deadLetter(channel: string): void {
    this.deadLettersTotal.inc({ channel });
  }

  rateLimited(): void {
    this.rateLimitedTurns.inc();
  }

  refusedTenant(): void {
    this.tenantRefused.inc();
  }

  databaseError(operation: string): void {
    this.dbErrors.inc({ operation });
  }

  /** The exposition text and its content type. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

/** True for errors raised by SQLite or PostgreSQL (driver codes), as opposed to bugs or the channel. */
export function isDatabaseError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; name?: unknown; severity?: unknown };
  if (typeof e.code === 'string' && e.code.startsWith('SQLITE_')) return true;
  if (e.name === 'SqliteError') return true;
  // node-postgres errors carry a SQLSTATE code and a severity; connection failures carry ECONNREFUSED etc.
  return typeof e.severity === 'string' && typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code);
}
