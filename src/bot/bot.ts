import {
  ActivityHandler,
  ActivityTypes,
  CardFactory,
  ConversationState,
  type Activity,
  TurnContext,
  UserState,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
  type StatePropertyAccessor,
  type Storage,
} from 'botbuilder';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../cards/renderCard';
import { replyLanguage } from '../i18n/language';
import { looksEnglish } from '../search/normalize';
import { strings, type Locale } from '../i18n/strings';
import { ContactResolver } from '../knowledge/contacts';
import { badInputView, messageView } from '../views/common';
import { welcomeView } from '../views/knowledgeViews';
import type { BotDeps } from './deps';
import { classifyText } from './intents';
import { answerQuestion, dangerFirst } from './handlers/knowledge';
import { malformedInvoke, unsupportedInvoke } from './invokes';
import { runVerb } from './router';
import { parseAction } from '../cards/verbs';
import { Turn, type ConversationData, type Place, type TurnReply, type UserProfile } from '../turn';
import type { Actor, ConversationRef } from '../report/types';
import { tenantAllowed, tenantOf } from '../access/tenant';
import { isDatabaseError, type TurnKind, type TurnOutcome } from '../metrics';

/** A text turn still working after this long shows the typing indicator. */
const TYPING_AFTER_MS = 1500;

/** Longest text we accept in one message; the rest is not searched (Teams itself allows ~28 KB). */
const MAX_TEXT = 20_000;

/** Strips "<at>Bot</at>" left by channels that did not give a mention entity for it. */
function stripMentions(context: TurnContext): string {
  const activity = context.activity;
  let text = typeof activity.text === 'string' ? activity.text : '';
  try {
    if (activity.recipient) text = TurnContext.removeRecipientMention(activity) ?? text;
  } catch {
    // A malformed entity list must not stop the turn; fall back to the regex below.
  }
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_TEXT);
}

/** Who is acting: ids the channel vouches for (never anything from card data). */
function actorOf(context: TurnContext): Actor {
  const from = context.activity.from ?? { id: '' };
  return {
    userId: typeof from.id === 'string' ? from.id : '',
    aadObjectId: typeof from.aadObjectId === 'string' ? from.aadObjectId : undefined,
    name: typeof from.name === 'string' ? from.name : undefined,
  };
}

/** Whether others can read along, and how to reach this conversation later. */
function placeOf(context: TurnContext): Place {
  const conversation = context.activity.conversation;
  const type = conversation?.conversationType;
  const kind =
    type === 'channel'
      ? 'channel'
      : type === 'groupChat' || (type === undefined && conversation?.isGroup === true)
        ? 'group'
        : 'personal';
  const reference = TurnContext.getConversationReference(context.activity) as ConversationRef;
  return { kind, reference };
}

/** A reply as the channel wants it. */
function toActivity(reply: TurnReply): Partial<Activity> {
  return reply.kind === 'card'
    ? { type: ActivityTypes.Message, attachments: [CardFactory.adaptiveCard(reply.card)] }
    : { type: ActivityTypes.Message, text: reply.text };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The kind of a turn, for metrics: a card submit is a message with a value and no text. */
function turnKind(context: TurnContext): TurnKind {
  const a = context.activity;
  const type: string = a.type;
  switch (type) {
    case 'message':
      return a.value !== undefined && !a.text ? 'card' : 'message';
    case 'invoke':
      return 'invoke';
    case 'conversationUpdate':
      return 'conversationUpdate';
    case 'installationUpdate':
      return 'installationUpdate';
    default:
      return 'other';
  }
}

/**
 * The bot: turns activities into turns for the handlers. Card submits (value, no text) are routed
 * by verb before any text handling; Action.Execute invokes use the same verb table.
 */
export class SakerhetsguidenBot extends ActivityHandler {
  private readonly conversationState: ConversationState;
  private readonly userState: UserState;
  private readonly conversationData: StatePropertyAccessor<ConversationData>;
  private readonly userProfile: StatePropertyAccessor<UserProfile>;

  constructor(
    private readonly deps: BotDeps,
    storage: Storage,
  ) {
    super();
    this.conversationState = new ConversationState(storage);
    this.userState = new UserState(storage);
    this.conversationData = this.conversationState.createProperty<ConversationData>('sakerhetsguiden');
    this.userProfile = this.userState.createProperty<UserProfile>('profile');

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    // Teams announces an install twice, at the same moment: installationUpdate, then conversationUpdate
    // with the bot (and, in a personal chat, the person) as new members. Only the conversationUpdate
    // welcomes (the two turns run concurrently, so a flag alone cannot keep one of them quiet), and only
    // once per conversation: a person joining a group chat or channel later gets no card of their own.
    this.onMembersAdded(async (context, next) => {
      await this.sendWelcome(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.deps.reports.captureConversation(actorOf(context), placeOf(context));
      await next();
    });
  }

  /**
   * Runs the turn, then saves state even when a handler failed halfway. Before anything else: only
   * the allowed tenants' activities, and only within the person's turn budget, are handled.
   */
  override async run(context: TurnContext): Promise<void> {
    const started = performance.now();
    const kind = turnKind(context);
    const refusal = await this.refusal(context, kind);
    if (refusal) {
      this.deps.metrics.turn(kind, refusal, (performance.now() - started) / 1000);
      return;
    }
    let outcome: TurnOutcome = 'error';
    try {
      try {
        await super.run(context);
      } finally {
        await this.conversationState.saveChanges(context, false);
        await this.userState.saveChanges(context, false);
      }
      outcome = 'ok';
    } catch (err) {
      if (isDatabaseError(err)) this.deps.metrics.databaseError('turn');
      throw err;
    } finally {
      this.deps.metrics.turn(kind, outcome, (performance.now() - started) / 1000);
    }
  }

  /** Why this activity is not handled ('tenant_refused', 'rate_limited'), after telling the person; or undefined. */
  private async refusal(context: TurnContext, kind: TurnKind): Promise<TurnOutcome | undefined> {
    const activity = context.activity;
    const fromPerson = kind === 'message' || kind === 'card' || kind === 'invoke';
    const tenantId = tenantOf(activity);
    if (!tenantAllowed(this.deps.config.allowedTenantIds, tenantId)) {
      // The tenant id is an organisation's id, not a person's: it is what an administrator needs.
      this.deps.logger.warn(
        { event: 'tenant.refused', tenantId: tenantId ?? null, kind },
        'tenant not allowed',
      );
      this.deps.metrics.refusedTenant();
      if (fromPerson) await this.refuse(context, 'tenantRefusedText');
      return 'tenant_refused';
    }
    if (!fromPerson) return undefined;
    const from = activity.from ?? { id: '' };
    const userKey =
      (typeof from.aadObjectId === 'string' && from.aadObjectId) ||
      (typeof from.id === 'string' ? from.id : '');
    const limit = await this.deps.limiter.take(userKey);
    if (limit.allowed) return undefined;
    this.deps.logger.info(
      { event: 'rate.limited', kind, retryAfterSeconds: limit.retryAfterSeconds },
      'turn refused: rate limit',
    );
    this.deps.metrics.rateLimited();
    await this.refuse(context, 'rateLimitedText');
    return 'rate_limited';
  }

  /** A short refusal in the person's language; an invoke gets it as its invoke response (Teams needs one). */
  private async refuse(context: TurnContext, text: 'tenantRefusedText' | 'rateLimitedText'): Promise<void> {
    const written = typeof context.activity.text === 'string' ? context.activity.text : '';
    const message = strings(written && looksEnglish(written) ? 'en' : 'sv')[text];
    if (context.activity.type === (ActivityTypes.Invoke as string)) {
      await context.sendActivity({
        type: ActivityTypes.InvokeResponse,
        value: {
          status: 200,
          body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: message },
        },
      });
      return;
    }
    await context.sendActivity(message);
  }

  /**
   * The language of the bot's own texts (rule and reasons in i18n/language.ts). Only the person's own
   * clearly Swedish or English text changes the conversation's language; Teams' locale never decides.
   */
  private async locale(context: TurnContext, text = '', cardLanguage?: unknown): Promise<Locale> {
    const conversation = await this.conversationData.get(context, {});
    const { locale, source } = replyLanguage({ text, cardLanguage, conversation: conversation.locale });
    if (source === 'typed') conversation.locale = locale;
    return locale;
  }

  private async makeTurn(context: TurnContext, locale: Locale): Promise<Turn> {
    const user = await this.userProfile.get(context, {});
    const conversation = await this.conversationData.get(context, {});
    const org = user.organisationId ? this.deps.roles.organisation(user.organisationId) : undefined;
    return new Turn(
      locale,
      actorOf(context),
      user,
      conversation,
      new ContactResolver(this.deps.kb.contacts, locale, org),
      placeOf(context),
    );
  }

  /** The welcome card, once per conversation, in Swedish unless the conversation already speaks English. */
  private async sendWelcome(context: TurnContext): Promise<void> {
    const turn = await this.makeTurn(context, await this.locale(context));
    if (turn.conversation.welcomed) return;
    turn.conversation.welcomed = true;
    turn.card(welcomeView(turn.view));
    await context.sendActivities(turn.replies.map(toActivity));
  }

  /**
   * Every card action goes through here: the verb and its data are checked against the verb's
   * schema, and an unknown verb or malformed data gets the one friendly answer, never a handler.
   */
  private async dispatchVerb(turn: Turn, verb: unknown, data: Record<string, unknown>): Promise<void> {
    const action = parseAction(verb, data);
    if (!action.ok) {
      this.deps.logger.warn(
        { event: `verb.${action.problem}`, verb: action.verb, fields: action.fields },
        'card action not understood',
      );
      turn.card(badInputView(turn.locale));
      return;
    }
    this.deps.logger.info({ event: 'verb', verb: action.verb }, 'card action');
    await runVerb(this.deps, turn, action.verb, action.data);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const started = Date.now();
    const value: unknown = context.activity.value;
    const text = stripMentions(context);
    const submit = isRecord(value) && (!text || typeof value.verb === 'string');
    const turn = await this.makeTurn(
      context,
      await this.locale(context, submit ? '' : text, submit ? value.lang : undefined),
    );

    if (submit) {
      // A card submit: route by verb before looking at any text.
      await this.dispatchVerb(turn, value.verb, value);
    } else if (!text) {
      turn.text(strings(turn.locale).emptyText);
    } else {
      // "Typing…" only when the answer is not ready at once (a report lookup waiting on the database):
      // for the usual answer, ready in milliseconds, it was a second call to the channel per turn.
      const typing = setTimeout(() => {
        context.sendActivity({ type: ActivityTypes.Typing }).catch(() => undefined);
      }, TYPING_AFTER_MS);
      try {
        await this.handleText(turn, text);
      } finally {
        clearTimeout(typing);
      }
    }
    if (turn.replies.length > 0) await context.sendActivities(turn.replies.map(toActivity));
    this.deps.logger.info(
      { event: 'turn', ms: Date.now() - started, replies: turn.replies.length },
      'turn done',
    );
  }

  private async handleText(turn: Turn, text: string): Promise<void> {
    dangerFirst(this.deps, turn, text);
    const intent = classifyText(text);
    switch (intent.kind) {
      case 'help':
        return this.dispatchVerb(turn, 'help.show', {});
      case 'greeting':
        turn.card(welcomeView(turn.view));
        return;
      case 'report.start':
        return this.dispatchVerb(turn, 'report.start', {});
      case 'reports.mine':
        return this.dispatchVerb(turn, 'reports.mine', {});
      case 'reports.all':
        return this.dispatchVerb(turn, 'reports.all', {});
      case 'roles.browse':
        return this.dispatchVerb(turn, 'roles.browse', {});
      case 'org.choose':
        return this.dispatchVerb(turn, 'org.choose', {});
      case 'reports.open':
        return this.dispatchVerb(turn, 'reports.open', { reference: intent.reference });
      case 'security.register':
        return this.deps.reports.registerSecurityConversation(turn);
      case 'org.set':
        // "jag jobbar på en förskola…" is a question unless the phrase names one of the city's organisations.
        if (this.deps.roles.findOrganisation(intent.phrase))
          return this.dispatchVerb(turn, 'org.set', { phrase: intent.phrase });
        return answerQuestion(this.deps, turn, text);
      case 'question':
        this.deps.reports.offerResumeIfDraft(turn);
        return answerQuestion(this.deps, turn, text);
    }
  }

  /**
   * The clicked message as everyone sees it, when a use case changed it for all (a status set on
   * the security team's card). The clicker's own view is the invoke response; team members also get
   * theirs by refresh, so a failed update is logged, not retried.
   */
  private async updateForEveryone(context: TurnContext, turn: Turn): Promise<void> {
    const id = context.activity.replyToId;
    if (!turn.forEveryone || !id) return;
    try {
      await context.updateActivity({
        id,
        type: ActivityTypes.Message,
        attachments: [CardFactory.adaptiveCard(turn.forEveryone)],
      });
    } catch (err) {
      this.deps.logger.warn(
        { event: 'card.update.failed', code: (err as { code?: string; statusCode?: number }).statusCode },
        'shared card not updated',
      );
    }
  }

  /**
   * Invokes we do not handle (message extensions, task modules, unknown names) get what Teams
   * expects instead of the SDK's 501: an empty result, a friendly message, or an empty 200.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const malformed = malformedInvoke(context.activity);
    if (malformed) return malformed;
    const response = await super.onInvokeActivity(context);
    if (response.status !== 501) return response;
    return unsupportedInvoke(context.activity.name, await this.locale(context));
  }

  /**
   * Action.Execute (Universal Actions): the same verbs as Action.Submit. The last card of the turn
   * answers the invoke and replaces the card clicked; anything before it is sent as messages. The
   * response is never empty (Teams shows "Unable to reach app" and retries): a turn without a card
   * answers with a message card, a failure with the error card.
   */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const rawAction: unknown = isRecord(invokeValue) ? invokeValue.action : undefined;
    const action: Record<string, unknown> = isRecord(rawAction) ? rawAction : {};
    const data: Record<string, unknown> = isRecord(action.data) ? action.data : {};
    const turn = await this.makeTurn(context, await this.locale(context, '', data.lang));
    try {
      await this.dispatchVerb(
        turn,
        typeof action.verb === 'string' && action.verb ? action.verb : data.verb,
        data,
      );
    } catch (err) {
      this.deps.logger.error(
        { event: 'invoke.failed', code: (err as { code?: string }).code },
        'card action failed',
      );
      turn.replies.length = 0;
      turn.card(messageView(strings(turn.locale).badInputTitle, [strings(turn.locale).errorText]));
    }
    const last = turn.replies.at(-1);
    await this.updateForEveryone(context, turn);
    if (last?.kind === 'card') {
      if (turn.replies.length > 1) await context.sendActivities(turn.replies.slice(0, -1).map(toActivity));
      return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: last.card };
    }
    // Only texts: they become the card that replaces the one clicked, so the click is answered in place.
    const texts = turn.replies.flatMap((r) => (r.kind === 'text' && r.text !== '' ? [r.text] : []));
    turn.replies.length = 0;
    turn.card(messageView('', texts.length > 0 ? texts : [strings(turn.locale).badInputText]));
    const only = turn.replies[0];
    return {
      statusCode: 200,
      type: ADAPTIVE_CARD_CONTENT_TYPE,
      value: only?.kind === 'card' ? only.card : {},
    };
  }
}
