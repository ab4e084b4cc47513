import { CardFactory, type CloudAdapter } from 'botbuilder';
import type { ProactiveSend } from '../report/useCases';

/**
 * The transport's proactive message: a card to a stored conversation reference, outside any turn.
 * botbuilder hands an error thrown inside continueConversationAsync to adapter.onTurnError and then
 * resolves, so the send's own error is caught here and rethrown after: a message that did not go out
 * fails the outbox sender, which records it and retries (a swallowed error would look delivered).
 */
export function createProactiveSend(adapter: CloudAdapter, appId: string | undefined): ProactiveSend {
  return async (target, card) => {
    let failure: Error | undefined;
    await adapter.continueConversationAsync(appId ?? '', target, async (ctx) => {
      try {
        await ctx.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
      } catch (error) {
        failure = error instanceof Error ? error : new Error('proactive send failed');
      }
    });
    if (failure) throw failure;
  };
}
