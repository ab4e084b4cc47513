import { ActivityTypes, CardFactory, type Activity, type TurnContext } from 'botbuilder';
import { stampLanguage, toUniversalActions, updatesInPlace } from '../cards/actions';
import { renderCard } from '../cards/renderCard';
import type { Locale } from '../i18n/strings';
import type { ContactResolver } from '../knowledge/contacts';
import type { ReportDraft } from '../report/flow';
import type { Actor } from '../report/types';
import type { CardView, ViewContext } from '../views/common';

/** What is kept per user across conversations (persisted user state). */
export interface UserProfile {
  organisationId?: string;
}

/** What is kept per conversation (persisted conversation state). */
export interface ConversationData {
  reportDraft?: ReportDraft;
  /** The language this conversation last wrote in (for card clicks, which carry no text). */
  locale?: Locale;
  /** The welcome card has been shown here. */
  welcomed?: boolean;
  /** When the "fortsätt eller släng utkastet" offer was last shown (ISO time). */
  resumeOfferedAt?: string;
}

/**
 * One turn as the handlers see it: who is asking, in which language, their state, and a reply
 * list. Replies are collected and sent at the end, so an Action.Execute invoke can answer with the
 * last card in place while a message turn sends them all.
 */
export class Turn {
  readonly replies: Array<Partial<Activity>> = [];

  constructor(
    readonly context: TurnContext,
    readonly locale: Locale,
    readonly actor: Actor,
    readonly user: UserProfile,
    readonly conversation: ConversationData,
    readonly contacts: ContactResolver,
  ) {}

  get view(): ViewContext {
    return { locale: this.locale, contacts: this.contacts };
  }

  /**
   * Queues a card built from a view, in this turn's language: every button carries it, so a click
   * answers in the card's language. A card that is a step in a flow gets Action.Execute buttons, so
   * the next step replaces it in place (Action.Submit stays as the fallback).
   */
  card(view: CardView): void {
    const locale = view.locale ?? this.locale;
    let card = stampLanguage(renderCard(view.template, view.data), locale);
    if (updatesInPlace(view.template)) card = toUniversalActions(card);
    this.replies.push({ type: ActivityTypes.Message, attachments: [CardFactory.adaptiveCard(card)] });
  }

  /** Queues a plain text message. */
  text(text: string): void {
    this.replies.push({ type: ActivityTypes.Message, text });
  }
}
