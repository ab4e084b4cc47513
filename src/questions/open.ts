import { join } from 'node:path';
import type { AppConfig } from '../config';
import type { QuestionRepository } from './repository';
import { openPostgresQuestionRepository, openSqliteQuestionRepository } from './sqlQuestionRepository';

/** The question store the configuration names (for the command-line tools). */
export async function openQuestionRepository(config: AppConfig): Promise<QuestionRepository> {
  return config.storage.kind === 'postgres' && config.storage.databaseUrl
    ? openPostgresQuestionRepository(config.storage.databaseUrl)
    : openSqliteQuestionRepository(join(config.dataDir, 'questions.sqlite'));
}
