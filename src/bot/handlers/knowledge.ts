import type { VerbData } from '../../cards/verbs';
import { strings } from '../../i18n/strings';
import { fold } from '../../search/normalize';
import { MAX_QUERY_CHARS } from '../../search/service';
import type { Topic } from '../../knowledge/schema';
import {
  answerView,
  dangerNowView,
  didYouMeanView,
  fallbackView,
  helpView,
} from '../../views/knowledgeViews';
import { messageView } from '../../views/common';
import type { BotDeps } from '../deps';
import type { Turn } from '../../turn';

/**
 * A message in the first person about something that happened ("jag har blivit hotad", "han slog
 * mig", "vi fick ett hotbrev") gets an offer to report it: an offer, never a hijack.
 */
const INCIDENT_TOLD =
  /\b(jag|mig|oss|vi|min kollega|kollegan)\b.*\b(hotad\w*|hotade|hotat|hotas|slog|slagen|knuffa\w*|sparka\w*|spotta\w*|trakassera\w*|misshand\w*|angrep\w*|hotbrev|mordhot|knivhot|erbj[oö]d|mut\w*)\b/;

function topicsOf(deps: BotDeps, ids: string[]): Topic[] {
  return ids.map((id) => deps.search.topic(id)).filter((t): t is Topic => t !== undefined);
}

/**
 * Danger now: the 112 card goes first, before a draft's resume offer, the roles router or the
 * search, whatever they make of the words (a "vet inte" or "Menade du…?" included).
 */
export function dangerFirst(deps: BotDeps, turn: Turn, text: string): void {
  if (deps.search.dangerNow(text.slice(0, MAX_QUERY_CHARS))) turn.card(dangerNowView(turn.view));
}

/** Sends the answer card of one topic. */
export function sendTopic(
  deps: BotDeps,
  turn: Turn,
  topic: Topic,
  alternatives: string[] = [],
  question?: string,
): void {
  const view = answerView(topic, topicsOf(deps, topic.related), turn.view, {
    alternatives: topicsOf(deps, alternatives),
    question,
  });
  // An English asker, Swedish-only guidance: the English summary first, in a message of its own.
  if (turn.locale === 'en' && view.locale !== 'en') turn.text(strings('en').swedishOnly(topic.summaryEn));
  turn.card(view);
}

/**
 * Answers a free-text question: a roles answer and/or a knowledge answer (both when both fit),
 * "Menade du…?" when it is close, and an honest fallback otherwise. Gaps are recorded without
 * user identity.
 */
export function answerQuestion(deps: BotDeps, turn: Turn, rawText: string): void {
  // The search reads only the beginning of a very long message; the roles router and gaps do too.
  const text = rawText.slice(0, MAX_QUERY_CHARS);
  // Logged only: the 112 card itself went first (dangerFirst, called before any other reply).
  const danger = deps.search.dangerNow(text);
  const rolesAnswer = deps.roles.answer(text, turn.view, turn.user.organisationId);
  const { decision } = deps.search.ask(text);

  if (rolesAnswer) {
    turn.card(rolesAnswer.view);
    // Both fit: a roles question that also names a procedure gets the procedure too. Not the manager's
    // checklist: it is the whole answer in one card, with the procedure behind "Visa mer".
    const oneCard = rolesAnswer.view.template === 'roles-checklist';
    if (!oneCard && decision.kind === 'answer' && rolesAnswer.relatedTopics.includes(decision.topicId)) {
      const topic = deps.search.topic(decision.topicId);
      if (topic) sendTopic(deps, turn, topic, [], text);
    }
    deps.logger.info(
      { event: 'question', outcome: 'roles', match: rolesAnswer.matchId, kb: decision.kind, danger },
      'answered',
    );
    deps.metrics.answer(danger ? 'danger' : 'roles', decision.confidence);
    return;
  }

  switch (decision.kind) {
    case 'answer': {
      const topic = deps.search.topic(decision.topicId);
      if (topic) sendTopic(deps, turn, topic, decision.alternatives, text);
      if (topic && !topic.report && INCIDENT_TOLD.test(fold(text))) offerReport(turn);
      // Danger now (the 112 card went first) is counted apart: those are the answers that matter most.
      deps.metrics.answer(danger || topic?.urgent ? 'danger' : 'answer', decision.confidence);
      deps.logger.info(
        {
          event: 'question',
          outcome: 'answer',
          topicId: decision.topicId,
          confidence: decision.confidence,
          danger,
        },
        'answered',
      );
      break;
    }
    case 'clarify':
      turn.card(didYouMeanView(topicsOf(deps, decision.options), turn.view));
      deps.insights.recordGap(text, 'clarify', decision.confidence);
      deps.metrics.gap('clarify');
      deps.metrics.answer(danger ? 'danger' : 'clarify', decision.confidence);
      deps.logger.info(
        {
          event: 'question',
          outcome: 'clarify',
          options: decision.options,
          confidence: decision.confidence,
          danger,
        },
        'clarify',
      );
      break;
    case 'fallback': {
      const category = deps.search.outOfScopeCategory(decision.outOfScope);
      turn.card(fallbackView(turn.view, category?.redirect));
      // Recognised out-of-scope questions are not knowledge gaps; unrecognised ones are.
      if (!category) {
        deps.insights.recordGap(text, 'fallback', decision.confidence);
        deps.metrics.gap('fallback');
      }
      deps.metrics.answer(danger ? 'danger' : 'fallback', decision.confidence);
      deps.logger.info(
        {
          event: 'question',
          outcome: 'fallback',
          outOfScope: category?.id,
          confidence: decision.confidence,
          danger,
        },
        'fallback',
      );
      break;
    }
  }
  if (rawText.length > MAX_QUERY_CHARS) turn.text(strings(turn.locale).tooLong);
}

/** "Vill du rapportera det som hänt?" beside an answer that has no report button of its own. */
function offerReport(turn: Turn): void {
  const s = strings(turn.locale);
  turn.card(
    messageView(
      s.offerReportTitle,
      [s.offerReportText],
      [{ title: s.reportThis, data: { verb: 'report.start' } }],
    ),
  );
}

/** kb.open: a topic chosen from a button ("Menade du…?", related topics). */
export function openTopic(deps: BotDeps, turn: Turn, data: VerbData<'kb.open'>): void {
  const topic = deps.search.topic(data.topicId);
  if (!topic) {
    const s = strings(turn.locale);
    turn.card(
      messageView(s.badInputTitle, [s.unknownTopic], [{ title: s.buttonHelp, data: { verb: 'help.show' } }]),
    );
    return;
  }
  sendTopic(deps, turn, topic);
}

/** kb.feedback: 👍/👎 on an answer; counted per topic, nothing about the user. */
export function recordFeedback(deps: BotDeps, turn: Turn, data: VerbData<'kb.feedback'>): void {
  const id = data.topicId;
  if (!deps.search.topic(id)) {
    const s = strings(turn.locale);
    turn.card(messageView(s.badInputTitle, [s.badInputText]));
    return;
  }
  deps.insights.recordFeedback(id, data.helpful === 'yes');
  deps.logger.info({ event: 'feedback', topicId: id, helpful: data.helpful }, 'feedback');
  turn.text(strings(turn.locale).feedbackThanks);
}

/** help.show */
export function showHelp(_deps: BotDeps, turn: Turn): void {
  turn.card(helpView(turn.view));
}
