import type { CardOf } from '../cards/templates';
import type { ButtonView, CardView } from '../views/common';
import { messageView } from '../views/common';
import { QUESTION_TEXTS } from './texts';
import {
  QUESTION_AREAS,
  QUESTION_AREA_IDS,
  QUESTION_STATUSES,
  canApply,
  questionText,
  type Question,
  type QuestionAreaId,
} from './types';

/**
 * View models of "Fråga säkerhetsfunktionen" (bound by renderCard to cards/question-*.json). Team
 * cards are Swedish (a shared channel); what the person sees follows the language they asked in.
 */

export type Lang = 'sv' | 'en';

const areaName = (area: QuestionAreaId, lang: Lang) => QUESTION_AREAS[area][lang];

/** Age in whole hours since `from`, in words. */
function age(from: string, now: Date, lang: Lang): string {
  return QUESTION_TEXTS[lang].hours((now.getTime() - new Date(from).getTime()) / 3_600_000);
}

function threadView(q: Question, lang: Lang): Array<{ heading: string; text: string }> {
  const t = QUESTION_TEXTS[lang];
  let asked = 0;
  return q.thread.map((e) => {
    const heading =
      e.author === 'team' ? t.answerHeading : asked++ === 0 ? t.questionHeading : t.followUpHeading;
    return { heading, text: e.text ?? t.purged };
  });
}

/** The ask card: the question prefilled and editable, an optional area, and what happens to the text. */
export function askView(
  lang: Lang,
  options: { text: string; area?: QuestionAreaId; key: string; retentionDays: number; error?: string },
): CardOf<'question-ask'> {
  const t = QUESTION_TEXTS[lang];
  return {
    template: 'question-ask',
    data: {
      title: t.askTitle,
      intro: t.askIntro,
      error: options.error ?? '',
      questionLabel: t.questionLabel,
      text: options.text,
      areaLabel: t.areaLabel,
      area: options.area ?? '',
      areas: [
        { title: t.areaUnknown, value: '' },
        ...QUESTION_AREA_IDS.map((id) => ({ title: QUESTION_AREAS[id][lang], value: id })),
      ],
      privacy: t.privacy(options.retentionDays),
      send: t.send,
      key: options.key,
    },
  };
}

export function receiptView(lang: Lang, q: Question): CardView {
  const t = QUESTION_TEXTS[lang];
  return messageView(
    t.receiptTitle,
    [t.receipt(q.id, areaName(q.area, lang))],
    [{ title: t.myQuestions, data: { verb: 'question.mine' } }],
  );
}

/** What the team may press in the question's current status (from the one action table). */
function teamButtons(q: Question): ButtonView[] {
  const t = QUESTION_TEXTS.sv;
  const base = { id: q.id, version: q.version };
  const buttons: ButtonView[] = [];
  if (canApply('answer', q.status))
    buttons.push({ title: t.answerButton, data: { verb: 'question.answer', ...base } });
  if (canApply('take', q.status))
    buttons.push({ title: t.takeButton, data: { verb: 'question.take', ...base } });
  if (canApply('forward', q.status))
    buttons.push({ title: t.forwardButton, data: { verb: 'question.forward', ...base } });
  if (canApply('close', q.status))
    buttons.push({ title: t.closeButton, data: { verb: 'question.close', ...base } });
  if (canApply('suggest', q.status) && !q.purgedAt)
    buttons.push({ title: t.suggestButton, data: { verb: 'question.suggest', ...base } });
  return buttons;
}

/**
 * The team card: question, area, age, status, who asked and who handles it, the thread, and the
 * buttons the status allows. `actionable: false` shows it without buttons (forwarded away).
 */
export function teamCardView(
  q: Question,
  now: Date,
  options: { note?: string; actionable?: boolean } = {},
): CardOf<'question-team'> {
  const t = QUESTION_TEXTS.sv;
  const actions = options.actionable === false ? [] : teamButtons(q);
  const facts: Array<{ title: string; value: string }> = [
    { title: t.areaFact, value: areaName(q.area, 'sv') },
    { title: t.ageFact, value: age(q.createdAt, now, 'sv') },
    { title: t.statusFact, value: QUESTION_STATUSES[q.status].sv },
  ];
  if (q.asker.name) facts.push({ title: t.askedByFact, value: q.asker.name });
  if (q.takenBy) facts.push({ title: t.takenByFact, value: q.takenBy.name ?? q.takenBy.userId });
  return {
    template: 'question-team',
    data: {
      title: t.teamTitle(q.id),
      facts,
      thread: threadView(q, 'sv'),
      note: options.note ?? '',
      canAnswer: actions.some((a) => a.data.verb === 'question.answer'),
      answerLabel: t.answerLabel,
      canForward: actions.some((a) => a.data.verb === 'question.forward'),
      forwardLabel: t.forwardLabel,
      forwardAreas: QUESTION_AREA_IDS.filter((a) => a !== q.area).map((a) => ({
        title: QUESTION_AREAS[a].sv,
        value: a,
      })),
      actions: actions.map((a) => ({ title: a.title, verb: a.data.verb, data: a.data })),
    },
  };
}

/** The answer as the person gets it in their chat, with "Tack, det hjälpte" / "Jag har en följdfråga". */
export function personAnswerView(q: Question): CardOf<'question-answer'> {
  const t = QUESTION_TEXTS[q.locale];
  const actions: ButtonView[] = [];
  if (canApply('thanks', q.status))
    actions.push({ title: t.thanksButton, data: { verb: 'question.thanks', id: q.id, version: q.version } });
  if (canApply('followUp', q.status))
    actions.push({ title: t.followUpButton, data: { verb: 'question.followUpForm', id: q.id } });
  return {
    template: 'question-answer',
    data: { title: t.answerTitle(q.id), thread: threadView(q, q.locale), note: '', actions },
  };
}

/** The person's view of one of their questions. */
export function personDetailView(q: Question, lang: Lang): CardView {
  const t = QUESTION_TEXTS[lang];
  const view = personAnswerView({ ...q, locale: lang });
  return {
    template: 'question-answer',
    data: {
      ...view.data,
      title: `${q.id} · ${QUESTION_STATUSES[q.status][lang]}`,
      note: `${t.areaFact}: ${areaName(q.area, lang)}`,
    },
  };
}

export function closedView(q: Question): CardView {
  const t = QUESTION_TEXTS[q.locale];
  return messageView(t.closedTitle(q.id), [t.closedText]);
}

export function followUpFormView(lang: Lang, q: Question, error = ''): CardView {
  const t = QUESTION_TEXTS[lang];
  return {
    template: 'question-followup',
    data: {
      title: t.followUpTitle,
      error,
      label: t.followUpLabel,
      send: t.followUpSend,
      id: q.id,
      version: q.version,
    },
  };
}

/** `mina frågor`. */
export function listView(lang: Lang, questions: Question[]): CardView {
  const t = QUESTION_TEXTS[lang];
  return {
    template: 'question-list',
    data: {
      title: t.myQuestions,
      emptyText: t.noQuestions,
      openLabel: t.open,
      items: questions.map((q) => {
        const text = questionText(q) ?? t.purged;
        return {
          id: q.id,
          status: QUESTION_STATUSES[q.status][lang],
          area: areaName(q.area, lang),
          snippet: text.length > 120 ? `${text.slice(0, 119)}…` : text,
        };
      }),
    },
  };
}

export function reminderView(q: Question, slaHours: number): CardView {
  const t = QUESTION_TEXTS.sv;
  return messageView(t.reminderTitle(q.id), [t.reminderText(slaHours)]);
}

export function digestView(questions: Question[], now: Date): CardView {
  const t = QUESTION_TEXTS.sv;
  return messageView(
    t.digestTitle,
    questions.map((q) => t.digestLine(q.id, age(q.createdAt, now, 'sv'))),
  );
}

/** The weekly summary for content owners: gaps, 👎 topics, drafts waiting. */
export function weeklyDigestView(input: {
  gaps: Array<{ question: string; count: number }>;
  thumbsDown: Array<{ topicId: string; notHelpful: number }>;
  draftsWaiting: number;
}): CardView {
  const t = QUESTION_TEXTS.sv;
  const gaps = input.gaps.map((g) => `${g.count} × ${g.question}`);
  const thumbs = input.thumbsDown.map((f) => `${f.notHelpful} × ${f.topicId}`);
  return messageView(t.weeklyTitle, [
    `**${t.weeklyGaps}**`,
    ...(gaps.length > 0 ? gaps : [t.none]),
    `**${t.weeklyThumbs}**`,
    ...(thumbs.length > 0 ? thumbs : [t.none]),
    t.weeklyDrafts(input.draftsWaiting),
  ]);
}

export function noticeView(lang: Lang, title: keyof typeof QUESTION_TEXTS.sv, text: string): CardView {
  const value = QUESTION_TEXTS[lang][title];
  return messageView(typeof value === 'string' ? value : '', [text]);
}
