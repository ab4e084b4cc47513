import type { AdaptiveCardJson } from '../cards/renderCard';
import { renderCard } from '../cards/renderCard';
import { PermanentOutboxError, type OutboxSender } from '../report/delivery/outbox';
import type { OutboxMessage } from '../report/store/repository';
import type { CardView } from '../views/common';
import type { QuestionRepository } from './repository';
import type { QuestionService, QuestionSettings } from './service';
import { conversationIdOf } from './routes';
import type { ConversationRef, Question } from './types';
import {
  closedView,
  digestView,
  personAnswerView,
  reminderView,
  teamCardView,
  weeklyDigestView,
} from './views';

/**
 * Turns queued question messages into cards and hands them to a Messenger (the bot layer's
 * proactive sends). A throw means "try again later" (the outbox worker backs off and retries until
 * delivered); PermanentOutboxError means retrying cannot help.
 */

/** Proactive sending, implemented by the bot layer (the only part that knows the SDK). */
export interface Messenger {
  /** Posts a card; resolves with the new activity's id when the channel gives one. */
  post(target: ConversationRef, card: AdaptiveCardJson): Promise<string | undefined>;
  /** Replaces a posted card in place. */
  update(target: ConversationRef, activityId: string, card: AdaptiveCardJson): Promise<void>;
}

/** What the weekly content digest reads besides the question store (the insights store). */
export interface ContentInsights {
  listGaps(limit?: number): Array<{ question: string; count: number }>;
  feedbackCounts(): Array<{ topicId: string; helpful: number; notHelpful: number }>;
}

export interface QuestionDeliveryDeps {
  repository: QuestionRepository;
  service: QuestionService;
  settings: QuestionSettings;
  messenger: Messenger;
  insights: ContentInsights;
  clock?: () => Date;
}

const render = (view: CardView) => renderCard(view.template, view.data);

function noRoute(): Error {
  return Object.assign(new Error('no question route'), { code: 'no-question-route' });
}

/** The outbox senders for questions: 'teams' (team channels, content owners) and 'reporter' (the person). */
export function questionSenders(deps: QuestionDeliveryDeps): { teams: OutboxSender; reporter: OutboxSender } {
  const clock = deps.clock ?? (() => new Date());

  async function load(message: OutboxMessage) {
    const q = await deps.repository.get(message.reference);
    if (!q) throw new PermanentOutboxError('question-missing');
    return q;
  }

  const teams: OutboxSender = async (message) => {
    const kind = message.payload.kind;
    if (kind === 'content.weekly') {
      const target = deps.settings.contentOwnerConversation;
      if (!target) throw new PermanentOutboxError('no-content-owner-conversation');
      const thumbsDown = deps.insights
        .feedbackCounts()
        .filter((f) => f.notHelpful > 0)
        .sort((a, b) => b.notHelpful - a.notHelpful)
        .slice(0, 10);
      const drafts = await deps.repository.listDrafts();
      const gaps = deps.insights.listGaps(10);
      await deps.messenger.post(
        target,
        render(weeklyDigestView({ gaps, thumbsDown, draftsWaiting: drafts.length })),
      );
      return;
    }
    if (kind === 'question.digest') {
      const area = message.payload.area;
      const ids = Array.isArray(message.payload.ids)
        ? message.payload.ids.filter((i) => typeof i === 'string')
        : [];
      const questions = (await Promise.all(ids.map((id) => deps.repository.get(id)))).filter(
        (q): q is Question => q !== undefined && (q.status === 'open' || q.status === 'taken'),
      );
      if (questions.length === 0 || typeof area !== 'string') return;
      const route = await deps.service.route(questions[0]!.area);
      if (!route.conversation) throw noRoute();
      await deps.messenger.post(route.conversation, render(digestView(questions, clock())));
      return;
    }
    const q = await load(message);
    const route = await deps.service.route(q.area);
    if (!route.conversation) throw noRoute();
    if (kind === 'question.reminder') {
      if (q.status !== 'open' && q.status !== 'taken') return; // answered meanwhile: nothing to remind
      await deps.messenger.post(route.conversation, render(reminderView(q, deps.settings.slaHours)));
      return;
    }
    if (kind !== 'question.card') throw new PermanentOutboxError('unknown-kind');
    const card = render(teamCardView(q, clock()));
    const targetId = conversationIdOf(route.conversation);
    if (message.payload.mode === 'update' && q.teamCard && q.teamCard.conversationId === targetId) {
      await deps.messenger.update(route.conversation, q.teamCard.activityId, card);
      return;
    }
    const activityId = await deps.messenger.post(route.conversation, card);
    if (activityId && targetId)
      await deps.repository.setTeamCard(q.id, { conversationId: targetId, activityId });
  };

  const reporter: OutboxSender = async (message) => {
    const q = await load(message);
    // Purged or never known: nothing to tell, nothing to retry.
    if (!q.askerConversation) return;
    const kind = message.payload.kind;
    if (kind === 'question.answer')
      await deps.messenger.post(q.askerConversation, render(personAnswerView(q)));
    else if (kind === 'question.closed')
      await deps.messenger.post(q.askerConversation, render(closedView(q)));
    else throw new PermanentOutboxError('unknown-kind');
  };

  return { teams, reporter };
}
