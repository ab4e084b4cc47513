import { CardFactory, type CloudAdapter } from 'botbuilder';
import type { ProactiveSend } from '../report/useCases';

/**
 * The transport's proactive message: a card to a stored conversation reference, outside any turn.
 * Errors propagate, so the outbox retries or records them (a swallowed error would look delivered).
 */
export function createProactiveSend(adapter: CloudAdapter, appId: string | undefined): ProactiveSend {
  return async (target, card) => {
    await adapter.continueConversationAsync(appId ?? '', target, async (ctx) => {
      await ctx.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
    });
  };
}
