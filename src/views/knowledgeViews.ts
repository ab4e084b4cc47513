import { strings, type Locale } from '../i18n/strings';
import { contactAudience } from '../knowledge/audience';
import type { Topic } from '../knowledge/schema';
import type { CardView, ViewContext } from './common';

/** Related-topic buttons: at most this many (Teams shows a handful of actions well). */
const MAX_RELATED = 4;

function sourceText(topic: Topic): string {
  return topic.sources
    .map((s) => {
      const label = [s.title, s.section].filter(Boolean).join(', ');
      return s.url ? `[${label}](${s.url})` : label;
    })
    .join(' · ');
}

/**
 * The answer card: what to do now (numbered steps, 112 first when danger is possible), then the
 * why, the source and review date, a report button where it fits, related topics and feedback.
 */
export function answerView(
  topic: Topic,
  related: Topic[],
  ctx: ViewContext,
  options: { alternatives?: Topic[]; question?: string } = {},
): CardView {
  // One language per card, by construction: every text and contact below comes from `locale`.
  const locale = answerLocale(topic, ctx.locale);
  const s = strings(locale);
  const english = locale === 'en';
  // An elected official has no manager to ask: FV topics, and anyone who says they are one, get
  // the förtroendevalda fallbacks for unset contacts.
  const contacts = ctx.contacts.inLocale(locale).forAudience(contactAudience(topic, options.question));
  const fill = (t: string) => contacts.fill(t);
  const steps = (english ? (topic.stepsEn ?? []) : topic.steps).map(fill);
  const relatedButtons = [...related, ...(options.alternatives ?? [])]
    .filter((t, i, all) => t.id !== topic.id && all.findIndex((x) => x.id === t.id) === i)
    .slice(0, MAX_RELATED)
    .map((t) => ({ id: t.id, title: t.title[locale] }));
  return {
    template: 'answer',
    locale,
    data: {
      topicId: topic.id,
      urgent: topic.urgent,
      dangerText: s.dangerNow,
      policeText: s.policeNonUrgent,
      title: topic.title[locale],
      summaryEn: english ? topic.summaryEn : '',
      stepsTitle: s.stepsTitle,
      stepsNote: '',
      steps: steps.map((text, i) => ({ n: i + 1, text })),
      // The longer explanation exists in Swedish only: an English card says so and offers it as a
      // Swedish card of its own (the button carries lang 'sv'), rather than mixing it in.
      answerNote: english ? s.answerSwedishOnly : '',
      inSwedishLabel: english ? s.inSwedish : '',
      paragraphs: english
        ? []
        : topic.answer
            .split(/\n\s*\n/)
            .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
            .filter((p) => p.length > 0)
            .map((p) => ({ text: fill(p) })),
      sourceLabel: s.sourceLabel,
      sources: sourceText(topic),
      reviewedLabel: s.reviewedLabel,
      reviewed: topic.reviewed,
      hasReport: topic.report !== undefined,
      reportType: topic.report ?? '',
      reportLabel: s.reportThis,
      relatedTitle: s.relatedTitle,
      related: relatedButtons,
      feedbackQuestion: s.feedbackQuestion,
      feedbackYes: s.feedbackYes,
      feedbackNo: s.feedbackNo,
    },
  };
}

/**
 * The language an answer card is written in: the knowledge is Swedish, so English only for a person
 * writing English and a topic with English steps. Otherwise the whole card is Swedish (the bot
 * layer puts the English summary in a message of its own before it), never half and half.
 */
export function answerLocale(topic: Topic, wanted: Locale): Locale {
  return wanted === 'en' && (topic.stepsEn?.length ?? 0) > 0 ? 'en' : 'sv';
}

/**
 * The 112 card: sent first, before any other reply, when a message describes danger happening
 * now (see search/danger.ts), whatever the search found.
 */
export function dangerNowView(ctx: ViewContext): CardView {
  const s = strings(ctx.locale);
  return {
    template: 'danger-now',
    data: {
      emergencyNumber: '112',
      title: s.dangerNowTitle,
      safetyText: s.dangerNowSafety,
      policeText: s.policeNonUrgent,
    },
  };
}

/** "Menade du…?" with up to three topics as buttons. */
export function didYouMeanView(options: Topic[], ctx: ViewContext): CardView {
  const s = strings(ctx.locale);
  return {
    template: 'did-you-mean',
    data: {
      title: s.didYouMeanTitle,
      text: s.didYouMeanText,
      options: options
        .slice(0, 3)
        .map((t) => ({ id: t.id, title: ctx.locale === 'en' ? t.title.en : t.title.sv })),
    },
  };
}

/**
 * The honest "I don't know", with the security function's contact and 112. When the question is
 * recognisably about something else (pay, IT support…), the redirect says where to ask instead.
 */
export function fallbackView(ctx: ViewContext, redirect?: { sv: string; en: string }): CardView {
  const s = strings(ctx.locale);
  return {
    template: 'fallback',
    data: {
      title: s.fallbackTitle,
      text: redirect ? s.fallbackNotOurs : s.fallbackText,
      scopeText: redirect ? ctx.contacts.fill(redirect[ctx.locale]) : s.fallbackOutOfScope,
      contactLabel: s.fallbackContact,
      contactText: ctx.contacts.resolve('sakerhetsfunktion').text,
      dangerText: s.dangerNow,
      helpLabel: s.buttonHelp,
    },
  };
}

const EXAMPLES = {
  sv: [
    'En förälder hotade mig, vad gör jag?',
    'Vem ansvarar för informationssäkerheten?',
    'Jag har fått ett misstänkt mejl',
    'Vad gör jag som chef när en medarbetare hotats?',
  ],
  en: [
    'A parent threatened me, what do I do?',
    'Who is responsible for information security?',
    'I received a suspicious e-mail',
    'What must I do as a manager when an employee was threatened?',
  ],
};

/** Shown when the bot is installed or someone joins. */
export function welcomeView(ctx: ViewContext): CardView {
  const s = strings(ctx.locale);
  return {
    template: 'welcome',
    data: {
      title: s.welcomeTitle,
      text: s.welcomeText,
      dangerText: s.dangerNow,
      policeText: s.policeNonUrgent,
      examplesTitle: s.helpExamplesTitle,
      examples: EXAMPLES[ctx.locale].map((text) => ({ text })),
      reportLabel: s.buttonReport,
      rolesLabel: s.buttonRoles,
      helpLabel: s.buttonHelp,
    },
  };
}

/** `hjälp`: what the bot can do, with buttons. */
export function helpView(ctx: ViewContext): CardView {
  const s = strings(ctx.locale);
  return {
    template: 'help',
    data: {
      title: s.helpTitle,
      items: s.helpItems.map((text) => ({ text })),
      dangerText: s.dangerNow,
      reportLabel: s.buttonReport,
      rolesLabel: s.buttonRoles,
      myReportsLabel: s.buttonMyReports,
      organisationLabel: s.buttonOrganisation,
    },
  };
}
