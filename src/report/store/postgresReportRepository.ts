import type { Pool, PoolClient } from 'pg';
import { applyPostgresMigrations, resolvePool, withTransaction, type PgPoolSource } from '../../db/postgres';
import { loadMigrations, reportMigrationsDir } from '../../db/migrations';
import {
  REPORT_COLUMNS,
  assertStorable,
  byId,
  existingForReporter,
  outboxFromRow,
  outboxPayloadText,
  reportFromRow,
  type OutboxRow,
  type ReportRow,
} from './reportRows';
import { canTransition } from '../access';
import { formatReference } from './reference';
import {
  ReportRepositoryError,
  clampLimit,
  clipOutboxError,
  type OutboxChannel,
  type OutboxMessage,
  type OutboxMessageInput,
  type ReportRepository,
  type ReportRepositoryOptions,
} from './repository';
import type { Actor, NewReport, Report, ReportStatus, ReportTypeId } from '../types';

/** Thrown inside create() when a concurrent transaction committed the same idempotency key first. */
class LostIdempotencyRace extends Error {}

/**
 * PostgreSQL implementation, chosen with STORAGE=postgres. Use `open()`: it applies migrations before
 * the first request. Reference sequences are a per-year counter row updated inside the create
 * transaction, so a rolled-back create leaves no gap and concurrent creates queue on that row.
 */
export class PostgresReportRepository implements ReportRepository {
  private readonly pool: Pool;
  private readonly ownsPool: boolean;
  private readonly clock: () => Date;

  private constructor(source: PgPoolSource, options: ReportRepositoryOptions) {
    const { pool, owned } = resolvePool(source);
    this.pool = pool;
    this.ownsPool = owned;
    this.clock = options.clock ?? (() => new Date());
  }

  /**
   * Connects and migrates. A connection string gets a pool that close() ends; a given pool is
   * borrowed and left open (its owner ends it).
   */
  static async open(
    source: PgPoolSource,
    options: ReportRepositoryOptions = {},
  ): Promise<PostgresReportRepository> {
    const repository = new PostgresReportRepository(source, options);
    try {
      await applyPostgresMigrations(
        repository.pool,
        loadMigrations(options.migrationsDir ?? reportMigrationsDir('postgres')),
      );
    } catch (error) {
      await repository.close();
      throw error;
    }
    return repository;
  }

  async create(
    input: NewReport,
    outbox: OutboxMessageInput[],
  ): Promise<{ report: Report; created: boolean }> {
    assertStorable(input);
    const now = this.clock();
    const year = now.getUTCFullYear();
    try {
      return await withTransaction(this.pool, async (client) => {
        const existing = await this.reportWhere(client, 'idempotency_key = $1', [input.idempotencyKey]);
        if (existing) return { report: existingForReporter(existing, input), created: false };

        const sequence = await client.query<{ last_value: number }>(
          `INSERT INTO report_sequences (year, last_value) VALUES ($1, 1)
           ON CONFLICT (year) DO UPDATE SET last_value = report_sequences.last_value + 1 RETURNING last_value`,
          [year],
        );
        const reference = formatReference(year, Number(sequence.rows[0]?.last_value));
        const inserted = await client.query<ReportRow>(
          `INSERT INTO reports (reference, idempotency_key, type, status, reporter_user_id, reporter_aad_object_id,
             reporter_name, organisation_id, answers, reporter_conversation, created_at, updated_at)
           VALUES ($1, $2, $3, 'mottagen', $4, $5, $6, $7, $8, $9, $10, $10)
           ON CONFLICT (idempotency_key) DO NOTHING
           RETURNING ${REPORT_COLUMNS}`,
          [
            reference,
            input.idempotencyKey,
            input.type,
            input.reporter.userId,
            input.reporter.aadObjectId ?? null,
            input.reporter.name ?? null,
            input.organisationId ?? null,
            JSON.stringify(input.answers),
            input.reporterConversation === undefined ? null : JSON.stringify(input.reporterConversation),
            now,
          ],
        );
        const row = inserted.rows[0];
        // Rolling back returns the sequence number, so the winner's reference is the only one used.
        if (!row) throw new LostIdempotencyRace();
        const report = reportFromRow(row);
        await this.queue(client, report, outbox, now);
        return { report, created: true };
      });
    } catch (error) {
      if (!(error instanceof LostIdempotencyRace)) throw error;
      const winner = await this.reportWhere(this.pool, 'idempotency_key = $1', [input.idempotencyKey]);
      if (!winner) throw error;
      return { report: existingForReporter(winner, input), created: false };
    }
  }

  async getByReference(reference: string): Promise<Report | undefined> {
    const row = await this.reportWhere(this.pool, 'reference = $1', [reference]);
    return row ? reportFromRow(row) : undefined;
  }

  async listByReporter(userId: string, limit?: number): Promise<Report[]> {
    if (userId.trim() === '') return [];
    const result = await this.pool.query<ReportRow>(
      `SELECT ${REPORT_COLUMNS} FROM reports WHERE reporter_user_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`,
      [userId, clampLimit(limit)],
    );
    return result.rows.map(reportFromRow);
  }

  async listAll(options: { status?: ReportStatus; limit?: number } = {}): Promise<Report[]> {
    const result = await this.pool.query<ReportRow>(
      `SELECT ${REPORT_COLUMNS} FROM reports WHERE ($1::text IS NULL OR status = $1)
       ORDER BY created_at DESC, id DESC LIMIT $2`,
      [options.status ?? null, clampLimit(options.limit)],
    );
    return result.rows.map(reportFromRow);
  }

  async setStatus(
    reference: string,
    status: ReportStatus,
    by: Actor,
    outbox: OutboxMessageInput[],
  ): Promise<Report | undefined> {
    const now = this.clock();
    return withTransaction(this.pool, async (client) => {
      const row = await this.reportWhere(client, 'reference = $1', [reference], 'FOR UPDATE');
      if (!row) return undefined;
      const current = reportFromRow(row);
      if (current.status === status) return current;
      if (!canTransition(current.status, status)) {
        throw new ReportRepositoryError(
          'invalid-status-transition',
          `report ${current.id}: ${current.status} -> ${status} is not allowed`,
        );
      }
      const updated = await client.query<ReportRow>(
        `UPDATE reports SET status = $1, updated_at = $2 WHERE id = $3 RETURNING ${REPORT_COLUMNS}`,
        [status, now, current.id],
      );
      await client.query(
        `INSERT INTO report_status_history (report_id, from_status, to_status, actor_user_id, actor_aad_object_id, changed_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [current.id, current.status, status, by.userId, by.aadObjectId ?? null, now],
      );
      const next = updated.rows[0];
      if (!next) return undefined;
      const report = reportFromRow(next);
      await this.queue(client, report, outbox, now);
      return report;
    });
  }

  async purgeContentsOlderThan(cutoff: Date): Promise<number> {
    const now = this.clock();
    return withTransaction(this.pool, async (client) => {
      const purged = await client.query(
        `UPDATE reports SET answers = NULL, reporter_conversation = NULL, reporter_user_id = NULL,
           reporter_aad_object_id = NULL, reporter_name = NULL, purged_at = $1
         WHERE created_at < $2 AND purged_at IS NULL`,
        [now, cutoff],
      );
      await client.query(`DELETE FROM outbox WHERE state = 'delivered' AND created_at < $1`, [cutoff]);
      return purged.rowCount ?? 0;
    });
  }

  async countsByTypeAndMonth(): Promise<Array<{ type: ReportTypeId; month: string; count: number }>> {
    const result = await this.pool.query<{ type: ReportTypeId; month: string; count: number }>(
      `SELECT type, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, count(*)::int AS count
       FROM reports GROUP BY type, month ORDER BY month, type`,
    );
    return result.rows.map((r) => ({ type: r.type, month: r.month, count: Number(r.count) }));
  }

  async claimDueOutbox(
    now: Date,
    limit: number,
    leaseMs: number,
    channels?: readonly OutboxChannel[],
  ): Promise<OutboxMessage[]> {
    if (channels?.length === 0 || limit < 1) return [];
    // SKIP LOCKED: two instances claiming at once each take different rows instead of waiting.
    const result = await this.pool.query<OutboxRow>(
      `WITH due AS (
         SELECT id FROM outbox
         WHERE state = 'pending' AND next_attempt_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)
           AND ($4::text[] IS NULL OR channel = ANY($4::text[]))
         ORDER BY id LIMIT $3
         FOR UPDATE SKIP LOCKED
       ), leased AS (
         UPDATE outbox o SET lease_until = $2, attempts = o.attempts + 1
         FROM due WHERE o.id = due.id
         RETURNING o.id, o.channel, o.payload, o.report_id, o.attempts, o.created_at, o.lease_until
       )
       SELECT l.id, l.channel, l.payload, r.reference, l.attempts, l.created_at, l.lease_until
       FROM leased l JOIN reports r ON r.id = l.report_id`,
      [now, new Date(now.getTime() + leaseMs), Math.floor(limit), channels ? [...channels] : null],
    );
    return result.rows.map(outboxFromRow).sort(byId);
  }

  async markOutboxDelivered(id: number, now: Date): Promise<void> {
    await this.pool.query(
      `UPDATE outbox SET state = 'delivered', delivered_at = $1, lease_until = NULL, last_error = NULL WHERE id = $2`,
      [now, id],
    );
  }

  async markOutboxFailed(id: number, error: string, nextAttemptAt: Date, _now: Date): Promise<void> {
    await this.pool.query(
      `UPDATE outbox SET next_attempt_at = $1, lease_until = NULL, last_error = $2 WHERE id = $3 AND state = 'pending'`,
      [nextAttemptAt, clipOutboxError(error), id],
    );
  }

  async retryOutboxNow(channel: OutboxChannel, now: Date): Promise<number> {
    const result = await this.pool.query(
      `UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = $1, lease_until = NULL
       WHERE channel = $2 AND state IN ('pending', 'dead')`,
      [now, channel],
    );
    return result.rowCount ?? 0;
  }

  async markOutboxDead(id: number, error: string, _now: Date): Promise<void> {
    await this.pool.query(
      `UPDATE outbox SET state = 'dead', lease_until = NULL, last_error = $1 WHERE id = $2 AND state = 'pending'`,
      [clipOutboxError(error), id],
    );
  }

  async pendingOutboxCount(): Promise<number> {
    return this.countOutbox('pending');
  }

  async deadOutboxCount(): Promise<number> {
    return this.countOutbox('dead');
  }

  async oldestPendingOutboxAt(): Promise<Date | undefined> {
    const result = await this.pool.query<{ at: Date | null }>(
      "SELECT min(created_at) AS at FROM outbox WHERE state = 'pending'",
    );
    const at = result.rows[0]?.at;
    return at ? new Date(at) : undefined;
  }

  async close(): Promise<void> {
    if (this.ownsPool && !this.pool.ended) await this.pool.end();
  }

  private async countOutbox(state: 'pending' | 'dead'): Promise<number> {
    const result = await this.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM outbox WHERE state = $1',
      [state],
    );
    return Number(result.rows[0]?.n ?? 0);
  }

  private async reportWhere(
    db: Pool | PoolClient,
    where: string,
    params: unknown[],
    lock = '',
  ): Promise<ReportRow | undefined> {
    const result = await db.query<ReportRow>(
      `SELECT ${REPORT_COLUMNS} FROM reports WHERE ${where} ${lock}`,
      params,
    );
    return result.rows[0];
  }

  private async queue(
    client: PoolClient,
    report: Report,
    outbox: readonly OutboxMessageInput[],
    now: Date,
  ): Promise<void> {
    for (const message of outbox) {
      await client.query(
        'INSERT INTO outbox (report_id, channel, payload, next_attempt_at, created_at) VALUES ($1, $2, $3, $4, $4)',
        [report.id, message.channel, outboxPayloadText(message, report), now],
      );
    }
  }
}
