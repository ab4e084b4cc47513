import type { Verb, VerbData } from '../cards/verbs';
import type { BotDeps } from './deps';
import { answerQuestion, openTopic, recordFeedback, showHelp } from './handlers/knowledge';
import {
  browseRoles,
  chooseOrganisation,
  setOrganisation,
  showArea,
  showChecklist,
  showResponsibility,
  showRole,
} from './handlers/roles';
import type { Turn } from '../turn';

/** A card action's handler: the verb's parsed data in, replies queued on the turn. */
export type VerbHandler<V extends Verb> = (
  deps: BotDeps,
  turn: Turn,
  data: VerbData<V>,
) => void | Promise<void>;

/**
 * The verb table: every card action carries a namespaced verb; this is where each one goes.
 * Keyed by the declared verbs (cards/verbs.ts), so a verb without a handler fails to compile.
 */
export const VERB_HANDLERS: { readonly [V in Verb]: VerbHandler<V> } = {
  'help.show': showHelp,
  'kb.open': openTopic,
  'kb.feedback': recordFeedback,
  'kb.ask': (deps, turn, data) => answerQuestion(deps, turn, data.text),
  'roles.browse': browseRoles,
  'roles.area': showArea,
  'roles.resp': showResponsibility,
  'roles.role': showRole,
  'roles.checklist': showChecklist,
  'org.choose': chooseOrganisation,
  'org.set': setOrganisation,
  'report.start': (deps, turn, data) => deps.reports.flow(turn, 'report.start', data),
  'report.safety': (deps, turn, data) => deps.reports.flow(turn, 'report.safety', data),
  'report.chooseType': (deps, turn, data) => deps.reports.flow(turn, 'report.chooseType', data),
  'report.next': (deps, turn, data) => deps.reports.flow(turn, 'report.next', data),
  'report.back': (deps, turn, data) => deps.reports.flow(turn, 'report.back', data),
  'report.cancel': (deps, turn, data) => deps.reports.flow(turn, 'report.cancel', data),
  'report.edit': (deps, turn, data) => deps.reports.flow(turn, 'report.edit', data),
  'report.submit': (deps, turn, data) => deps.reports.flow(turn, 'report.submit', data),
  'report.resume': (deps, turn, data) => deps.reports.flow(turn, 'report.resume', data),
  'report.discard': (deps, turn, data) => deps.reports.flow(turn, 'report.discard', data),
  'reports.mine': (deps, turn) => deps.reports.listMine(turn),
  'reports.all': (deps, turn) => deps.reports.listAll(turn),
  'reports.open': (deps, turn, data) => deps.reports.open(turn, data),
  'reports.setStatus': (deps, turn, data) => deps.reports.setStatus(turn, data),
  'reports.card': (deps, turn, data) => deps.reports.card(turn, data),
};

/** Runs the handler of an action whose data has been parsed against its verb's schema. */
export function runVerb<V extends Verb>(
  deps: BotDeps,
  turn: Turn,
  verb: V,
  data: VerbData<V>,
): void | Promise<void> {
  const handler = VERB_HANDLERS[verb] as VerbHandler<V>;
  return handler(deps, turn, data);
}
