import { z } from 'zod';
import { fold } from '../search/normalize';
import {
  FALLBACK_AREA,
  QUESTION_AREAS,
  QUESTION_AREA_IDS,
  type ConversationRef,
  type QuestionActor,
  type QuestionAreaId,
} from './types';

/**
 * Where each area's questions go and who belongs to its team. QUESTION_ROUTES (JSON) may name a
 * conversation and the team's Entra object ids per area; `registrera frågekanal <område>` stores a
 * conversation in the database, which wins over the configured one.
 */

const routeSchema = z.object({
  conversation: z.record(z.string(), z.unknown()).optional(),
  members: z.array(z.string().trim().min(1)).default([]),
});

export const questionRoutesSchema = z.partialRecord(
  z.enum(QUESTION_AREA_IDS as [QuestionAreaId, ...QuestionAreaId[]]),
  routeSchema,
);

export type QuestionRoutes = z.infer<typeof questionRoutesSchema>;

/** Parses QUESTION_ROUTES; throws with a message naming what is wrong. */
export function parseQuestionRoutes(text: string | undefined): QuestionRoutes {
  if (text === undefined || text.trim() === '') return {};
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error('must be JSON');
  }
  const parsed = questionRoutesSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; '),
    );
  return parsed.data;
}

/** The area a typed phrase names ("hot och våld", "infosäk", "övrigt"), or undefined. */
export function areaFromPhrase(phrase: string): QuestionAreaId | undefined {
  const p = fold(phrase)
    .replace(/[^a-z0-9\s-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (p === '') return undefined;
  return QUESTION_AREA_IDS.find(
    (id) =>
      id === p ||
      fold(QUESTION_AREAS[id].sv) === p ||
      (QUESTION_AREAS[id].aliases as readonly string[]).includes(p),
  );
}

/** Teams puts ";messageid=…" on a channel thread's conversation id: the channel is what counts. */
export function baseConversationId(id: string): string {
  return id.split(';')[0] ?? id;
}

export function conversationIdOf(ref: ConversationRef | undefined): string | undefined {
  const conversation = ref?.conversation as { id?: unknown } | undefined;
  return typeof conversation?.id === 'string' ? baseConversationId(conversation.id) : undefined;
}

/**
 * The conversation a question of `area` goes to and the area that owns it: the area's own route,
 * else the fallback team's. Registered routes win over configured ones.
 */
export function resolveRoute(
  area: QuestionAreaId,
  configured: QuestionRoutes,
  registered: Partial<Record<QuestionAreaId, ConversationRef>>,
): { owner: QuestionAreaId; conversation?: ConversationRef } {
  for (const owner of [area, FALLBACK_AREA]) {
    const conversation = registered[owner] ?? configured[owner]?.conversation;
    if (conversation) return { owner, conversation };
  }
  return { owner: configured[area] ? area : FALLBACK_AREA };
}

const norm = (id: string | undefined) => (id ?? '').trim().toLowerCase();

/** True when the actor's Entra object id is listed (only aadObjectId counts, as for reports). */
export function isListed(actor: QuestionActor, ids: readonly string[]): boolean {
  const id = norm(actor.aadObjectId);
  return id !== '' && ids.some((m) => norm(m) === id);
}
