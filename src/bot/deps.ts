import type { AppConfig } from '../config';
import type { InsightsStore } from '../insights/insightsStore';
import type { KnowledgeBase } from '../knowledge/loader';
import type { Logger } from '../logger';
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
}
