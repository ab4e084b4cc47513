import type { AppConfig } from '../config';
import type { InsightsStore } from '../insights/insightsStore';
import type { KnowledgeBase } from '../knowledge/loader';
import type { TurnLimiter } from '../access/rateLimit';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { RolesService } from '../roles/service';
import type { SearchService } from '../search/service';
import type { ReportUseCases } from '../report/useCases';

/** Everything the bot's handlers use; built once by the composition root. */
export interface BotDeps {
  config: AppConfig;
  kb: KnowledgeBase;
  search: SearchService;
  roles: RolesService;
  insights: InsightsStore;
  reports: ReportUseCases;
  logger: Logger;
  metrics: Metrics;
  /** Per-person turn budget (RATE_LIMIT_PER_MINUTE). */
  limiter: TurnLimiter;
}
