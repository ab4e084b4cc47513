import { describePostgres, TestSchema } from '../../test/contracts/pgTestSchema';
import { memoryLimiter, postgresLimiter, sharedLimiter, unlimited } from './rateLimit';

describe('rate limit in memory', () => {
  test('the fourth turn within a minute at 3 per minute is refused with a wait of up to a minute', async () => {
    const limiter = memoryLimiter(3);
    for (let i = 0; i < 3; i++) expect(await limiter.take('aad-anna')).toEqual({ allowed: true });
    const fourth = await limiter.take('aad-anna');
    expect(fourth.allowed).toBe(false);
    if (!fourth.allowed) {
      expect(fourth.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(fourth.retryAfterSeconds).toBeLessThanOrEqual(60);
    }
    expect(await limiter.take('aad-bertil')).toEqual({ allowed: true });
  });

  test('a limit of 0 means no limit', () => {
    expect(memoryLimiter(0)).toBe(unlimited);
  });
});

describePostgres('rate limit in PostgreSQL', (url) => {
  const schema = new TestSchema(url);
  beforeAll(() => schema.reset());
  afterAll(() => schema.drop());

  test('two instances share one count per person: turns on either use up the same budget', async () => {
    const storeErrors: unknown[] = [];
    const a = await postgresLimiter(schema.pool(), 3, (e) => storeErrors.push(e));
    const b = await postgresLimiter(schema.pool(), 3, (e) => storeErrors.push(e));
    expect(await a.take('aad-cecilia')).toEqual({ allowed: true });
    expect(await b.take('aad-cecilia')).toEqual({ allowed: true });
    expect(await a.take('aad-cecilia')).toEqual({ allowed: true });
    expect((await b.take('aad-cecilia')).allowed).toBe(false);
    expect(await b.take('aad-david')).toEqual({ allowed: true });
    expect(storeErrors).toEqual([]);
  });

  test('while the database is unreachable the instance counts in memory and reports the store failure', async () => {
    const pool = schema.pool();
    const storeErrors: unknown[] = [];
    const limiter = await postgresLimiter(pool, 2, (e) => storeErrors.push(e));
    await pool.end();
    expect(await limiter.take('aad-erik')).toEqual({ allowed: true });
    expect(await limiter.take('aad-erik')).toEqual({ allowed: true });
    expect((await limiter.take('aad-erik')).allowed).toBe(false);
    expect(storeErrors.length).toBe(3);
  });

  test('when the database is down at start, the shared limiter counts in memory instead of failing the start', async () => {
    const pool = schema.pool();
    await pool.end();
    const storeErrors: unknown[] = [];
    const limiter = sharedLimiter(pool, 1, (e) => storeErrors.push(e));
    expect(await limiter.take('aad-fatima')).toEqual({ allowed: true });
    expect((await limiter.take('aad-fatima')).allowed).toBe(false);
    await new Promise((r) => setTimeout(r, 50));
    expect(storeErrors.length).toBeGreaterThanOrEqual(1);
  });
});
