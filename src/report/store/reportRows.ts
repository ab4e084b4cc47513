import { isReportStatus } from '../access';
import {
  ReportRepositoryError,
  OUTBOX_CHANNELS,
  type OutboxChannel,
  type OutboxMessage,
  type OutboxMessageInput,
  type OutboxReportFacts,
} from './repository';
import {
  REPORT_TYPE_IDS,
  type NewReport,
  type Report,
  type ReportAnswers,
  type ReportStatus,
  type ReportTypeId,
} from '../types';

/**
 * Row shapes shared by the SQLite and PostgreSQL report repositories and their mapping to plain
 * objects, so both return exactly the same objects for the same data (the contract test compares them).
 */

/** Time columns: ISO text in SQLite, Date from pg for TIMESTAMPTZ. */
type Time = string | Date;

export interface ReportRow {
  id: number;
  reference: string;
  type: string;
  status: string;
  reporter_user_id: string | null;
  reporter_aad_object_id: string | null;
  reporter_name: string | null;
  organisation_id: string | null;
  answers: string | null;
  reporter_conversation: string | null;
  created_at: Time;
  updated_at: Time;
  purged_at: Time | null;
}

export interface OutboxRow {
  id: number;
  channel: string;
  payload: string;
  reference: string;
  attempts: number;
  created_at: Time;
  lease_until: Time | null;
}

/** Columns selected for a report (no idempotency key: it never leaves the repository). */
export const REPORT_COLUMNS =
  'id, reference, type, status, reporter_user_id, reporter_aad_object_id, reporter_name, organisation_id, answers, reporter_conversation, created_at, updated_at, purged_at';

function iso(value: Time): string {
  return typeof value === 'string' ? value : value.toISOString();
}

function corrupt(what: string, id: number): ReportRepositoryError {
  return new ReportRepositoryError('corrupt-row', `${what} unreadable in row ${id}`);
}

function parseObject(text: string, what: string, id: number): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw corrupt(what, id);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw corrupt(what, id);
  return parsed as Record<string, unknown>;
}

function asType(value: string, id: number): ReportTypeId {
  if (!(REPORT_TYPE_IDS as readonly string[]).includes(value)) throw corrupt('type', id);
  return value as ReportTypeId;
}

function asStatus(value: string, id: number): ReportStatus {
  if (!isReportStatus(value)) throw corrupt('status', id);
  return value;
}

function asChannel(value: string, id: number): OutboxChannel {
  if (!(OUTBOX_CHANNELS as readonly string[]).includes(value)) throw corrupt('channel', id);
  return value as OutboxChannel;
}

/** Maps a reports row to a Report; absent optional values are left out rather than set to undefined. */
export function reportFromRow(row: ReportRow): Report {
  const report: Report = {
    id: Number(row.id),
    reference: row.reference,
    type: asType(row.type, row.id),
    status: asStatus(row.status, row.id),
    reporter: { userId: row.reporter_user_id ?? '' },
    answers: row.answers === null ? null : (parseObject(row.answers, 'answers', row.id) as ReportAnswers),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
  if (row.reporter_aad_object_id !== null) report.reporter.aadObjectId = row.reporter_aad_object_id;
  if (row.reporter_name !== null) report.reporter.name = row.reporter_name;
  if (row.organisation_id !== null) report.organisationId = row.organisation_id;
  if (row.reporter_conversation !== null) {
    report.reporterConversation = parseObject(row.reporter_conversation, 'conversation', row.id);
  }
  if (row.purged_at !== null) report.purgedAt = iso(row.purged_at);
  return report;
}

/** Maps an outbox row (joined with its report's reference) to an OutboxMessage. */
export function outboxFromRow(row: OutboxRow): OutboxMessage {
  return {
    id: Number(row.id),
    channel: asChannel(row.channel, row.id),
    payload: parseObject(row.payload, 'payload', row.id),
    reference: row.reference,
    attempts: Number(row.attempts),
    createdAt: iso(row.created_at),
    leaseUntil: row.lease_until === null ? '' : iso(row.lease_until),
  };
}

/**
 * The stored payload: the caller's ids plus the report's non-content facts at queue time (reference,
 * type, status, createdAt, organisationId), so a sender can build its message without a lookup and
 * a status message says the status it was queued for.
 */
export function outboxPayloadText(message: OutboxMessageInput, report: Report): string {
  const facts: OutboxReportFacts = {
    reference: report.reference,
    type: report.type,
    status: report.status,
    createdAt: report.createdAt,
    ...(report.organisationId === undefined ? {} : { organisationId: report.organisationId }),
  };
  return JSON.stringify({ ...message.payload, ...facts });
}

/** Sorts claimed messages in queue order (RETURNING has no order). */
export function byId(a: OutboxMessage, b: OutboxMessage): number {
  return a.id - b.id;
}

/**
 * Refuses a new report that could not be read back (reportFromRow would call its row corrupt), so a
 * bad input fails at the caller instead of making a stored report unreadable later.
 */
export function assertStorable(input: NewReport): void {
  const answersOk =
    typeof input.answers === 'object' &&
    input.answers !== null &&
    !Array.isArray(input.answers) &&
    Object.values(input.answers).every((v) => typeof v === 'string');
  if (!(REPORT_TYPE_IDS as readonly string[]).includes(input.type) || !answersOk) {
    throw new ReportRepositoryError('invalid-report', 'report type or answers cannot be stored');
  }
}

/** An existing report for a repeated key, unless the key belongs to somebody else's report. */
export function existingForReporter(row: ReportRow, input: NewReport): Report {
  if (row.reporter_user_id !== input.reporter.userId) {
    throw new ReportRepositoryError(
      'idempotency-key-reused',
      `idempotency key of report ${row.id} reused by another reporter`,
    );
  }
  return reportFromRow(row);
}
