/**
 * Shared types of the guided incident report. Plain data only: the flow, the repositories,
 * the outbox and the bot layer all speak these types, and none of them imports an SDK.
 */

/** Report types are data (see steps.ts); these are the ids that exist today. */
export type ReportTypeId = 'hot-och-vald' | 'otillaten-paverkan' | 'informationssakerhet';

export const REPORT_TYPE_IDS: readonly ReportTypeId[] = [
  'hot-och-vald',
  'otillaten-paverkan',
  'informationssakerhet',
];

/** Case status as the security team sets it; the reporter is told of every change. */
export type ReportStatus = 'mottagen' | 'under-utredning' | 'avslutad';

export const REPORT_STATUSES: readonly ReportStatus[] = ['mottagen', 'under-utredning', 'avslutad'];

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
