import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'dotenv';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from './config';

describe('configuration', () => {
  test('with nothing set, the embedded defaults apply (SQLite, port 3978, no credentials)', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3978);
    expect(c.storage.kind).toBe('sqlite');
    expect(c.auth.appId).toBeUndefined();
    expect(Object.isFrozen(c)).toBe(true);
  });

  test('one error names every missing or invalid variable', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'abc',
        MicrosoftAppId: 'app',
        STORAGE: 'postgres',
        SEARCH_ANSWER_THRESHOLD: '2',
        REPORT_WEBHOOK_URL: 'https://example.invalid/hook',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of [
      'PORT',
      'MicrosoftAppPassword',
      'DATABASE_URL',
      'SEARCH_ANSWER_THRESHOLD',
      'REPORT_WEBHOOK_SECRET',
      'ALLOWED_TENANT_IDS',
    ]) {
      expect(message).toContain(name);
    }
  });

  test('security team ids are read as a comma-separated list', () => {
    const c = loadConfig({ SECURITY_TEAM_AAD_OBJECT_IDS: ' a , b,,c ' });
    expect(c.reports.securityTeamAadObjectIds).toEqual(['a', 'b', 'c']);
  });

  test('a security conversation reference must be JSON', () => {
    expect(() => loadConfig({ SECURITY_CONVERSATION_REFERENCE: '{not json' })).toThrow(
      /SECURITY_CONVERSATION_REFERENCE/,
    );
  });
});

describe('.env.example', () => {
  const example = parse(readFileSync(join(__dirname, '..', '.env.example')));

  test('documents every variable the service reads', () => {
    expect(CONFIG_VARIABLES.filter((v) => !(v in example))).toEqual([]);
  });

  test('is itself a valid configuration', () => {
    expect(() => loadConfig(example)).not.toThrow();
  });
});
