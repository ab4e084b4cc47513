/**
 * The card action verbs, declared once. Every Action.Submit / Action.Execute on a card carries one
 * of these; the bot's verb table must handle each (a Record keyed by Verb, so a missing handler
 * fails to compile) and cards.test.ts checks that the templates use no other.
 */
export const VERBS = [
  'help.show',
  'kb.open',
  'kb.feedback',
  'kb.ask',
  'roles.browse',
  'roles.area',
  'roles.resp',
  'roles.role',
  'roles.checklist',
  'org.choose',
  'org.set',
  'report.start',
  'report.safety',
  'report.chooseType',
  'report.next',
  'report.back',
  'report.cancel',
  'report.edit',
  'report.submit',
  'report.resume',
  'report.discard',
  'reports.mine',
  'reports.all',
  'reports.open',
  'reports.setStatus',
] as const;

/** One of VERBS. */
export type Verb = (typeof VERBS)[number];

/** The verbs of the guided report flow (handled by the report reducer). */
export type ReportFlowVerb = Extract<Verb, `report.${string}`>;

/** Narrows an untrusted value (card data) to a declared verb. */
export function isVerb(value: unknown): value is Verb {
  return typeof value === 'string' && (VERBS as readonly string[]).includes(value);
}

/** Every report flow verb, in declaration order. */
export const REPORT_FLOW_VERBS = VERBS.filter((v): v is ReportFlowVerb => v.startsWith('report.'));
