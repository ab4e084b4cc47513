import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  INVOKE_RESPONSE_KEY,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { AppConfig } from '../config';
import { isDatabaseUnavailable } from '../db/postgres';
import { strings } from '../i18n/strings';
import type { Logger } from '../logger';

/**
 * How long a turn's replies may take before the turn gives up on them. The SDK retries an
 * unreachable channel for about 11 s, holding the HTTP request (and the channel's patience) all
 * along; past this the turn ends and the channel retries the activity if it wants the reply.
 */
export const REPLY_TIMEOUT_MS = 4_000;

/** The name botbuilder gives the event activity of a proactive continueConversationAsync turn. */
const PROACTIVE_EVENT = 'ContinueConversation';

/** A turn started by us (continueConversationAsync), not by the channel. */
export function isProactiveTurn(activity: Partial<Activity> | undefined): boolean {
  return activity?.type === 'event' && activity.name === PROACTIVE_EVENT;
}

class ReplyTimeout extends Error {
  readonly code = 'reply-timeout';
}

/** Why a request was refused before any turn ran: the HTTP status to answer with. */
export type RequestFailure = 401 | 503 | 500;

/**
 * Maps an error from token validation to a status, never exposing its text: bad or unverifiable
 * tokens are 401; not being able to fetch the signing keys (metadata down) is 503, so the channel
 * retries; anything else is our fault (500, logged by code).
 */
export function classifyRequestError(error: unknown): RequestFailure {
  if (typeof error !== 'object' || error === null) return 500;
  const { name, statusCode } = error as { name?: unknown; statusCode?: unknown };
  if (typeof statusCode === 'number') return statusCode >= 500 ? 503 : 401;
  if (name === 'JsonWebTokenError' || name === 'TokenExpiredError' || name === 'NotBeforeError') return 401;
  if (name === 'FetchError' || name === 'AbortError') return 503;
  return 500;
}

/**
 * The channel adapter. Without credentials it runs unauthenticated (local, Agents Playground,
 * Emulator); with MicrosoftAppId/Password/TenantId/Type it validates the channel's tokens.
 */
export class ChannelAdapter extends CloudAdapter {
  /**
   * Authenticates and runs one incoming activity (already shape-checked by the server) and returns
   * the invoke response, if any. Throws on authentication failure: see classifyRequestError.
   */
  async handle(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    // What the SDK's own process() does to timestamps before a turn.
    const raw = activity as Activity & Record<string, unknown>;
    for (const field of ['timestamp', 'localTimestamp', 'expiration'] as const) {
      const value = raw[field];
      if (typeof value === 'string') {
        raw[`raw${field[0]!.toUpperCase()}${field.slice(1)}`] = value;
        raw[field] = new Date(value);
      }
    }
    return this.processActivity(authHeader, activity, logic);
  }
}

export function createAdapter(config: AppConfig, logger: Logger): ChannelAdapter {
  const { appId, appPassword, tenantId, appType, openIdMetadataUrl, tokenIssuer } = config.auth;
  const settings = {
    MicrosoftAppId: appId ?? '',
    MicrosoftAppPassword: appPassword ?? '',
    MicrosoftAppTenantId: tenantId ?? '',
    MicrosoftAppType: appType ?? (appId ? 'MultiTenant' : ''),
    // Only set in tests and sovereign clouds: where the channel's signing keys come from.
    ...(openIdMetadataUrl ? { ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl } : {}),
    ...(tokenIssuer ? { ToBotFromChannelTokenIssuer: tokenIssuer } : {}),
  };
  const credentials = new ConfigurationServiceClientCredentialFactory(settings);
  const auth = new ConfigurationBotFrameworkAuthentication(settings, credentials);
  const adapter = new ChannelAdapter(auth);

  // Replies of a channel's turn are bounded in time (see REPLY_TIMEOUT_MS). Proactive sends are
  // not: the outbox has its own timeout, and giving up on a send that then arrives would duplicate it.
  adapter.use({
    onTurn: async (context, next) => {
      if (!isProactiveTurn(context.activity)) {
        context.onSendActivities(async (_ctx, _activities, sendNext) => {
          const sending = sendNext();
          sending.catch(() => undefined); // settled late or not at all; the turn has moved on
          let timer: NodeJS.Timeout | undefined;
          const late = new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new ReplyTimeout('reply timed out')), REPLY_TIMEOUT_MS);
          });
          try {
            return await Promise.race([sending, late]);
          } finally {
            clearTimeout(timer);
          }
        });
      }
      await next();
    },
  });

  // The last line of defence: log ids only, tell the user something useful, never leak the error.
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const code = (error as { code?: unknown }).code;
    const storageDown = isDatabaseUnavailable(error);
    logger.error(
      {
        event: storageDown ? 'turn.storage-unavailable' : 'turn.error',
        err: { name: error.name, code },
        activityType: context.activity?.type,
      },
      'unhandled error in turn',
    );
    // A proactive send (outbox) that failed must fail its caller, or it would count as delivered.
    if (isProactiveTurn(context.activity)) throw error;
    // The channel did not take our replies in time: an apology would wait just as long.
    if (code === 'reply-timeout') return;
    try {
      // The conversation's language is not known here, and the client's locale (en-US for anyone
      // whose Teams is in English) is not the person's language: Swedish, the default.
      const t = strings('sv');
      const text = storageDown ? t.storageDownText : t.errorText;
      if (context.activity?.type === 'message') await context.sendActivity(text);
      // An invoke without a response would be answered 501 by the SDK: Teams gets the message instead.
      else if (context.activity?.type === 'invoke' && !context.turnState.get(INVOKE_RESPONSE_KEY))
        await context.sendActivity({
          type: 'invokeResponse',
          value: {
            status: 200,
            body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text },
          },
        });
    } catch {
      // Sending the apology failed too (channel unreachable); the log above is what we have.
    }
  };
  return adapter;
}
