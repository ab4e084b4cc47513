import type { InvokeResponse } from 'botbuilder';
import type { Locale } from '../i18n/strings';

const TEXT: Record<Locale, string> = {
  sv: 'Det här stöds inte av Säkerhetsguiden. Skriv din fråga i chatten i stället.',
  en: 'Säkerhetsguiden does not support this. Please type your question in the chat instead.',
};

/**
 * The answer to an invoke the bot has no handler for. Teams shows "Unable to reach app" and
 * retries on an error or an empty body, so each family gets a well-formed, harmless answer:
 * message extensions an empty result list, task modules a message, anything else an empty 200.
 */
export function unsupportedInvoke(name: unknown, locale: Locale): InvokeResponse {
  const invokeName = typeof name === 'string' ? name : '';
  if (invokeName.startsWith('composeExtension/'))
    return {
      status: 200,
      body: { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [] } },
    };
  if (invokeName.startsWith('task/'))
    return { status: 200, body: { task: { type: 'message', value: TEXT[locale] } } };
  return { status: 200, body: {} };
}

/**
 * A 400 for an Action.Execute invoke whose value is not an object with an action object: the
 * SDK reads `value.action.type` unguarded and such a value would end the turn in an error.
 */
export function malformedInvoke(activity: { name?: unknown; value?: unknown }): InvokeResponse | undefined {
  if (activity.name !== 'adaptiveCard/action') return undefined;
  const value = activity.value;
  const action =
    typeof value === 'object' && value !== null ? (value as { action?: unknown }).action : undefined;
  if (typeof action === 'object' && action !== null && !Array.isArray(action)) return undefined;
  return {
    status: 400,
    body: {
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: { code: 'BadRequest', message: 'Missing or malformed action' },
    },
  };
}
