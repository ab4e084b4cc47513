/**
 * Shared types of the guided incident report. Plain data only: the flow, the repositories,
 * the outbox and the bot layer all speak these types, and none of them imports an SDK.
 */

import type { ReportStatus } from './lifecycle';

export type { ReportStatus } from './lifecycle';

/**
 * The report types that exist, declared once; each has its steps in steps.ts (a Record keyed by
 * these ids, so a missing definition fails to compile).
 */
export const REPORT_TYPE_IDS = ['hot-och-vald', 'otillaten-paverkan', 'informationssakerhet'] as const;

/** One of REPORT_TYPE_IDS. */
export type ReportTypeId = (typeof REPORT_TYPE_IDS)[number];

/** Who is acting: ids from the channel (Teams user id and Entra object id), never names in logs. */
export interface Actor {
  /** Channel user id (activity.from.id). */
  userId: string;
  /** Entra (Azure AD) object id when the channel gives it (Teams does); used for the security team list. */
  aadObjectId?: string;
  /** Display name, shown to the security team only. */
  name?: string;
}

/** Field values entered by the reporter, keyed by field id from the step table. */
export type ReportAnswers = Record<string, string>;

/** Where a reply or notification can be sent later (a serialisable conversation reference). */
export type ConversationRef = Record<string, unknown>;

/** A report as stored. `answers` is null after retention purged the contents. */
export interface Report {
  id: number;
  reference: string;
  type: ReportTypeId;
  status: ReportStatus;
  reporter: Actor;
  /** Organisation id chosen by the reporter (organisations.yaml), if any. */
  organisationId?: string;
  answers: ReportAnswers | null;
  /** Where to notify the reporter of status changes. */
  reporterConversation?: ConversationRef;
  createdAt: string;
  updatedAt: string;
  purgedAt?: string;
}

/** What the flow hands over when the person presses "Skicka". */
export interface NewReport {
  type: ReportTypeId;
  reporter: Actor;
  organisationId?: string;
  answers: ReportAnswers;
  reporterConversation?: ConversationRef;
  /**
   * Same key = same report: a double click or a channel retry of "Skicka" must not create two.
   * The flow derives it from the draft id.
   */
  idempotencyKey: string;
}
