import { applySqliteMigrations, openSqlite, settle, type SqliteDatabase } from '../../db/sqlite';
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

const OUTBOX_COLUMNS =
  'o.id AS id, o.channel AS channel, o.payload AS payload, r.reference AS reference, o.attempts AS attempts, o.created_at AS created_at, o.lease_until AS lease_until';

/**
 * The embedded default: one SQLite file (DATA_DIR/reports.sqlite). Writes run in IMMEDIATE
 * transactions so several processes on the same file serialise instead of failing half-way; every
 * commit is fsynced (synchronous=FULL) before create() resolves.
 */
export class SqliteReportRepository implements ReportRepository {
  private readonly db: SqliteDatabase;
  private readonly clock: () => Date;

  /** Opens the file and applies pending migrations (synchronously; fails fast on a broken schema). */
  constructor(filePath: string, options: ReportRepositoryOptions = {}) {
    this.clock = options.clock ?? (() => new Date());
    this.db = openSqlite(filePath);
    try {
      applySqliteMigrations(this.db, loadMigrations(options.migrationsDir ?? reportMigrationsDir('sqlite')));
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  create(input: NewReport, outbox: OutboxMessageInput[]): Promise<{ report: Report; created: boolean }> {
    return settle(() => {
      assertStorable(input);
      const now = this.clock();
      const nowIso = now.toISOString();
      const year = now.getUTCFullYear();
      const run = this.db.transaction((): { report: Report; created: boolean } => {
        const existing = this.db
          .prepare(`SELECT ${REPORT_COLUMNS} FROM reports WHERE idempotency_key = ?`)
          .get(input.idempotencyKey) as ReportRow | undefined;
        if (existing) return { report: existingForReporter(existing, input), created: false };

        const { last_value: sequence } = this.db
          .prepare(
            `INSERT INTO report_sequences (year, last_value) VALUES (?, 1)
             ON CONFLICT (year) DO UPDATE SET last_value = last_value + 1 RETURNING last_value`,
          )
          .get(year) as { last_value: number };
        const reference = formatReference(year, sequence);
        const inserted = this.db
          .prepare(
            `INSERT INTO reports (reference, idempotency_key, type, status, reporter_user_id, reporter_aad_object_id,
               reporter_name, organisation_id, answers, reporter_conversation, created_at, updated_at)
             VALUES (?, ?, ?, 'mottagen', ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            reference,
            input.idempotencyKey,
            input.type,
            input.reporter.userId,
            input.reporter.aadObjectId ?? null,
            input.reporter.name ?? null,
            input.organisationId ?? null,
            JSON.stringify(input.answers),
            input.reporterConversation === undefined ? null : JSON.stringify(input.reporterConversation),
            nowIso,
            nowIso,
          );
        const report = this.reportById(Number(inserted.lastInsertRowid));
        this.queue(report, outbox, nowIso);
        return { report, created: true };
      });
      return run.immediate();
    });
  }

  getByReference(reference: string): Promise<Report | undefined> {
    return settle(() => {
      const row = this.db
        .prepare(`SELECT ${REPORT_COLUMNS} FROM reports WHERE reference = ?`)
        .get(reference) as ReportRow | undefined;
      return row ? reportFromRow(row) : undefined;
    });
  }

  listByReporter(userId: string, limit?: number): Promise<Report[]> {
    return settle(() => {
      if (userId.trim() === '') return [];
      const rows = this.db
        .prepare(
          `SELECT ${REPORT_COLUMNS} FROM reports WHERE reporter_user_id = ? ORDER BY created_at DESC, id DESC LIMIT ?`,
        )
        .all(userId, clampLimit(limit)) as ReportRow[];
      return rows.map(reportFromRow);
    });
  }

  listAll(options: { status?: ReportStatus; limit?: number } = {}): Promise<Report[]> {
    return settle(() => {
      const limit = clampLimit(options.limit);
      const rows = (
        options.status === undefined
          ? this.db
              .prepare(`SELECT ${REPORT_COLUMNS} FROM reports ORDER BY created_at DESC, id DESC LIMIT ?`)
              .all(limit)
          : this.db
              .prepare(
                `SELECT ${REPORT_COLUMNS} FROM reports WHERE status = ? ORDER BY created_at DESC, id DESC LIMIT ?`,
              )
              .all(options.status, limit)
      ) as ReportRow[];
      return rows.map(reportFromRow);
    });
  }

  setStatus(
    reference: string,
    status: ReportStatus,
    by: Actor,
    outbox: OutboxMessageInput[],
  ): Promise<Report | undefined> {
    return settle(() => {
      const nowIso = this.clock().toISOString();
      const run = this.db.transaction((): Report | undefined => {
        const row = this.db
          .prepare(`SELECT ${REPORT_COLUMNS} FROM reports WHERE reference = ?`)
          .get(reference) as ReportRow | undefined;
        if (!row) return undefined;
        const current = reportFromRow(row);
        if (current.status === status) return current;
        if (!canTransition(current.status, status)) {
          throw new ReportRepositoryError(
            'invalid-status-transition',
            `report ${current.id}: ${current.status} -> ${status} is not allowed`,
          );
        }
        this.db
          .prepare('UPDATE reports SET status = ?, updated_at = ? WHERE id = ?')
          .run(status, nowIso, current.id);
        this.db
          .prepare(
            `INSERT INTO report_status_history (report_id, from_status, to_status, actor_user_id, actor_aad_object_id, changed_at)
             VALUES (?, ?, ?, ?, ?, ?)`,
          )
          .run(current.id, current.status, status, by.userId, by.aadObjectId ?? null, nowIso);
        const updated = this.reportById(current.id);
        this.queue(updated, outbox, nowIso);
        return updated;
      });
      return run.immediate();
    });
  }

  purgeContentsOlderThan(cutoff: Date): Promise<number> {
    return settle(() => {
      const cutoffIso = cutoff.toISOString();
      const nowIso = this.clock().toISOString();
      const run = this.db.transaction((): number => {
        const purged = this.db
          .prepare(
            `UPDATE reports SET answers = NULL, reporter_conversation = NULL, reporter_user_id = NULL,
               reporter_aad_object_id = NULL, reporter_name = NULL, purged_at = ?
             WHERE created_at < ? AND purged_at IS NULL`,
          )
          .run(nowIso, cutoffIso).changes;
        this.db.prepare(`DELETE FROM outbox WHERE state = 'delivered' AND created_at < ?`).run(cutoffIso);
        return purged;
      });
      return run.immediate();
    });
  }

  countsByTypeAndMonth(): Promise<Array<{ type: ReportTypeId; month: string; count: number }>> {
    return settle(() => {
      const rows = this.db
        .prepare(
          `SELECT type, substr(created_at, 1, 7) AS month, count(*) AS count
           FROM reports GROUP BY type, month ORDER BY month, type`,
        )
        .all() as Array<{ type: ReportTypeId; month: string; count: number }>;
      return rows.map((r) => ({ type: r.type, month: r.month, count: Number(r.count) }));
    });
  }

  claimDueOutbox(
    now: Date,
    limit: number,
    leaseMs: number,
    channels?: readonly OutboxChannel[],
  ): Promise<OutboxMessage[]> {
    return settle(() => {
      if (channels?.length === 0 || limit < 1) return [];
      const nowIso = now.toISOString();
      const leaseIso = new Date(now.getTime() + leaseMs).toISOString();
      const channelFilter = channels ? `AND channel IN (${channels.map(() => '?').join(', ')})` : '';
      const run = this.db.transaction((): OutboxMessage[] => {
        const ids = this.db
          .prepare(
            `SELECT id FROM outbox
             WHERE state = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
             ${channelFilter}
             ORDER BY id LIMIT ?`,
          )
          .all(nowIso, nowIso, ...(channels ?? []), Math.floor(limit)) as Array<{ id: number }>;
        const lease = this.db.prepare(
          'UPDATE outbox SET lease_until = ?, attempts = attempts + 1 WHERE id = ?',
        );
        const read = this.db.prepare(
          `SELECT ${OUTBOX_COLUMNS} FROM outbox o JOIN reports r ON r.id = o.report_id WHERE o.id = ?`,
        );
        return ids.map(({ id }) => {
          lease.run(leaseIso, id);
          return outboxFromRow(read.get(id) as OutboxRow);
        });
      });
      return run.immediate().sort(byId);
    });
  }

  markOutboxDelivered(id: number, now: Date): Promise<void> {
    return settle(() => {
      this.db
        .prepare(
          `UPDATE outbox SET state = 'delivered', delivered_at = ?, lease_until = NULL, last_error = NULL WHERE id = ?`,
        )
        .run(now.toISOString(), id);
    });
  }

  markOutboxFailed(id: number, error: string, nextAttemptAt: Date, _now: Date): Promise<void> {
    return settle(() => {
      this.db
        .prepare(
          `UPDATE outbox SET next_attempt_at = ?, lease_until = NULL, last_error = ? WHERE id = ? AND state = 'pending'`,
        )
        .run(nextAttemptAt.toISOString(), clipOutboxError(error), id);
    });
  }

  retryOutboxNow(channel: OutboxChannel, now: Date): Promise<number> {
    return settle(
      () =>
        this.db
          .prepare(
            `UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = ?, lease_until = NULL
             WHERE channel = ? AND state IN ('pending', 'dead')`,
          )
          .run(now.toISOString(), channel).changes,
    );
  }

  markOutboxDead(id: number, error: string, _now: Date): Promise<void> {
    return settle(() => {
      this.db
        .prepare(
          `UPDATE outbox SET state = 'dead', lease_until = NULL, last_error = ? WHERE id = ? AND state = 'pending'`,
        )
        .run(clipOutboxError(error), id);
    });
  }

  pendingOutboxCount(): Promise<number> {
    return settle(() => this.countOutbox('pending'));
  }

  deadOutboxCount(): Promise<number> {
    return settle(() => this.countOutbox('dead'));
  }

  oldestPendingOutboxAt(): Promise<Date | undefined> {
    return settle(() => {
      const row = this.db
        .prepare("SELECT min(created_at) AS at FROM outbox WHERE state = 'pending'")
        .get() as {
        at: string | null;
      };
      return row.at ? new Date(row.at) : undefined;
    });
  }

  close(): Promise<void> {
    return settle(() => {
      if (this.db.open) this.db.close();
    });
  }

  private countOutbox(state: 'pending' | 'dead'): number {
    const row = this.db.prepare('SELECT count(*) AS n FROM outbox WHERE state = ?').get(state) as {
      n: number;
    };
    return Number(row.n);
  }

  private reportById(id: number): Report {
    return reportFromRow(
      this.db.prepare(`SELECT ${REPORT_COLUMNS} FROM reports WHERE id = ?`).get(id) as ReportRow,
    );
  }

  private queue(report: Report, outbox: readonly OutboxMessageInput[], nowIso: string): void {
    const insert = this.db.prepare(
      'INSERT INTO outbox (report_id, channel, payload, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    for (const message of outbox) {
      insert.run(report.id, message.channel, outboxPayloadText(message, report), nowIso, nowIso);
    }
  }
}
