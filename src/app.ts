import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { memoryLimiter, sharedLimiter, type TurnLimiter } from './access/rateLimit';
import { createAdapter } from './bot/adapter';
import { SakerhetsguidenBot } from './bot/bot';
import type { BotDeps } from './bot/deps';
import { createProactiveSend } from './bot/proactive';
import { ReportUseCases } from './report/useCases';
import type { AppConfig } from './config';
import { SqliteInsightsStore } from './insights/insightsStore';
import { hasErrors, loadCheckedKnowledge } from './knowledge/checks';
import { ContactResolver } from './knowledge/contacts';
import { formatIssue } from './knowledge/loader';
import type { Logger } from './logger';
import { Metrics } from './metrics';
import { purgeExpired } from './report/store/retention';
import { errorCode } from './report/delivery/outbox';
import { createPgPool } from './db/postgres';
import { deferredMethods, reconnecting } from './db/reconnecting';
import { PostgresReportRepository } from './report/store/postgresReportRepository';
import type { ReportRepository } from './report/store/repository';
import { SqliteReportRepository } from './report/store/sqliteReportRepository';
import { RolesService } from './roles/service';
import { SearchService } from './search/service';
import { startServer, type RunningServer } from './server';
import { PostgresStorage, SqliteStorage, type ClosableStorage } from './storage';

/** Thrown when the knowledge base has errors: the service must not start on broken content. */
export class KnowledgeError extends Error {
  constructor(readonly problems: string[]) {
    super(`Knowledge base has errors:\n${problems.join('\n')}`);
    this.name = 'KnowledgeError';
  }
}

export interface RunningApp {
  port: number;
  stop(): Promise<void>;
}

/** Gap texts are kept this long; they can hold personal data. */
const GAP_RETENTION_DAYS = 90;
/** Conversation state (report drafts among it) untouched this long is deleted; user profiles stay. */
const CONVERSATION_STATE_DAYS = 30;

/** /readyz waits this long for the database before it says "not ready". */
const READY_TIMEOUT_MS = 1_000;

/** True when `check` resolves within `ms`; false when it rejects or takes longer. */
async function answersWithin(check: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([check.then(() => true), late]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** The bot with everything it needs, before any HTTP: what tests drive through a TestAdapter. */
export interface Services {
  bot: SakerhetsguidenBot;
  deps: BotDeps;
  reports: ReportUseCases;
  repository: ReportRepository;
  metrics: Metrics;
  /** Deletes expired personal data: report contents past retention, stale conversation state, old gaps. */
  sweep(now?: Date): Promise<void>;
  /** Resolves when the databases answer a cheap query; rejects otherwise (for /readyz). */
  storageAnswers(): Promise<void>;
  /** Closes storage and databases (after the server has stopped). */
  close(): Promise<void>;
}

/** Loads and checks knowledge, opens storage and wires the bot. Throws KnowledgeError on broken content. */
export async function createServices(config: AppConfig, logger: Logger): Promise<Services> {
  mkdirSync(config.dataDir, { recursive: true });

  const { kb, issues } = loadCheckedKnowledge(config.knowledgeDir, { contactsFile: config.contactsFile });
  if (hasErrors(issues))
    throw new KnowledgeError(issues.filter((i) => i.severity === 'error').map(formatIssue));
  const warnings = issues.filter((i) => i.severity === 'warning').length;
  logger.info(
    { event: 'knowledge.loaded', topics: kb.topics.length, roles: kb.roles.length, warnings },
    'knowledge loaded',
  );

  let storage: ClosableStorage;
  let repository: ReportRepository;
  let storageAnswers: () => Promise<void> = () => Promise.resolve();
  let closeDatabase: () => Promise<void> = () => Promise.resolve();
  if (config.storage.kind === 'postgres' && config.storage.databaseUrl) {
    // One pool for state and reports. A database that is down at start, restarts or drops our
    // connections must not stop the service: it starts anyway, turns meanwhile get a "try again
    // shortly", the repository migrates on the first call that reaches the database, and
    // /readyz says not ready until it answers.
    const pool = createPgPool(config.storage.databaseUrl, {
      onIdleError: (error) =>
        logger.warn({ event: 'db.connection.lost', code: errorCode(error) }, 'database dropped a connection'),
    });
    const pgStorage = new PostgresStorage(pool);
    storage = pgStorage;
    const opened = reconnecting(() => PostgresReportRepository.open(pool));
    repository = deferredMethods<ReportRepository>(opened);
    try {
      await Promise.all([pgStorage.ready(), opened.get()]);
    } catch (error) {
      logger.error({ event: 'db.unavailable', code: errorCode(error) }, 'database not reachable at start');
    }
    storageAnswers = async () => {
      await pool.query('SELECT 1');
      await Promise.all([pgStorage.ready(), opened.get()]);
    };
    closeDatabase = () => pool.end();
  } else {
    storage = new SqliteStorage(join(config.dataDir, 'state.sqlite'));
    repository = new SqliteReportRepository(join(config.dataDir, 'reports.sqlite'));
  }
  const insights = new SqliteInsightsStore(join(config.dataDir, 'insights.sqlite'));
  const sweep = async (now = new Date()) => {
    const reports = await purgeExpired(repository, config.reports.retentionDays, now);
    const conversations = await storage.deleteOlderThan(
      new Date(now.getTime() - CONVERSATION_STATE_DAYS * 86_400_000),
      '/conversations/',
    );
    const gaps = insights.purgeGapsOlderThan(GAP_RETENTION_DAYS, now);
    logger.info({ event: 'retention.swept', reports, conversations, gaps }, 'expired personal data deleted');
  };
  // Retention must not keep the service from starting (the database may be down right now).
  await sweep().catch((error: unknown) =>
    logger.warn({ event: 'retention.failed', code: errorCode(error) }, 'retention sweep failed'),
  );

  const metrics = new Metrics(async () => ({
    pending: await repository.pendingOutboxCount(),
    dead: await repository.deadOutboxCount(),
    oldestPendingAt: await repository.oldestPendingOutboxAt(),
  }));
  // With PostgreSQL the instances share one count per person; a small pool of its own keeps the
  // limiter's queries from waiting behind report writes.
  let limiterPool: Pool | undefined;
  let limiter: TurnLimiter;
  if (config.storage.kind === 'postgres' && config.storage.databaseUrl && config.rateLimitPerMinute > 0) {
    const pool = createPgPool(config.storage.databaseUrl, {
      max: 4,
      onIdleError: () => metrics.databaseError('ratelimit.pool'),
    });
    limiterPool = pool;
    limiter = sharedLimiter(pool, config.rateLimitPerMinute, () => {
      metrics.databaseError('ratelimit');
      logger.warn({ event: 'ratelimit.store.failed' }, 'rate limit store failed; counting in memory');
    });
  } else {
    limiter = memoryLimiter(config.rateLimitPerMinute);
  }

  const defaultContacts = new ContactResolver(kb.contacts, 'sv');
  // Our Storage is botbuilder's Storage in all but name (structural typing, no SDK import there).
  const botStorage = storage as unknown as ConstructorParameters<typeof SakerhetsguidenBot>[1];
  const reports = new ReportUseCases({
    config,
    repository,
    storage,
    logger,
    metrics,
    contactText: (key) => defaultContacts.resolve(key).text,
  });
  const deps: BotDeps = {
    config,
    kb,
    search: new SearchService(kb, config.search),
    roles: new RolesService(kb),
    insights,
    reports,
    logger,
    metrics,
    limiter,
  };
  return {
    bot: new SakerhetsguidenBot(deps, botStorage),
    deps,
    reports,
    repository,
    metrics,
    sweep,
    storageAnswers,
    async close() {
      await reports.stop();
      await repository.close();
      await storage.close();
      await closeDatabase();
      insights.close();
      await limiterPool?.end();
    },
  };
}

/**
 * Builds every dependency from configuration and starts the HTTP server. Used by index.ts and by
 * the end-to-end tests (which start the real service on a free port).
 */
export async function startApp(config: AppConfig, logger: Logger): Promise<RunningApp> {
  const services = await createServices(config, logger);
  const { bot, reports } = services;
  const adapter = createAdapter(config, logger);
  reports.startDelivery(createProactiveSend(adapter, config.auth.appId));

  let open = true;
  const retentionTimer = setInterval(() => {
    services.sweep().catch(() => logger.warn({ event: 'retention.failed' }, 'retention sweep failed'));
  }, 6 * 3_600_000);
  retentionTimer.unref();

  const server: RunningServer = await startServer(
    {
      adapter,
      runTurn: (ctx) => bot.run(ctx),
      isReady: async () => open && (await answersWithin(services.storageAnswers(), READY_TIMEOUT_MS)),
      logger,
      metrics: services.metrics,
      metricsToken: config.metricsToken,
    },
    config.port,
    config.host,
  );

  return {
    port: server.port,
    async stop() {
      clearInterval(retentionTimer);
      await server.stop(config.shutdownGraceMs);
      open = false;
      await services.close();
      logger.info({ event: 'stopped' }, 'stopped');
    },
  };
}
