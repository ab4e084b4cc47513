import type { Locale } from '../i18n/strings';
import type { AdaptiveCardJson } from './renderCard';
import type { TemplateName } from './templates';

type Json = Record<string, unknown>;

/** Longest button title Teams shows uncut (about 40 characters); longer text belongs in the card body. */
export const MAX_ACTION_TITLE = 40;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Calls `visit` on every action object in a card (actions, selectAction, nested ActionSets, fallbacks). */
function eachAction(node: unknown, visit: (action: Json) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) eachAction(item, visit);
    return;
  }
  if (!isObject(node)) return;
  if (typeof node.type === 'string' && node.type.startsWith('Action.')) visit(node);
  for (const value of Object.values(node)) eachAction(value, visit);
}

/**
 * Stamps the card's language into every button's data (`lang`), so a click answers in the language
 * of the card it was on, whatever the client's locale says. The card's own `lang` says the same.
 */
export function stampLanguage(card: AdaptiveCardJson, locale: Locale): AdaptiveCardJson {
  card.lang = locale;
  eachAction(card, (action) => {
    // A button that opens the other language on purpose ("Hela svaret på svenska") keeps its own.
    if ((action.type === 'Action.Submit' || action.type === 'Action.Execute') && isObject(action.data)) {
      action.data.lang ??= locale;
    }
  });
  return card;
}

/** Adaptive Cards version in which Action.Execute exists (Teams renders up to 1.5). */
const EXECUTE_VERSION = 1.4;

/**
 * Turns a step-in-a-flow card into Universal Actions: every Action.Submit that carries a verb becomes
 * an Action.Execute with that verb (Teams answers it with an `adaptiveCard/action` invoke, and the
 * card in the response replaces the one clicked), with the original Action.Submit as its fallback for
 * clients without Universal Actions. The data is unchanged, so both arrive at the same verb handler.
 */
export function toUniversalActions(card: AdaptiveCardJson): AdaptiveCardJson {
  if (Number(card.version) < EXECUTE_VERSION) card.version = '1.4';
  const convert = (action: Json): void => {
    if (action.type !== 'Action.Submit' || !isObject(action.data) || typeof action.data.verb !== 'string')
      return;
    const submit: Json = { ...action, data: { ...action.data } };
    // Two actions with one id would break the card; the fallback gets its own.
    if (typeof action.id === 'string') submit.id = `${action.id}-submit`;
    Object.assign(action, { type: 'Action.Execute', verb: action.data.verb, fallback: submit });
  };
  // Collect first: converting while walking would walk into the fallbacks just created.
  const found: Json[] = [];
  eachAction(card, (action) => found.push(action));
  for (const action of found) convert(action);
  return card;
}

/**
 * Cards that are a step in a flow, answered in place: the report from the danger question to the
 * receipt, and the security team's report detail (its status buttons). Everything else adds a new card.
 */
const IN_PLACE_TEMPLATES: ReadonlySet<TemplateName> = new Set<TemplateName>([
  'report-safety',
  'report-danger',
  'report-type',
  'report-step',
  'report-summary',
  'report-resume',
  'report-message',
  'report-stale',
  'report-cancelled',
  'report-receipt',
  'report-detail',
  'report-notification',
]);

/** True when a card of this template should be updated in place by the next step. */
export function updatesInPlace(template: TemplateName): boolean {
  return IN_PLACE_TEMPLATES.has(template);
}

/** Teams refreshes a card automatically for at most this many users (refresh.userIds). */
export const MAX_REFRESH_USERS = 60;

/**
 * Universal Actions' user-specific views: Teams asks the bot (an `adaptiveCard/action` invoke with
 * this verb and data) for the card each listed user should see, when they look at it. Everyone else
 * sees the card as sent. The first MAX_REFRESH_USERS ids are used.
 */
export function withRefresh(
  card: AdaptiveCardJson,
  verb: string,
  data: Record<string, unknown>,
  userIds: readonly string[],
): AdaptiveCardJson {
  const ids = [...new Set(userIds.filter((id) => id !== ''))].slice(0, MAX_REFRESH_USERS);
  if (ids.length === 0) return card;
  if (Number(card.version) < EXECUTE_VERSION) card.version = '1.4';
  card.refresh = { action: { type: 'Action.Execute', verb, data: { verb, ...data } }, userIds: ids };
  return card;
}
