import { join } from 'node:path';
import type { PgPoolSource } from '../db/postgres';
import { findProjectRoot, loadMigrations } from '../db/migrations';
import {
  OUTBOX_CHANNELS,
  clampLimit,
  clipOutboxError,
  type OutboxChannel,
  type OutboxMessage,
} from '../report/store/repository';
import {
  QuestionRepositoryError,
  type QuestionOutboxInput,
  type QuestionRepository,
  type QuestionRepositoryOptions,
} from './repository';
import { openPostgresDb, openSqliteDb, type SqlDb } from './sql';
import {
  formatQuestionId,
  isQuestionArea,
  isQuestionStatus,
  type ConversationRef,
  type KnowledgeDraft,
  type NewQuestion,
  type Question,
  type QuestionAreaId,
  type QuestionChange,
  type QuestionStatus,
  type ThreadEntry,
} from './types';

/** The folder with the question migrations for one database kind. */
export function questionMigrationsDir(kind: 'sqlite' | 'postgres'): string {
  return join(findProjectRoot(__dirname), 'src', 'questions', 'migrations', kind);
}

/** Migrations of this store are recorded apart from the report store's (they may share a database). */
const MIGRATIONS_TABLE = 'question_schema_migrations';

type Time = string | Date;

interface QuestionRow {
  id: string;
  area: string;
  status: string;
  asker_user_id: string | null;
  asker_aad_object_id: string | null;
  asker_name: string | null;
  asker_conversation: string | null;
  locale: string;
  thread: string | null;
  taken_by: string | null;
  version: number;
  created_at: Time;
  updated_at: Time;
  answered_at: Time | null;
  reminded_at: Time | null;
  team_card: string | null;
  purged_at: Time | null;
}

const COLUMNS =
  'id, area, status, asker_user_id, asker_aad_object_id, asker_name, asker_conversation, locale, thread, taken_by, version, created_at, updated_at, answered_at, reminded_at, team_card, purged_at';

const iso = (t: Time): string => (typeof t === 'string' ? t : t.toISOString());

function parse(text: string, what: string, id: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new QuestionRepositoryError('corrupt-row', `${what} unreadable in question ${id}`);
  }
}

function fromRow(row: QuestionRow): Question {
  if (!isQuestionArea(row.area) || !isQuestionStatus(row.status)) {
    throw new QuestionRepositoryError('corrupt-row', `area or status unreadable in question ${row.id}`);
  }
  const q: Question = {
    id: row.id,
    area: row.area,
    status: row.status,
    asker: { userId: row.asker_user_id ?? '' },
    locale: row.locale === 'en' ? 'en' : 'sv',
    thread: row.thread === null ? [] : (parse(row.thread, 'thread', row.id) as ThreadEntry[]),
    version: Number(row.version),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
  if (row.asker_aad_object_id !== null) q.asker.aadObjectId = row.asker_aad_object_id;
  if (row.asker_name !== null) q.asker.name = row.asker_name;
  if (row.asker_conversation !== null)
    q.askerConversation = parse(row.asker_conversation, 'conversation', row.id) as ConversationRef;
  if (row.taken_by !== null) q.takenBy = parse(row.taken_by, 'taken_by', row.id) as Question['takenBy'];
  if (row.answered_at !== null) q.answeredAt = iso(row.answered_at);
  if (row.reminded_at !== null) q.remindedAt = iso(row.reminded_at);
  if (row.team_card !== null) q.teamCard = parse(row.team_card, 'team_card', row.id) as Question['teamCard'];
  if (row.purged_at !== null) q.purgedAt = iso(row.purged_at);
  return q;
}

interface OutboxRow {
  id: number;
  channel: string;
  payload: string;
  question_id: string | null;
  attempts: number;
  created_at: Time;
  lease_until: Time | null;
}

function outboxFromRow(row: OutboxRow): OutboxMessage {
  if (!(OUTBOX_CHANNELS as readonly string[]).includes(row.channel))
    throw new QuestionRepositoryError('corrupt-row', `channel unreadable in outbox row ${row.id}`);
  return {
    id: Number(row.id),
    channel: row.channel as OutboxChannel,
    payload: parse(row.payload, 'payload', String(row.id)) as Record<string, unknown>,
    reference: row.question_id ?? '',
    attempts: Number(row.attempts),
    createdAt: iso(row.created_at),
    leaseUntil: row.lease_until === null ? '' : iso(row.lease_until),
  };
}

interface DraftRow {
  id: number;
  question_id: string;
  area: string;
  question: string;
  answer: string;
  created_at: Time;
  written_at: Time | null;
}

function draftFromRow(row: DraftRow): KnowledgeDraft {
  const draft: KnowledgeDraft = {
    id: Number(row.id),
    questionId: row.question_id,
    area: isQuestionArea(row.area) ? row.area : 'ovrigt',
    question: row.question,
    answer: row.answer,
    createdAt: iso(row.created_at),
  };
  if (row.written_at !== null) draft.writtenAt = iso(row.written_at);
  return draft;
}

class LostIdempotencyRace extends Error {}

/**
 * The question store over either database (see sql.ts): one copy of every statement, so the two
 * cannot drift; test/contracts/questionRepository.test.ts runs against both.
 */
export class SqlQuestionRepository implements QuestionRepository {
  private readonly clock: () => Date;

  constructor(
    private readonly db: SqlDb,
    options: QuestionRepositoryOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
  }

  async create(
    input: NewQuestion,
    outbox: QuestionOutboxInput[],
  ): Promise<{ question: Question; created: boolean }> {
    const now = this.clock();
    const nowIso = now.toISOString();
    try {
      return await this.db.transaction(async (tx) => {
        const existing = await this.one(tx, 'idempotency_key = $1', [input.idempotencyKey]);
        if (existing) return { question: this.forAsker(existing, input), created: false };
        const seq = await tx.query<{ last_value: number }>(
          `INSERT INTO question_sequences (year, last_value) VALUES ($1, 1)
           ON CONFLICT (year) DO UPDATE SET last_value = question_sequences.last_value + 1 RETURNING last_value`,
          [now.getUTCFullYear()],
        );
        const id = formatQuestionId(now.getUTCFullYear(), Number(seq.rows[0]?.last_value));
        const thread: ThreadEntry[] = [{ author: 'asker', text: input.text, at: nowIso }];
        const inserted = await tx.query<QuestionRow>(
          `INSERT INTO questions (id, idempotency_key, area, status, asker_user_id, asker_aad_object_id, asker_name,
             asker_conversation, locale, thread, version, created_at, updated_at)
           VALUES ($1, $2, $3, 'open', $4, $5, $6, $7, $8, $9, 1, $10, $10)
           ON CONFLICT (idempotency_key) DO NOTHING RETURNING ${COLUMNS}`,
          [
            id,
            input.idempotencyKey,
            input.area,
            input.asker.userId,
            input.asker.aadObjectId ?? null,
            input.asker.name ?? null,
            input.askerConversation === undefined ? null : JSON.stringify(input.askerConversation),
            input.locale,
            JSON.stringify(thread),
            nowIso,
          ],
        );
        const row = inserted.rows[0];
        if (!row) throw new LostIdempotencyRace();
        await this.queue(tx, id, outbox, nowIso);
        return { question: fromRow(row), created: true };
      });
    } catch (error) {
      if (!(error instanceof LostIdempotencyRace)) throw error;
      const winner = await this.one(this.db, 'idempotency_key = $1', [input.idempotencyKey]);
      if (!winner) throw error;
      return { question: this.forAsker(winner, input), created: false };
    }
  }

  async get(id: string): Promise<Question | undefined> {
    const row = await this.one(this.db, 'id = $1', [id]);
    return row ? fromRow(row) : undefined;
  }

  async listByAsker(userId: string, limit?: number): Promise<Question[]> {
    if (userId.trim() === '') return [];
    const result = await this.db.query<QuestionRow>(
      `SELECT ${COLUMNS} FROM questions WHERE asker_user_id = $1 ORDER BY created_at DESC, seq DESC LIMIT $2`,
      [userId, clampLimit(limit)],
    );
    return result.rows.map(fromRow);
  }

  async listUnanswered(limit?: number): Promise<Question[]> {
    const result = await this.db.query<QuestionRow>(
      `SELECT ${COLUMNS} FROM questions WHERE status IN ('open', 'taken') ORDER BY created_at, seq LIMIT $1`,
      [clampLimit(limit)],
    );
    return result.rows.map(fromRow);
  }

  async listAll(options: { status?: QuestionStatus; limit?: number } = {}): Promise<Question[]> {
    const result = await this.db.query<QuestionRow>(
      `SELECT ${COLUMNS} FROM questions WHERE (CAST($1 AS TEXT) IS NULL OR status = CAST($1 AS TEXT)) ORDER BY created_at DESC, seq DESC LIMIT $2`,
      [options.status ?? null, clampLimit(options.limit)],
    );
    return result.rows.map(fromRow);
  }

  async update(
    id: string,
    expectedVersion: number,
    change: QuestionChange,
    outbox: QuestionOutboxInput[],
  ): Promise<Question | 'conflict' | undefined> {
    const nowIso = this.clock().toISOString();
    return this.db.transaction(async (tx) => {
      const row = await this.one(tx, 'id = $1', [id]);
      if (!row) return undefined;
      const current = fromRow(row);
      if (current.version !== expectedVersion) return 'conflict';
      const thread = change.append ? [...current.thread, change.append] : current.thread;
      const takenBy =
        change.takenBy === undefined
          ? (current.takenBy ?? null)
          : change.takenBy === null
            ? null
            : change.takenBy;
      const updated = await tx.query<QuestionRow>(
        `UPDATE questions SET status = $1, area = $2, thread = $3, taken_by = $4, answered_at = $5,
           reminded_at = $6, version = version + 1, updated_at = $7
         WHERE id = $8 AND version = $9 RETURNING ${COLUMNS}`,
        [
          change.status,
          change.area ?? current.area,
          current.purgedAt ? null : JSON.stringify(thread),
          takenBy === null ? null : JSON.stringify(takenBy),
          change.answeredAt ?? current.answeredAt ?? null,
          change.clearReminder ? null : (current.remindedAt ?? null),
          nowIso,
          id,
          expectedVersion,
        ],
      );
      const next = updated.rows[0];
      if (!next) return 'conflict';
      await this.queue(tx, id, outbox, nowIso);
      return fromRow(next);
    });
  }

  async setTeamCard(id: string, card: { conversationId: string; activityId: string }): Promise<void> {
    await this.db.query('UPDATE questions SET team_card = $1 WHERE id = $2', [JSON.stringify(card), id]);
  }

  async markReminded(id: string, at: Date, outbox: QuestionOutboxInput[]): Promise<boolean> {
    const atIso = at.toISOString();
    return this.db.transaction(async (tx) => {
      const stamped = await tx.query(
        `UPDATE questions SET reminded_at = $1 WHERE id = $2 AND reminded_at IS NULL AND status IN ('open', 'taken')`,
        [atIso, id],
      );
      if (stamped.changes === 0) return false;
      await this.queue(tx, id, outbox, atIso);
      return true;
    });
  }

  async enqueue(outbox: QuestionOutboxInput[], questionId?: string): Promise<void> {
    const nowIso = this.clock().toISOString();
    await this.db.transaction((tx) => this.queue(tx, questionId ?? null, outbox, nowIso));
  }

  async claimJob(job: string, slot: string): Promise<boolean> {
    const result = await this.db.query(
      `INSERT INTO question_jobs (job, slot, claimed_at) VALUES ($1, $2, $3)
       ON CONFLICT (job) DO UPDATE SET slot = excluded.slot, claimed_at = excluded.claimed_at
       WHERE question_jobs.slot <> excluded.slot`,
      [job, slot, this.clock().toISOString()],
    );
    return result.changes === 1;
  }

  async saveRoute(area: QuestionAreaId, conversation: ConversationRef, byUserId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO question_routes (area, conversation, registered_by, registered_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (area) DO UPDATE SET conversation = excluded.conversation,
         registered_by = excluded.registered_by, registered_at = excluded.registered_at`,
      [area, JSON.stringify(conversation), byUserId, this.clock().toISOString()],
    );
  }

  async routes(): Promise<Partial<Record<QuestionAreaId, ConversationRef>>> {
    const result = await this.db.query<{ area: string; conversation: string }>(
      'SELECT area, conversation FROM question_routes ORDER BY area',
    );
    const routes: Partial<Record<QuestionAreaId, ConversationRef>> = {};
    for (const row of result.rows) {
      if (isQuestionArea(row.area))
        routes[row.area] = parse(row.conversation, 'route', row.area) as ConversationRef;
    }
    return routes;
  }

  async addDraft(
    draft: Omit<KnowledgeDraft, 'id' | 'writtenAt'>,
  ): Promise<{ draft: KnowledgeDraft; created: boolean }> {
    return this.db.transaction(async (tx) => {
      const inserted = await tx.query<DraftRow>(
        `INSERT INTO knowledge_drafts (question_id, area, question, answer, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (question_id) DO NOTHING RETURNING *`,
        [draft.questionId, draft.area, draft.question, draft.answer, draft.createdAt],
      );
      if (inserted.rows[0]) return { draft: draftFromRow(inserted.rows[0]), created: true };
      const existing = await tx.query<DraftRow>('SELECT * FROM knowledge_drafts WHERE question_id = $1', [
        draft.questionId,
      ]);
      return { draft: draftFromRow(existing.rows[0] as DraftRow), created: false };
    });
  }

  async listDrafts(options: { all?: boolean } = {}): Promise<KnowledgeDraft[]> {
    const result = await this.db.query<DraftRow>(
      `SELECT * FROM knowledge_drafts ${options.all ? '' : 'WHERE written_at IS NULL'} ORDER BY id`,
    );
    return result.rows.map(draftFromRow);
  }

  async markDraftsWritten(ids: number[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.db.query(
      `UPDATE knowledge_drafts SET written_at = $1 WHERE CAST(id AS TEXT) IN ${this.db.dialect.inList('$2')}`,
      [at.toISOString(), JSON.stringify(ids.map(String))],
    );
  }

  async purgeContentsOlderThan(cutoff: Date): Promise<number> {
    const cutoffIso = cutoff.toISOString();
    const nowIso = this.clock().toISOString();
    return this.db.transaction(async (tx) => {
      await tx.query(
        `DELETE FROM knowledge_drafts WHERE question_id IN (SELECT id FROM questions WHERE created_at < $1)`,
        [cutoffIso],
      );
      const purged = await tx.query(
        `UPDATE questions SET thread = NULL, asker_user_id = NULL, asker_aad_object_id = NULL, asker_name = NULL,
           asker_conversation = NULL, taken_by = NULL, purged_at = $1
         WHERE created_at < $2 AND purged_at IS NULL`,
        [nowIso, cutoffIso],
      );
      await tx.query(`DELETE FROM question_outbox WHERE state = 'delivered' AND created_at < $1`, [
        cutoffIso,
      ]);
      return purged.changes;
    });
  }

  async counts(): Promise<
    Array<{ area: QuestionAreaId; status: QuestionStatus; month: string; count: number }>
  > {
    const month = this.db.dialect.month('created_at');
    const result = await this.db.query<{ area: string; status: string; month: string; count: number }>(
      `SELECT area, status, ${month} AS month, count(*) AS count FROM questions
       GROUP BY area, status, ${month} ORDER BY month, area, status`,
    );
    return result.rows
      .filter((r) => isQuestionArea(r.area) && isQuestionStatus(r.status))
      .map((r) => ({
        area: r.area as QuestionAreaId,
        status: r.status as QuestionStatus,
        month: r.month,
        count: Number(r.count),
      }));
  }

  async claimDueOutbox(
    now: Date,
    limit: number,
    leaseMs: number,
    channels?: readonly OutboxChannel[],
  ): Promise<OutboxMessage[]> {
    if (channels?.length === 0 || limit < 1) return [];
    const nowIso = now.toISOString();
    const wanted = JSON.stringify(channels ?? OUTBOX_CHANNELS);
    return this.db.transaction(async (tx) => {
      const due = await tx.query<{ id: number }>(
        `SELECT id FROM question_outbox
         WHERE state = 'pending' AND next_attempt_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)
           AND channel IN ${tx.dialect.inList('$2')}
         ORDER BY id LIMIT $3 ${tx.dialect.skipLocked}`,
        [nowIso, wanted, Math.floor(limit)],
      );
      if (due.rows.length === 0) return [];
      const leased = await tx.query<OutboxRow>(
        `UPDATE question_outbox SET lease_until = $1, attempts = attempts + 1
         WHERE CAST(id AS TEXT) IN ${tx.dialect.inList('$2')}
         RETURNING id, channel, payload, question_id, attempts, created_at, lease_until`,
        [new Date(now.getTime() + leaseMs).toISOString(), JSON.stringify(due.rows.map((r) => String(r.id)))],
      );
      return leased.rows.map(outboxFromRow).sort((a, b) => a.id - b.id);
    });
  }

  async markOutboxDelivered(id: number, now: Date): Promise<void> {
    await this.db.query(
      `UPDATE question_outbox SET state = 'delivered', delivered_at = $1, lease_until = NULL, last_error = NULL WHERE id = $2`,
      [now.toISOString(), id],
    );
  }

  async markOutboxFailed(id: number, error: string, nextAttemptAt: Date, _now: Date): Promise<void> {
    await this.db.query(
      `UPDATE question_outbox SET next_attempt_at = $1, lease_until = NULL, last_error = $2 WHERE id = $3 AND state = 'pending'`,
      [nextAttemptAt.toISOString(), clipOutboxError(error), id],
    );
  }

  async markOutboxDead(id: number, error: string, _now: Date): Promise<void> {
    await this.db.query(
      `UPDATE question_outbox SET state = 'dead', lease_until = NULL, last_error = $1 WHERE id = $2 AND state = 'pending'`,
      [clipOutboxError(error), id],
    );
  }

  async retryOutboxNow(channel: OutboxChannel, now: Date): Promise<number> {
    const result = await this.db.query(
      `UPDATE question_outbox SET state = 'pending', attempts = 0, next_attempt_at = $1, lease_until = NULL
       WHERE channel = $2 AND state IN ('pending', 'dead')`,
      [now.toISOString(), channel],
    );
    return result.changes;
  }

  async pendingOutboxCount(): Promise<number> {
    return this.countOutbox('pending');
  }

  async deadOutboxCount(): Promise<number> {
    return this.countOutbox('dead');
  }

  close(): Promise<void> {
    return this.db.close();
  }

  private async countOutbox(state: 'pending' | 'dead'): Promise<number> {
    const result = await this.db.query<{ n: number }>(
      'SELECT count(*) AS n FROM question_outbox WHERE state = $1',
      [state],
    );
    return Number(result.rows[0]?.n ?? 0);
  }

  private async one(db: SqlDb, where: string, params: unknown[]): Promise<QuestionRow | undefined> {
    const result = await db.query<QuestionRow>(`SELECT ${COLUMNS} FROM questions WHERE ${where}`, params);
    return result.rows[0];
  }

  private forAsker(row: QuestionRow, input: NewQuestion): Question {
    if (row.asker_user_id !== input.asker.userId) {
      throw new QuestionRepositoryError('idempotency-key-reused', `idempotency key of ${row.id} reused`);
    }
    return fromRow(row);
  }

  private async queue(
    tx: SqlDb,
    questionId: string | null,
    outbox: readonly QuestionOutboxInput[],
    nowIso: string,
  ): Promise<void> {
    for (const message of outbox) {
      await tx.query(
        `INSERT INTO question_outbox (question_id, channel, payload, next_attempt_at, created_at) VALUES ($1, $2, $3, $4, $4)`,
        [questionId, message.channel, JSON.stringify(message.payload), nowIso],
      );
    }
  }
}

/** The embedded default: DATA_DIR/questions.sqlite. */
export function openSqliteQuestionRepository(
  file: string,
  options: QuestionRepositoryOptions = {},
): SqlQuestionRepository {
  const migrations = loadMigrations(options.migrationsDir ?? questionMigrationsDir('sqlite'));
  return new SqlQuestionRepository(openSqliteDb(file, migrations, MIGRATIONS_TABLE), options);
}

/** PostgreSQL (STORAGE=postgres): migrates before the first request. */
export async function openPostgresQuestionRepository(
  source: PgPoolSource,
  options: QuestionRepositoryOptions = {},
): Promise<SqlQuestionRepository> {
  const migrations = loadMigrations(options.migrationsDir ?? questionMigrationsDir('postgres'));
  return new SqlQuestionRepository(await openPostgresDb(source, migrations, MIGRATIONS_TABLE), options);
}
