import type { OutboxChannel, OutboxQueue } from '../report/store/repository';
import type {
  ConversationRef,
  KnowledgeDraft,
  NewQuestion,
  Question,
  QuestionAreaId,
  QuestionChange,
  QuestionStatus,
} from './types';

/**
 * The durable store of questions, their outbox, registered team channels, scheduler slots and
 * knowledge drafts. SQLite (embedded default) and PostgreSQL both pass
 * test/contracts/questionRepository.test.ts. The outbox has the same shape as the report outbox, so
 * the same OutboxWorker delivers it; `reference` of a message is the question id ('' for digests).
 */

/** What a queued message is for; the payload holds ids only, the text is read at send time. */
export type QuestionOutboxKind =
  | 'question.card'
  | 'question.reminder'
  | 'question.digest'
  | 'question.answer'
  | 'question.closed'
  | 'content.weekly';

export interface QuestionOutboxInput {
  /** 'teams' = a team channel (or the content owners), 'reporter' = the person who asked. */
  channel: Extract<OutboxChannel, 'teams' | 'reporter'>;
  payload: { kind: QuestionOutboxKind } & Record<string, unknown>;
}

export type QuestionRepositoryErrorCode = 'idempotency-key-reused' | 'corrupt-row';

export class QuestionRepositoryError extends Error {
  constructor(
    readonly code: QuestionRepositoryErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'QuestionRepositoryError';
  }
}

/** The questions and their drafts; its outbox (OutboxQueue) tells the team and the asker. */
export interface QuestionRepository extends OutboxQueue {
  /**
   * Stores a question and its outbox messages in one transaction, durably, with a new FQ id. The same
   * idempotency key returns the existing question (created=false) and queues nothing; a key of
   * somebody else's question rejects with `idempotency-key-reused`.
   */
  create(
    input: NewQuestion,
    outbox: QuestionOutboxInput[],
  ): Promise<{ question: Question; created: boolean }>;
  get(id: string): Promise<Question | undefined>;
  /** The person's questions, newest first (default 50). */
  listByAsker(userId: string, limit?: number): Promise<Question[]>;
  /** Open and taken questions, oldest first (default 50). */
  listUnanswered(limit?: number): Promise<Question[]>;
  /** All questions, newest first, optionally of one status (for export; at most 1000). */
  listAll(options?: { status?: QuestionStatus; limit?: number }): Promise<Question[]>;
  /**
   * Applies a change if the question still has `expectedVersion`, with its outbox messages, in one
   * transaction. 'conflict' when somebody changed it first; undefined when there is no such question.
   */
  update(
    id: string,
    expectedVersion: number,
    change: QuestionChange,
    outbox: QuestionOutboxInput[],
  ): Promise<Question | 'conflict' | undefined>;
  /** Remembers where the team card was posted (to update it in place). */
  setTeamCard(id: string, card: { conversationId: string; activityId: string }): Promise<void>;
  /**
   * Stamps the SLA reminder and queues it, once: false when it was already stamped (another
   * instance got there first) or the question is no longer unanswered.
   */
  markReminded(id: string, at: Date, outbox: QuestionOutboxInput[]): Promise<boolean>;
  /** Queues messages that belong to no single question change (digests). */
  enqueue(outbox: QuestionOutboxInput[], questionId?: string): Promise<void>;
  /**
   * True for exactly one caller per (job, slot) across all instances: the daily digest of
   * 2026-03-10 is sent once even when two instances tick at the same minute.
   */
  claimJob(job: string, slot: string): Promise<boolean>;
  /** Registers (or replaces) the team conversation of an area. */
  saveRoute(area: QuestionAreaId, conversation: ConversationRef, byUserId: string): Promise<void>;
  /** Registered team conversations by area. */
  routes(): Promise<Partial<Record<QuestionAreaId, ConversationRef>>>;
  /** Adds a knowledge draft for an answered question; a second press returns the first draft. */
  addDraft(
    draft: Omit<KnowledgeDraft, 'id' | 'writtenAt'>,
  ): Promise<{ draft: KnowledgeDraft; created: boolean }>;
  /** Drafts not yet written to files (or all, with `all`). */
  listDrafts(options?: { all?: boolean }): Promise<KnowledgeDraft[]>;
  markDraftsWritten(ids: number[], at: Date): Promise<void>;
  /**
   * Retention: nulls the thread texts, the asker's identity and conversation of questions created
   * before `cutoff`, and deletes their drafts; area, status and dates stay for counts. Returns how many.
   */
  purgeContentsOlderThan(cutoff: Date): Promise<number>;
  /** Anonymous counts per area, status and month ("YYYY-MM", UTC). */
  counts(): Promise<Array<{ area: QuestionAreaId; status: QuestionStatus; month: string; count: number }>>;

  close(): Promise<void>;
}

export interface QuestionRepositoryOptions {
  clock?: () => Date;
  migrationsDir?: string;
}
