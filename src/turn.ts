import { stampLanguage, toUniversalActions, updatesInPlace, withRefresh } from './cards/actions';
import { renderCard, type AdaptiveCardJson } from './cards/renderCard';
import type { CardView } from './cards/templates';
import type { Locale } from './i18n/strings';
import type { ContactResolver } from './knowledge/contacts';
import type { ReportDraft } from './report/flow/flow';
import type { Actor, ConversationRef } from './report/types';
import type { ViewContext } from './views/common';

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
 * Where the turn happens. Reports are personal data, so use cases need to know whether others can
 * read along ('group' chats and 'channel's) and where to reach this conversation later.
 */
export interface Place {
  kind: 'personal' | 'group' | 'channel';
  /** A serialisable reference for proactive messages to this conversation. */
  reference: ConversationRef;
}

/** A user-specific view: Teams asks `verb` with `data` for the card each of `userIds` should see. */
export interface Refresh {
  verb: string;
  data: Record<string, unknown>;
  userIds: readonly string[];
}

/** One reply: a rendered card or a plain text. The transport turns these into activities. */
export type TurnReply = { kind: 'card'; card: AdaptiveCardJson } | { kind: 'text'; text: string };

/**
 * One turn as the use cases and handlers see it: who is asking, in which language, where, their
 * state, and a reply list. SDK-free on purpose: the transport (src/bot/) builds it from an activity
 * and sends the replies, so what the bot does never sees a TurnContext. Replies are collected and
 * sent at the end, so an Action.Execute invoke can answer with the last card in place while a
 * message turn sends them all.
 */
export class Turn {
  readonly replies: TurnReply[] = [];

  constructor(
    readonly locale: Locale,
    readonly actor: Actor,
    readonly user: UserProfile,
    readonly conversation: ConversationData,
    readonly contacts: ContactResolver,
    readonly place: Place,
  ) {}

  get view(): ViewContext {
    return { locale: this.locale, contacts: this.contacts };
  }

  /**
   * Queues a card built from a view, in the card's one language (the view's, else this turn's):
   * every button carries it, so a click answers in the card's language. A card that is a step in a
   * flow gets Action.Execute buttons, so the next step replaces it in place (Action.Submit stays as
   * the fallback).
   */
  card(view: CardView, refresh?: Refresh): void {
    this.replies.push({ kind: 'card', card: this.render(view, refresh) });
  }

  /**
   * The card clicked, as everyone in the conversation should now see it (the clicker gets the
   * turn's last card in place). The transport updates the clicked message with it.
   */
  forEveryone: AdaptiveCardJson | undefined;

  /** Sets the card everyone else sees from now on (see forEveryone). */
  cardForEveryone(view: CardView, refresh?: Refresh): void {
    this.forEveryone = this.render(view, refresh);
  }

  private render(view: CardView, refresh?: Refresh): AdaptiveCardJson {
    let card = stampLanguage(renderCard(view.template, view.data), view.locale ?? this.locale);
    if (updatesInPlace(view.template)) card = toUniversalActions(card);
    if (refresh) card = withRefresh(card, refresh.verb, refresh.data, refresh.userIds);
    return card;
  }

  /** Queues a plain text message. */
  text(text: string): void {
    this.replies.push({ kind: 'text', text });
  }
}
