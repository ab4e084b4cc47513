import { z } from 'zod';
import { isProactiveTurn } from './adapter';

/**
 * The shape of an incoming activity, as far as the SDK and this bot rely on it. The SDK trusts the
 * envelope (a numeric serviceUrl crashes it with a 500), so the server checks it first and answers
 * 400. Loose: fields not named here pass through untouched; `null` is accepted where the Bot
 * Framework schema allows a field to be absent.
 */
const text = (max: number) => z.string().max(max).nullish();

const account = z.looseObject({
  id: z.string().max(1_000),
  name: text(1_000),
  aadObjectId: text(200),
  role: text(100),
});

/** The sender: every turn keys user state on its id, so an empty one cannot be processed. */
const sender = account.extend({ id: z.string().min(1).max(1_000) });

/**
 * An id the SDK puts into a URL path or an HTTP header when it replies: no control or format
 * characters (bidi overrides), no lone surrogates, or the reply fails inside the SDK.
 */
const replyableId = z
  .string()
  .min(1)
  .max(1_000)
  .refine((s) => !/[\p{Cc}\p{Cf}\p{Cs}]/u.test(s), 'not a replyable id');

const conversation = z.looseObject({
  id: replyableId,
  name: text(1_000),
  conversationType: text(100),
  tenantId: text(200),
  isGroup: z.boolean().nullish(),
});

const envelope = z.looseObject({
  type: z.string().min(1).max(100),
  id: replyableId.nullish(),
  name: text(1_000),
  // The SDK replies to this URL; anything but an absolute http(s) URL cannot be answered.
  serviceUrl: z
    .string()
    .max(2_048)
    .regex(/^https?:\/\/[^\s/?#]+/i),
  channelId: z.string().min(1).max(100),
  from: sender,
  recipient: account.nullish(),
  conversation,
  text: text(100_000),
  textFormat: text(100),
  locale: text(100),
  timestamp: text(100),
  localTimestamp: text(100),
  replyToId: text(1_000),
  action: text(100),
  entities: z.array(z.looseObject({ type: z.string().max(200) })).nullish(),
  attachments: z.array(z.looseObject({ contentType: z.string().max(200) })).nullish(),
  membersAdded: z.array(account).nullish(),
  membersRemoved: z.array(account).nullish(),
  channelData: z.looseObject({}).nullish(),
});

/**
 * The body of POST /api/messages as an activity, or undefined when it is not one we can process
 * (a 400). A body claiming to be our own proactive event is refused: only the adapter makes those.
 */
export function parseEnvelope(body: unknown): Record<string, unknown> | undefined {
  const parsed = envelope.safeParse(body);
  if (!parsed.success) return undefined;
  const activity = parsed.data as Record<string, unknown>;
  if (isProactiveTurn(activity)) return undefined;
  return activity;
}
