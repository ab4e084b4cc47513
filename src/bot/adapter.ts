import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type TurnContext,
} from 'botbuilder';
import type { AppConfig } from '../config';
import { strings } from '../i18n/strings';
import type { Logger } from '../logger';

/**
 * The channel adapter. Without credentials it runs unauthenticated (local, Agents Playground,
 * Emulator); with MicrosoftAppId/Password/TenantId/Type it validates the channel's tokens.
 */
export function createAdapter(config: AppConfig, logger: Logger): CloudAdapter {
  const { appId, appPassword, tenantId, appType } = config.auth;
  const settings = {
    MicrosoftAppId: appId ?? '',
    MicrosoftAppPassword: appPassword ?? '',
    MicrosoftAppTenantId: tenantId ?? '',
    MicrosoftAppType: appType ?? (appId ? 'MultiTenant' : ''),
  };
  const credentials = new ConfigurationServiceClientCredentialFactory(settings);
  const auth = new ConfigurationBotFrameworkAuthentication(settings, credentials);
  const adapter = new CloudAdapter(auth);

  // The last line of defence: log ids only, tell the user something useful, never leak the error.
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error(
      {
        event: 'turn.error',
        err: { name: error.name, code: (error as { code?: string }).code },
        activityType: context.activity?.type,
      },
      'unhandled error in turn',
    );
    try {
      if (context.activity?.type === 'message') {
        const locale = String(context.activity.locale ?? '')
          .toLowerCase()
          .startsWith('en')
          ? 'en'
          : 'sv';
        await context.sendActivity(strings(locale).errorText);
      }
    } catch {
      // Sending the apology failed too (channel unreachable); the log above is what we have.
    }
  };
  return adapter;
}
