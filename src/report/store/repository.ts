import type { Actor, NewReport, Report, ReportStatus, ReportTypeId } from '../types';

/**
 * The durable store of reports and their notification outbox. Implementations: SQLite (embedded
 * default) and PostgreSQL; both pass test/contracts/reportRepository.test.ts. Everything returned is a
 * plain object detached from the database.
 */

/** Where a notification goes: the security team's Teams channel, the case-system webhook, the reporter. */
export type OutboxChannel = 'teams' | 'webhook' | 'reporter';

export const OUTBOX_CHANNELS: readonly OutboxChannel[] = ['teams', 'webhook', 'reporter'];

/**
 * A notification to send after the transaction commits. The payload holds ids needed to build the
 * message at send time (never the free text). The repository adds the report's OutboxReportFacts to
 * every payload (create() makes the reference, so the caller cannot).
 */
export interface OutboxMessageInput {
  channel: OutboxChannel;
  payload: Record<string, unknown>;
}

/** Non-content facts of the report, as they were when the message was queued; merged into every payload. */
export interface OutboxReportFacts {
  reference: string;
  type: ReportTypeId;
  /** The status the message is about (the new status for a status change). */
  status: ReportStatus;
  createdAt: string;
  organisationId?: string;
}

/** A claimed outbox message. `attempts` counts this attempt too (claiming increments it). */
export interface OutboxMessage {
  id: number;
  channel: OutboxChannel;
  payload: Record<string, unknown>;
  /** Reference of the report the message belongs to. */
  reference: string;
  attempts: number;
  createdAt: string;
  /** When the lease of this claim runs out; after that another worker may claim it again. */
  leaseUntil: string;
}

/** Stable error codes of the repository (for logs and for callers that branch on them). */
export type ReportRepositoryErrorCode =
  /** setStatus to a status not reachable from the current one (another team member got there first). */
  | 'invalid-status-transition'
  /** create() with an idempotency key that belongs to another reporter's report. */
  | 'idempotency-key-reused'
  /** create() got a report this build could not read back (unknown type, non-text answers): a programming error. */
  | 'invalid-report'
  /** A stored row holds a value this build does not know (written by a newer version, or edited by hand). */
  | 'corrupt-row';

/** Raised for conditions the caller did not cause through user input; message holds ids only. */
export class ReportRepositoryError extends Error {
  constructor(
    readonly code: ReportRepositoryErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ReportRepositoryError';
  }
}

/**
 * A durable queue of notifications, kept in the same database as what they are about and written in
 * the same transaction (the transactional outbox): reports and questions each have one, and one
 * worker (src/report/delivery/outbox.ts) delivers from either.
 */
export interface OutboxQueue {
  /**
   * Claims up to `limit` pending messages due at `now` (optionally only for `channels`), oldest first,
   * leasing them for `leaseMs` so that another instance does not take them meanwhile, and counting
   * the attempt. A message whose lease ran out (its worker died) is claimable again: at least once.
   */
  claimDueOutbox(
    now: Date,
    limit: number,
    leaseMs: number,
    channels?: readonly OutboxChannel[],
  ): Promise<OutboxMessage[]>;
  /** Marks a message delivered; it is never claimed again. */
  markOutboxDelivered(id: number, now: Date): Promise<void>;
  /** Records a failed attempt and when to try again. `error` is a short code, never report content. */
  markOutboxFailed(id: number, error: string, nextAttemptAt: Date, now: Date): Promise<void>;
  /** Gives up on a message: it stays in the table as 'dead' (counted, inspectable), never claimed again. */
  markOutboxDead(id: number, error: string, now: Date): Promise<void>;
  /**
   * Makes every undelivered message of a channel due now, with a fresh attempt count, dead ones
   * included: used when the channel's target appears (a security conversation is registered), so
   * notifications that waited, or gave up waiting, go out at once. Returns how many.
   */
  retryOutboxNow(channel: OutboxChannel, now: Date): Promise<number>;
  /** Messages not yet delivered nor dead. */
  pendingOutboxCount(): Promise<number>;
  /** Messages given up on. */
  deadOutboxCount(): Promise<number>;
}

export interface ReportRepository extends OutboxQueue {
  /**
   * Creates a report and its outbox messages in ONE transaction, durably, and returns the report with
   * its new reference. The same idempotencyKey (a double click, a channel retry) returns the existing
   * report with created=false and queues nothing. A key owned by another reporter rejects with
   * `idempotency-key-reused`.
   */
  create(input: NewReport, outbox: OutboxMessageInput[]): Promise<{ report: Report; created: boolean }>;
  /** The report with this exact reference (see normalizeReference for typed input), or undefined. */
  getByReference(reference: string): Promise<Report | undefined>;
  /** The reporter's reports, newest first (default limit 50). Purged reports no longer carry a reporter. */
  listByReporter(userId: string, limit?: number): Promise<Report[]>;
  /** All reports, newest first, optionally of one status (default limit 50, at most 1000). */
  listAll(options?: { status?: ReportStatus; limit?: number }): Promise<Report[]>;
  /**
   * Moves a report to `status`, writes an audit row and queues the outbox messages, in one transaction.
   * Undefined when no such report. Setting the status it already has changes nothing and queues nothing
   * (a double click). A transition allowedNextStatuses() forbids rejects with `invalid-status-transition`:
   * check with access.ts first; the rejection covers the race between two team members.
   */
  setStatus(
    reference: string,
    status: ReportStatus,
    by: Actor,
    outbox: OutboxMessageInput[],
  ): Promise<Report | undefined>;
  /**
   * Retention: for reports created before `cutoff`, nulls the answers, the reporter's identity and
   * conversation, and stamps purgedAt. Type, status, organisation and dates stay, so counts survive.
   * Also drops delivered outbox rows older than the cutoff. Returns how many reports were purged.
   */
  purgeContentsOlderThan(cutoff: Date): Promise<number>;
  /** Anonymous counts per type and calendar month (UTC, "YYYY-MM"), ordered by month then type. */
  countsByTypeAndMonth(): Promise<Array<{ type: ReportTypeId; month: string; count: number }>>;

  /** When the oldest message not yet delivered nor dead was queued (undefined when none): for alerts. */
  oldestPendingOutboxAt(): Promise<Date | undefined>;
  close(): Promise<void>;
}

/** Options shared by both report repositories. */
export interface ReportRepositoryOptions {
  /** Source of "now" for created/updated times and reference years (tests pass a fake clock). */
  clock?: () => Date;
  /** Folder with NNN_name.sql files; defaults to src/report/migrations/<kind> under the project root. */
  migrationsDir?: string;
}

/** The default and the ceiling of list limits: lists are for screens, not exports. */
export const DEFAULT_LIST_LIMIT = 50;
export const MAX_LIST_LIMIT = 1000;

/** Longest error code stored on an outbox row. */
export const MAX_OUTBOX_ERROR_LENGTH = 200;

/** Clamps a caller's limit into 1..MAX_LIST_LIMIT. */
export function clampLimit(limit: number | undefined, fallback = DEFAULT_LIST_LIMIT): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.min(MAX_LIST_LIMIT, Math.max(1, Math.floor(limit)));
}

/** Shortens an outbox error code to what the table keeps. */
export function clipOutboxError(error: string): string {
  return error.length > MAX_OUTBOX_ERROR_LENGTH ? error.slice(0, MAX_OUTBOX_ERROR_LENGTH) : error;
}
