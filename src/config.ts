import { config as loadDotenv } from 'dotenv';
import { resolve } from 'node:path';
import { z } from 'zod';
import { parseQuestionRoutes, type QuestionRoutes } from './questions/routes';
import type { Thresholds } from './search/decide';

/**
 * The only reader of process.env. Every variable is validated once at start-up; a bad setup fails
 * with one message that names each missing or invalid variable (see .env.example for all of them).
 */

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const fraction = (fallback: number) => z.coerce.number().min(0).max(1).default(fallback);

const commaList = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
  );

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MicrosoftAppId: optionalString,
  MicrosoftAppPassword: optionalString,
  MicrosoftAppTenantId: optionalString,
  MicrosoftAppType: z
    .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'])
    .optional()
    .or(z.literal('').transform(() => undefined)),
  ToBotFromChannelOpenIdMetadataUrl: z
    .url()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  ToBotFromChannelTokenIssuer: optionalString,
  KNOWLEDGE_DIR: z.string().default('./knowledge'),
  CONTACTS_FILE: optionalString,
  SEARCH_ANSWER_THRESHOLD: fraction(0.6),
  SEARCH_SUGGEST_THRESHOLD: fraction(0.3),
  SEARCH_AMBIGUITY_MARGIN: fraction(0),
  SEARCH_LEAD_THRESHOLD: fraction(0.3),
  SEARCH_LEAD_RATIO: z.coerce.number().min(1).default(2),
  SEARCH_DOUBT_THRESHOLD: fraction(0.35),
  STORAGE: z.enum(['sqlite', 'postgres']).default('sqlite'),
  DATABASE_URL: optionalString,
  SECURITY_TEAM_AAD_OBJECT_IDS: commaList,
  SECURITY_CONVERSATION_REFERENCE: optionalString,
  REPORT_WEBHOOK_URL: z
    .url()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  REPORT_WEBHOOK_SECRET: optionalString,
  REPORT_RETENTION_DAYS: z.coerce.number().int().min(0).default(0),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).default(2000),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10000),
  ASK_THE_TEAM_ENABLED: z
    .enum(['true', 'false', ''])
    .default('true')
    .transform((v) => v !== 'false'),
  QUESTION_ROUTES: optionalString,
  QUESTION_SLA_HOURS: z.coerce.number().positive().max(1000).default(8),
  QUESTION_RETENTION_DAYS: z.coerce.number().int().min(0).default(180),
  CONTENT_OWNER_CONVERSATION: optionalString,
  QUESTION_SCHEDULER_MS: z.coerce.number().int().min(50).default(60000),
  ALLOWED_TENANT_IDS: commaList,
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(30),
  METRICS_TOKEN: optionalString,
});

/**
 * Rules across variables. Run on the raw strings, so they are reported together with the
 * per-variable problems (one message names every bad key).
 */
function crossChecks(env: NodeJS.ProcessEnv): string[] {
  const set = (k: string) => (env[k] ?? '').trim() !== '';
  const problems: string[] = [];
  if (set('MicrosoftAppId') && !set('MicrosoftAppPassword') && env.MicrosoftAppType !== 'UserAssignedMSI') {
    problems.push('MicrosoftAppPassword: required when MicrosoftAppId is set');
  }
  if (env.MicrosoftAppType === 'SingleTenant' && !set('MicrosoftAppTenantId')) {
    problems.push('MicrosoftAppTenantId: required for SingleTenant');
  }
  // With credentials the bot is reachable from every Teams tenant that installs it: name the city's.
  if (set('MicrosoftAppId') && !set('ALLOWED_TENANT_IDS'))
    problems.push(
      'ALLOWED_TENANT_IDS: required when MicrosoftAppId is set (the Entra tenant ids allowed to use the bot)',
    );
  if (env.STORAGE === 'postgres' && !set('DATABASE_URL'))
    problems.push('DATABASE_URL: required when STORAGE=postgres');
  if (set('REPORT_WEBHOOK_URL') && !set('REPORT_WEBHOOK_SECRET')) {
    problems.push('REPORT_WEBHOOK_SECRET: required when REPORT_WEBHOOK_URL is set');
  }
  if (set('QUESTION_ROUTES')) {
    try {
      parseQuestionRoutes(env.QUESTION_ROUTES);
    } catch (error) {
      problems.push(`QUESTION_ROUTES: ${(error as Error).message}`);
    }
  }
  if (set('CONTENT_OWNER_CONVERSATION')) {
    try {
      JSON.parse(env.CONTENT_OWNER_CONVERSATION ?? '');
    } catch {
      problems.push('CONTENT_OWNER_CONVERSATION: must be JSON');
    }
  }
  if (set('SECURITY_CONVERSATION_REFERENCE')) {
    try {
      JSON.parse(env.SECURITY_CONVERSATION_REFERENCE ?? '');
    } catch {
      problems.push('SECURITY_CONVERSATION_REFERENCE: must be JSON');
    }
  }
  return problems;
}

/** Every variable the service reads (documented in .env.example; a test keeps the two in step). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(schema.shape);

/** Validated, typed, frozen configuration. */
export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  auth: {
    appId?: string;
    appPassword?: string;
    tenantId?: string;
    appType?: string;
    /** Where the channel's token signing keys are published (the SDK's default when unset). */
    openIdMetadataUrl?: string;
    /** The issuer the channel's tokens must carry (the SDK's default when unset). */
    tokenIssuer?: string;
  };
  knowledgeDir: string;
  contactsFile?: string;
  search: Thresholds;
  storage: { kind: 'sqlite' | 'postgres'; databaseUrl?: string };
  reports: {
    securityTeamAadObjectIds: readonly string[];
    securityConversationReference?: Record<string, unknown>;
    webhookUrl?: string;
    webhookSecret?: string;
    retentionDays: number;
    outboxPollMs: number;
  };
  shutdownGraceMs: number;
  /** "Fråga säkerhetsfunktionen" (see src/questions/). */
  questions: {
    enabled: boolean;
    routes: QuestionRoutes;
    slaHours: number;
    retentionDays: number;
    contentOwnerConversation?: Record<string, unknown>;
    schedulerMs: number;
  };
  /** Tenants whose activities are served; empty = any (only allowed without credentials). */
  allowedTenantIds: readonly string[];
  /** Messages and card actions per user per minute; 0 = no limit. */
  rateLimitPerMinute: number;
  /** When set, GET /metrics needs `Authorization: Bearer <token>`. */
  metricsToken?: string;
}

/** Thrown when the environment is invalid; the message lists every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses an environment (process.env by default, after .env is loaded) into AppConfig. */
export function loadConfig(env: NodeJS.ProcessEnv = loadEnvFile()): AppConfig {
  const parsed = schema.safeParse(env);
  const problems = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)),
    ...crossChecks(env),
  ];
  // Compared after parsing, so the schema's defaults stand in for unset thresholds.
  if (parsed.success && parsed.data.SEARCH_SUGGEST_THRESHOLD > parsed.data.SEARCH_ANSWER_THRESHOLD) {
    problems.push('SEARCH_SUGGEST_THRESHOLD: must not be above SEARCH_ANSWER_THRESHOLD');
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
    auth: Object.freeze({
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      tenantId: e.MicrosoftAppTenantId,
      appType: e.MicrosoftAppType,
      openIdMetadataUrl: e.ToBotFromChannelOpenIdMetadataUrl,
      tokenIssuer: e.ToBotFromChannelTokenIssuer,
    }),
    knowledgeDir: resolve(e.KNOWLEDGE_DIR),
    contactsFile: e.CONTACTS_FILE ? resolve(e.CONTACTS_FILE) : undefined,
    search: Object.freeze({
      answerThreshold: e.SEARCH_ANSWER_THRESHOLD,
      suggestThreshold: e.SEARCH_SUGGEST_THRESHOLD,
      ambiguityMargin: e.SEARCH_AMBIGUITY_MARGIN,
      leadThreshold: e.SEARCH_LEAD_THRESHOLD,
      leadRatio: e.SEARCH_LEAD_RATIO,
      doubtThreshold: e.SEARCH_DOUBT_THRESHOLD,
    }),
    storage: Object.freeze({ kind: e.STORAGE, databaseUrl: e.DATABASE_URL }),
    reports: Object.freeze({
      securityTeamAadObjectIds: Object.freeze([...e.SECURITY_TEAM_AAD_OBJECT_IDS]),
      securityConversationReference: e.SECURITY_CONVERSATION_REFERENCE
        ? (JSON.parse(e.SECURITY_CONVERSATION_REFERENCE) as Record<string, unknown>)
        : undefined,
      webhookUrl: e.REPORT_WEBHOOK_URL,
      webhookSecret: e.REPORT_WEBHOOK_SECRET,
      retentionDays: e.REPORT_RETENTION_DAYS,
      outboxPollMs: e.OUTBOX_POLL_MS,
    }),
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    questions: Object.freeze({
      enabled: e.ASK_THE_TEAM_ENABLED,
      routes: parseQuestionRoutes(e.QUESTION_ROUTES),
      slaHours: e.QUESTION_SLA_HOURS,
      retentionDays: e.QUESTION_RETENTION_DAYS,
      contentOwnerConversation: e.CONTENT_OWNER_CONVERSATION
        ? (JSON.parse(e.CONTENT_OWNER_CONVERSATION) as Record<string, unknown>)
        : undefined,
      schedulerMs: e.QUESTION_SCHEDULER_MS,
    }),
    allowedTenantIds: Object.freeze([...e.ALLOWED_TENANT_IDS]),
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    metricsToken: e.METRICS_TOKEN,
  });
}

function loadEnvFile(): NodeJS.ProcessEnv {
  loadDotenv({ quiet: true });
  return process.env;
}
