import Database from 'better-sqlite3';

/**
 * Feedback counts and knowledge gaps, for content owners. Nothing here identifies a user: gaps keep
 * the question text (cut short) with a count, feedback keeps a topic id and a vote.
 */
export interface InsightsStore {
  recordFeedback(topicId: string, helpful: boolean): void;
  feedbackCounts(): Array<{ topicId: string; helpful: number; notHelpful: number }>;
  /** Records a question the bot could not answer confidently. */
  recordGap(question: string, kind: 'fallback' | 'clarify', confidence: number): void;
  /** Unanswered questions, most frequent first. */
  listGaps(
    limit?: number,
  ): Array<{ question: string; kind: string; count: number; lastSeen: string; confidence: number }>;
  /** Drops gaps not seen for `days` days (they are personal data too). */
  purgeGapsOlderThan(days: number, now?: Date): number;
  close(): void;
}

/** Gap texts are cut to this length: enough to see the wording, not a whole pasted e-mail. */
const MAX_GAP_CHARS = 200;

export class SqliteInsightsStore implements InsightsStore {
  private readonly db: Database.Database;
  private upsertGap: Database.Statement | undefined;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    // Statistics: losing the last few on a power cut is fine; an fsync on every gap is not.
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS feedback (
        topic_id TEXT PRIMARY KEY, helpful INTEGER NOT NULL DEFAULT 0, not_helpful INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE IF NOT EXISTS gaps (
        question TEXT PRIMARY KEY, kind TEXT NOT NULL, count INTEGER NOT NULL,
        confidence REAL NOT NULL, last_seen TEXT NOT NULL);
    `);
  }

  recordFeedback(topicId: string, helpful: boolean): void {
    this.db
      .prepare(
        `INSERT INTO feedback (topic_id, helpful, not_helpful) VALUES (?, ?, ?)
         ON CONFLICT(topic_id) DO UPDATE SET helpful = helpful + excluded.helpful, not_helpful = not_helpful + excluded.not_helpful`,
      )
      .run(topicId, helpful ? 1 : 0, helpful ? 0 : 1);
  }

  feedbackCounts(): Array<{ topicId: string; helpful: number; notHelpful: number }> {
    return this.db
      .prepare(
        'SELECT topic_id AS topicId, helpful, not_helpful AS notHelpful FROM feedback ORDER BY topic_id',
      )
      .all() as Array<{ topicId: string; helpful: number; notHelpful: number }>;
  }

  recordGap(question: string, kind: 'fallback' | 'clarify', confidence: number): void {
    const text = question.replace(/\s+/g, ' ').trim().toLowerCase().slice(0, MAX_GAP_CHARS);
    if (!text) return;
    // Prepared once: a gap is recorded on every unanswered question, inside the turn.
    this.upsertGap ??= this.db.prepare(
      `INSERT INTO gaps (question, kind, count, confidence, last_seen) VALUES (?, ?, 1, ?, ?)
       ON CONFLICT(question) DO UPDATE SET count = count + 1, kind = excluded.kind,
         confidence = excluded.confidence, last_seen = excluded.last_seen`,
    );
    this.upsertGap.run(text, kind, confidence, new Date().toISOString());
  }

  listGaps(
    limit = 100,
  ): Array<{ question: string; kind: string; count: number; lastSeen: string; confidence: number }> {
    return this.db
      .prepare(
        'SELECT question, kind, count, last_seen AS lastSeen, confidence FROM gaps ORDER BY count DESC, last_seen DESC LIMIT ?',
      )
      .all(limit) as Array<{
      question: string;
      kind: string;
      count: number;
      lastSeen: string;
      confidence: number;
    }>;
  }

  purgeGapsOlderThan(days: number, now: Date = new Date()): number {
    const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
    return this.db.prepare('DELETE FROM gaps WHERE last_seen < ?').run(cutoff).changes;
  }

  close(): void {
    this.db.close();
  }
}
