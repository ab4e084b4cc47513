/**
 * The card action verbs, declared once, each with the schema of the data its actions carry. Every
 * Action.Submit / Action.Execute on a card names one of these; the bot's verb table must handle
 * each (a mapped type over Verb, so a missing handler fails to compile), handlers receive the data
 * already parsed, and cards.test.ts checks that the templates use no other verb.
 *
 * Card data is untrusted (anyone can craft a submit): a value that does not match its verb's
 * schema never reaches a handler; the bot answers it in one place with a friendly message.
 */
import { z } from 'zod';
import { REPORT_STATUSES } from '../report/lifecycle';

/** Ids and codes on cards are short; longer is not from one of our cards. */
const id = z.string().max(200);

/**
 * Report flow cards: the draft and card position they were shown for, plus the card's inputs
 * merged in by the client under the field ids of the step table. The reducer checks each field and
 * re-renders the step with the field's own message, so the inputs stay open here.
 */
const flowData = <T extends z.ZodRawShape>(shape: T) =>
  z.looseObject({ draftId: id.optional(), at: id.optional(), ...shape });

const NO_DATA = z.object({});

/** A question card's action: the FQ id and the version the card showed (a stale card is detected). */
const questionAction = <T extends z.ZodRawShape>(shape: T) =>
  z.object({ id, version: z.union([z.number().int(), id]).optional(), ...shape });

/** The verb table: each verb and the data schema of its actions. */
export const VERB_SCHEMAS = {
  'help.show': NO_DATA,
  'kb.open': z.object({ topicId: id }),
  'kb.feedback': z.object({ topicId: id, helpful: z.enum(['yes', 'no']) }),
  'kb.ask': z.object({ text: z.string() }),
  'roles.browse': NO_DATA,
  'roles.area': z.object({ area: id }),
  'roles.resp': z.object({ id }),
  'roles.role': z.object({ id }),
  'roles.checklist': z.object({ id }),
  'org.choose': NO_DATA,
  'org.set': z.object({ organisationId: id.optional(), phrase: z.string().optional() }),
  'report.start': flowData({ reportType: id.optional() }),
  'report.safety': flowData({ danger: id.optional() }),
  'report.chooseType': flowData({ reportType: id.optional() }),
  'report.next': flowData({}),
  'report.back': flowData({}),
  'report.cancel': flowData({ confirm: z.enum(['yes', '']).optional() }),
  'report.edit': flowData({ step: z.union([id, z.number()]).optional() }),
  'report.submit': flowData({}),
  'report.resume': flowData({}),
  'report.discard': flowData({}),
  'reports.mine': NO_DATA,
  'reports.all': NO_DATA,
  'reports.open': z.object({ reference: id }),
  'reports.setStatus': z.object({ reference: id, status: z.enum(REPORT_STATUSES) }),
  // "Fråga säkerhetsfunktionen". Free texts stay unbounded here: the use case answers a too long
  // question or answer with the card and its own message, keeping what was written.
  'question.start': z.object({ text: z.string().optional(), kbArea: id.optional(), area: id.optional() }),
  // The idempotency key is "askKey", never "key": the Agents Playground's Action.Submit throws on a data
  // field named key and sends nothing (found by npm run test:client).
  'question.submit': z.object({ askKey: id.optional(), text: z.string().optional(), area: id.optional() }),
  'question.mine': NO_DATA,
  'question.open': z.object({ id }),
  'question.take': questionAction({}),
  'question.forward': questionAction({ forwardArea: id.optional() }),
  'question.answer': questionAction({ answer: z.string().optional() }),
  'question.close': questionAction({}),
  'question.suggest': questionAction({}),
  'question.thanks': questionAction({}),
  'question.followUpForm': z.object({ id }),
  'question.followUp': questionAction({ text: z.string().optional() }),
  // The security team's card in its channel asks for each viewer's own view (refresh.userIds).
  'reports.card': z.object({ reference: id }),
} as const satisfies Record<string, z.ZodType<Record<string, unknown>>>;

/** One of the declared verbs. */
export type Verb = keyof typeof VERB_SCHEMAS;

/** Every declared verb. */
export const VERBS = Object.keys(VERB_SCHEMAS) as Verb[];

/** The parsed data a verb's handler receives. */
export type VerbData<V extends Verb> = z.infer<(typeof VERB_SCHEMAS)[V]>;

/** The verbs of the guided report flow (handled by the report reducer). */
export type ReportFlowVerb = Extract<Verb, `report.${string}`>;

/** Every report flow verb, in declaration order. */
export const REPORT_FLOW_VERBS = VERBS.filter((v): v is ReportFlowVerb => v.startsWith('report.'));

/** Narrows an untrusted value (card data) to a declared verb. */
export function isVerb(value: unknown): value is Verb {
  return typeof value === 'string' && Object.hasOwn(VERB_SCHEMAS, value);
}

/** A card action checked against its verb's schema. */
export type ParsedAction =
  | { [V in Verb]: { ok: true; verb: V; data: VerbData<V> } }[Verb]
  | { ok: false; problem: 'unknown-verb' | 'malformed'; verb?: Verb; fields: string[] };

/**
 * Checks a card action. On a mismatch, `fields` names the data keys that were wrong (for the
 * log: keys only, never values, which may be what the person typed).
 */
export function parseAction(verb: unknown, data: Record<string, unknown>): ParsedAction {
  if (!isVerb(verb)) return { ok: false, problem: 'unknown-verb', fields: [] };
  const parsed = VERB_SCHEMAS[verb].safeParse(data);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? '')))];
    return { ok: false, problem: 'malformed', verb, fields };
  }
  return { ok: true, verb, data: parsed.data } as ParsedAction;
}
