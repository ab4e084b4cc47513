import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger';
import type { CardView } from '../views/common';
import { messageView } from '../views/common';
import type { QuestionOutboxInput, QuestionRepository } from './repository';
import { QuestionRepositoryError } from './repository';
import {
  areaFromPhrase,
  baseConversationId,
  conversationIdOf,
  isListed,
  resolveRoute,
  type QuestionRoutes,
} from './routes';
import { QUESTION_TEXTS } from './texts';
import {
  FALLBACK_AREA,
  MAX_QUESTION_CHARS,
  QUESTION_ACTIONS,
  QUESTION_AREAS,
  areaFromKnowledgeArea,
  canApply,
  isQuestionArea,
  latestAnswer,
  normalizeQuestionId,
  questionText,
  statusAfter,
  type ConversationRef,
  type Question,
  type QuestionAction,
  type QuestionActor,
  type QuestionAreaId,
  type QuestionChange,
} from './types';
import {
  askView,
  followUpFormView,
  listView,
  personDetailView,
  receiptView,
  teamCardView,
  type Lang,
} from './views';

/** Configuration of the feature (from config.ts). */
export interface QuestionSettings {
  enabled: boolean;
  routes: QuestionRoutes;
  slaHours: number;
  /** 0 keeps texts until deleted by hand. */
  retentionDays: number;
  contentOwnerConversation?: ConversationRef;
  /** May register any area's channel (the security team list). */
  adminAadObjectIds: readonly string[];
}

/** Who is calling and from where: ids the channel vouches for, never card data. */
export interface Caller {
  actor: QuestionActor;
  conversationId: string;
  conversationType: string;
  /** A reference to the conversation the caller is in (to answer in it later, or to register it). */
  conversation: ConversationRef;
  lang: Lang;
}

/** What a use case hands back: cards for the turn, in order. */
export type Reply = CardView | { text: string };

export interface QuestionServiceDeps {
  repository: QuestionRepository;
  settings: QuestionSettings;
  logger: Logger;
  clock?: () => Date;
  /** Called after something was queued, so the outbox worker polls now. */
  onQueued?: () => void;
}

type TeamAction = Extract<QuestionAction, 'take' | 'forward' | 'answer' | 'close' | 'suggest'>;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isInteger(n) ? n : undefined;
};

/**
 * The use cases of "Fråga säkerhetsfunktionen", free of any SDK: ask, list mine, open, take,
 * forward, answer, close, suggest as knowledge, thanks, follow-up, register a channel. Every read and
 * change checks access here: the person who asked, or the team the question is routed to. Anyone
 * else learns nothing, not even that the question exists.
 */
export class QuestionService {
  private readonly clock: () => Date;

  constructor(private readonly deps: QuestionServiceDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  get enabled(): boolean {
    return this.deps.settings.enabled;
  }

  /** The ask card, prefilled with what the person wrote; an answer card's topic area preselects the area. */
  askCard(caller: Caller, data: Record<string, unknown> = {}): Reply[] {
    if (!this.isPersonal(caller)) return [this.personalOnly(caller.lang)];
    const area = isQuestionArea(data.area) ? data.area : areaFromKnowledgeArea(str(data.kbArea));
    return [
      askView(caller.lang, {
        text: str(data.text).slice(0, MAX_QUESTION_CHARS),
        area,
        key: randomUUID(),
        retentionDays: this.deps.settings.retentionDays,
      }),
    ];
  }

  /** question.submit: stored durably (with the team card queued) before the receipt is shown. */
  async submit(caller: Caller, data: Record<string, unknown>): Promise<Reply[]> {
    if (!this.isPersonal(caller)) return [this.personalOnly(caller.lang)];
    const t = QUESTION_TEXTS[caller.lang];
    const text = str(data.text).trim();
    const area = isQuestionArea(data.area) ? data.area : undefined;
    const key = str(data.askKey).trim() || randomUUID();
    const again = (error: string) => [
      askView(caller.lang, {
        text: str(data.text),
        area,
        key,
        retentionDays: this.deps.settings.retentionDays,
        error,
      }),
    ];
    if (text === '') return again(t.empty);
    if (text.length > MAX_QUESTION_CHARS) return again(t.tooLong);
    try {
      const { question, created } = await this.deps.repository.create(
        {
          idempotencyKey: `${caller.actor.userId}:${key}`,
          area: area ?? FALLBACK_AREA,
          asker: caller.actor,
          askerConversation: caller.conversation,
          locale: caller.lang,
          text,
        },
        [{ channel: 'teams', payload: { kind: 'question.card', mode: 'post' } }],
      );
      this.deps.logger.info(
        { event: 'question.created', id: question.id, area: question.area, created },
        'question',
      );
      if (created) this.deps.onQueued?.();
      return [receiptView(caller.lang, question)];
    } catch (error) {
      if (error instanceof QuestionRepositoryError && error.code === 'idempotency-key-reused')
        return [this.notFound(caller, 'question.submit')];
      this.deps.logger.error(
        { event: 'question.save.failed', code: (error as { code?: string }).code },
        'not saved',
      );
      return again(t.saveFailed);
    }
  }

  /** `mina frågor`: the person's own questions only. */
  async listMine(caller: Caller): Promise<Reply[]> {
    if (!this.isPersonal(caller)) return [this.personalOnly(caller.lang)];
    return [listView(caller.lang, await this.deps.repository.listByAsker(caller.actor.userId, 20))];
  }

  /** question.open: the person sees their thread, the routed team the team card. */
  async open(caller: Caller, data: Record<string, unknown>): Promise<Reply[]> {
    const q = await this.find(data);
    if (q && this.isAsker(caller, q) && this.isPersonal(caller)) return [personDetailView(q, caller.lang)];
    if (q && (await this.isTeam(caller, q))) return [teamCardView(q, this.clock())];
    return [this.notFound(caller, 'question.open')];
  }

  /** Take, forward, answer, close, suggest: the routed team only; the card comes back updated. */
  async team(caller: Caller, action: TeamAction, data: Record<string, unknown>): Promise<Reply[]> {
    const q = await this.find(data);
    if (!q || !(await this.isTeam(caller, q))) return [this.notFound(caller, `question.${action}`)];
    const now = this.clock();
    const t = QUESTION_TEXTS.sv;
    const version = num(data.version) ?? q.version;
    if (version !== q.version) return [teamCardView(q, now, { note: t.conflict })];
    if (!canApply(action, q.status)) return [teamCardView(q, now, { note: t.notAllowedNow })];
    const by = { userId: caller.actor.userId, ...(caller.actor.name ? { name: caller.actor.name } : {}) };
    const change: QuestionChange = { status: statusAfter(action, q.status) };
    const outbox: QuestionOutboxInput[] = [];
    let note = '';
    switch (action) {
      case 'take':
        change.takenBy = by;
        break;
      case 'forward': {
        const to = data.forwardArea;
        if (!isQuestionArea(to) || to === q.area) return [teamCardView(q, now, { note: t.sameArea })];
        Object.assign(change, { area: to, takenBy: null, clearReminder: true });
        outbox.push({ channel: 'teams', payload: { kind: 'question.card', mode: 'post' } });
        note = t.forwarded(QUESTION_AREAS[to].sv);
        break;
      }
      case 'answer': {
        const answer = str(data.answer).trim();
        if (answer === '') return [teamCardView(q, now, { note: t.answerEmpty })];
        if (answer.length > MAX_QUESTION_CHARS) return [teamCardView(q, now, { note: t.answerTooLong })];
        change.append = {
          author: 'team',
          text: answer,
          at: now.toISOString(),
          byUserId: by.userId,
          ...(by.name ? { byName: by.name } : {}),
        };
        change.answeredAt = now.toISOString();
        outbox.push({ channel: 'reporter', payload: { kind: 'question.answer' } });
        break;
      }
      case 'close':
        outbox.push({ channel: 'reporter', payload: { kind: 'question.closed' } });
        break;
      case 'suggest': {
        const question = questionText(q);
        const answer = latestAnswer(q)?.text;
        if (!question || !answer) return [teamCardView(q, now, { note: t.notAllowedNow })];
        const { created } = await this.deps.repository.addDraft({
          questionId: q.id,
          area: q.area,
          question,
          answer,
          createdAt: now.toISOString(),
        });
        this.deps.logger.info({ event: 'question.suggested', id: q.id, created }, 'knowledge draft');
        return [teamCardView(q, now, { note: t.suggested })];
      }
    }
    const updated = await this.deps.repository.update(q.id, q.version, change, outbox);
    if (updated === undefined) return [this.notFound(caller, `question.${action}`)];
    if (updated === 'conflict') {
      const current = await this.deps.repository.get(q.id);
      return current ? [teamCardView(current, now, { note: t.conflict })] : [this.notFound(caller, action)];
    }
    this.deps.logger.info(
      { event: `question.${action}`, id: q.id, status: updated.status },
      'question changed',
    );
    if (outbox.length > 0) this.deps.onQueued?.();
    return [teamCardView(updated, now, { note, actionable: action !== 'forward' })];
  }

  /** "Tack, det hjälpte": the person only; the team card shows it. */
  async thanks(caller: Caller, data: Record<string, unknown>): Promise<Reply[]> {
    const q = await this.find(data);
    if (!q || !this.isAsker(caller, q) || !this.isPersonal(caller))
      return [this.notFound(caller, 'question.thanks')];
    if (canApply('thanks', q.status)) {
      const updated = await this.deps.repository.update(q.id, q.version, { status: 'resolved' }, [
        { channel: 'teams', payload: { kind: 'question.card', mode: 'update' } },
      ]);
      if (updated && updated !== 'conflict') this.deps.onQueued?.();
    }
    return [{ text: QUESTION_TEXTS[caller.lang].thanksReply }];
  }

  /** "Jag har en följdfråga": the form to write it. */
  async followUpForm(caller: Caller, data: Record<string, unknown>): Promise<Reply[]> {
    const q = await this.find(data);
    if (!q || !this.isAsker(caller, q) || !this.isPersonal(caller))
      return [this.notFound(caller, 'question.followUp')];
    if (!canApply('followUp', q.status)) return [personDetailView(q, caller.lang)];
    return [followUpFormView(caller.lang, q)];
  }

  /** question.followUp: reopens the thread with the same team, which gets a fresh card. */
  async followUp(caller: Caller, data: Record<string, unknown>): Promise<Reply[]> {
    const q = await this.find(data);
    if (!q || !this.isAsker(caller, q) || !this.isPersonal(caller))
      return [this.notFound(caller, 'question.followUp')];
    const t = QUESTION_TEXTS[caller.lang];
    const text = str(data.text).trim();
    if (!canApply('followUp', q.status)) return [personDetailView(q, caller.lang)];
    if (text === '') return [followUpFormView(caller.lang, q, t.empty)];
    if (text.length > MAX_QUESTION_CHARS) return [followUpFormView(caller.lang, q, t.tooLong)];
    const now = this.clock();
    const updated = await this.deps.repository.update(
      q.id,
      q.version,
      {
        status: statusAfter('followUp', q.status),
        append: { author: 'asker', text, at: now.toISOString() },
        clearReminder: true,
      },
      [{ channel: 'teams', payload: { kind: 'question.card', mode: 'post' } }],
    );
    // A double click finds the thread already reopened: the first follow-up stands.
    if (updated === undefined) return [this.notFound(caller, 'question.followUp')];
    if (updated !== 'conflict') this.deps.onQueued?.();
    this.deps.logger.info({ event: 'question.followUp', id: q.id }, 'follow-up');
    return [{ text: t.followUpSent(q.id) }];
  }

  /**
   * `registrera frågekanal <område>`: a member of that area's team (or of the security team) makes
   * this conversation, any channel or chat, the area's target; waiting cards go out at once.
   */
  async register(caller: Caller, phrase: string): Promise<Reply[]> {
    const t = QUESTION_TEXTS[caller.lang];
    const area = areaFromPhrase(phrase);
    if (!area) return [{ text: t.registerUsage }];
    const members = this.deps.settings.routes[area]?.members ?? [];
    if (!isListed(caller.actor, [...members, ...this.deps.settings.adminAadObjectIds])) {
      this.deps.logger.warn({ event: 'access.denied', verb: 'question.register' }, 'not allowed');
      return [{ text: t.registerNotAllowed }];
    }
    await this.deps.repository.saveRoute(area, caller.conversation, caller.actor.userId);
    const waiting = await this.deps.repository.retryOutboxNow('teams', this.clock());
    this.deps.onQueued?.();
    this.deps.logger.info(
      { event: 'question.route.registered', area, waiting },
      'question channel registered',
    );
    return [{ text: t.registered(QUESTION_AREAS[area][caller.lang]) }];
  }

  /** Where the team card of `area` goes now, and which area's team owns it. */
  async route(area: QuestionAreaId): Promise<{ owner: QuestionAreaId; conversation?: ConversationRef }> {
    return resolveRoute(area, this.deps.settings.routes, await this.deps.repository.routes());
  }

  /** The person who asked (same channel user id); nobody after retention. */
  private isAsker(caller: Caller, q: Question): boolean {
    const id = caller.actor.userId.trim();
    return id !== '' && id === q.asker.userId;
  }

  /** The routed team: acting from the team's conversation, or listed as a member of the owning area. */
  private async isTeam(caller: Caller, q: Question): Promise<boolean> {
    const route = await this.route(q.area);
    const target = conversationIdOf(route.conversation);
    if (target !== undefined && target === baseConversationId(caller.conversationId)) return true;
    return isListed(caller.actor, this.deps.settings.routes[route.owner]?.members ?? []);
  }

  private async find(data: Record<string, unknown>): Promise<Question | undefined> {
    const id = normalizeQuestionId(str(data.id));
    return id ? this.deps.repository.get(id) : undefined;
  }

  private isPersonal(caller: Caller): boolean {
    return caller.conversationType !== 'channel' && caller.conversationType !== 'groupChat';
  }

  private personalOnly(lang: Lang): CardView {
    const t = QUESTION_TEXTS[lang];
    return messageView(t.personalOnlyTitle, [t.personalOnly]);
  }

  private notFound(caller: Caller, verb: string): CardView {
    this.deps.logger.warn({ event: 'access.notfound', verb }, 'question not found or not allowed');
    const t = QUESTION_TEXTS[caller.lang];
    return messageView(t.notFoundTitle, [t.notFound]);
  }
}

/** Which actions the team card may carry, derived from the one table (for the card-verb test). */
export const TEAM_ACTIONS = (Object.keys(QUESTION_ACTIONS) as QuestionAction[]).filter(
  (a) => QUESTION_ACTIONS[a].by === 'team',
);
