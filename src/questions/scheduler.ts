import type { Logger } from '../logger';
import type { QuestionRepository } from './repository';
import type { QuestionSettings } from './service';
import {
  isWorkingTime,
  stockholmDate,
  stockholmIsoWeek,
  stockholmParts,
  workingMsBetween,
} from './workingTime';
import { QUESTION_AREA_IDS, type QuestionAreaId } from './types';

/**
 * Reminders and digests, decided on each tick from the database (so any instance may tick, and a
 * restart loses nothing): an unanswered question older than QUESTION_SLA_HOURS of working time gets
 * one reminder in its team channel; after that it is in a daily digest per area; content owners get
 * a weekly summary. Nothing is queued outside working hours, so nothing is sent at night.
 */

/** Digests go out from this Stockholm hour on (a working morning). */
export const DIGEST_HOUR = 9;

export interface TickResult {
  reminders: number;
  digests: number;
  weekly: boolean;
}

export interface QuestionSchedulerDeps {
  repository: QuestionRepository;
  settings: Pick<QuestionSettings, 'slaHours' | 'contentOwnerConversation' | 'enabled'>;
  logger: Logger;
  onQueued?: () => void;
}

export class QuestionScheduler {
  constructor(private readonly deps: QuestionSchedulerDeps) {}

  async tick(now: Date): Promise<TickResult> {
    const result: TickResult = { reminders: 0, digests: 0, weekly: false };
    if (!this.deps.settings.enabled || !isWorkingTime(now)) return result;
    const { repository } = this.deps;
    const slaMs = this.deps.settings.slaHours * 3_600_000;
    const unanswered = await repository.listUnanswered(1000);
    const today = stockholmDate(now);

    for (const q of unanswered) {
      if (q.remindedAt || workingMsBetween(new Date(q.createdAt), now) < slaMs) continue;
      const queued = await repository.markReminded(q.id, now, [
        { channel: 'teams', payload: { kind: 'question.reminder' } },
      ]);
      if (queued) result.reminders += 1;
    }

    if (stockholmParts(now).hour >= DIGEST_HOUR && (await repository.claimJob('daily-digest', today))) {
      // Reminded on an earlier day and still unanswered: the daily digest carries them.
      const byArea = new Map<QuestionAreaId, string[]>();
      for (const q of unanswered) {
        if (!q.remindedAt || stockholmDate(new Date(q.remindedAt)) >= today) continue;
        byArea.set(q.area, [...(byArea.get(q.area) ?? []), q.id]);
      }
      for (const area of QUESTION_AREA_IDS) {
        const ids = byArea.get(area);
        if (!ids) continue;
        await repository.enqueue([{ channel: 'teams', payload: { kind: 'question.digest', area, ids } }]);
        result.digests += 1;
      }
    }

    if (
      this.deps.settings.contentOwnerConversation &&
      stockholmParts(now).hour >= DIGEST_HOUR &&
      (await repository.claimJob('weekly-content', stockholmIsoWeek(now)))
    ) {
      await repository.enqueue([{ channel: 'teams', payload: { kind: 'content.weekly' } }]);
      result.weekly = true;
    }

    if (result.reminders + result.digests > 0 || result.weekly) {
      this.deps.logger.info({ event: 'questions.scheduled', ...result }, 'reminders and digests queued');
      this.deps.onQueued?.();
    }
    return result;
  }
}

/** Cutoff for QUESTION_RETENTION_DAYS (0 keeps texts). */
export async function purgeExpiredQuestions(
  repository: Pick<QuestionRepository, 'purgeContentsOlderThan'>,
  retentionDays: number,
  now: Date,
): Promise<number> {
  if (retentionDays <= 0) return 0;
  return repository.purgeContentsOlderThan(new Date(now.getTime() - retentionDays * 86_400_000));
}
