import { applyPostgresMigrations } from '../../src/db/postgres';
import { TestSchema, describePostgres } from './pgTestSchema';

describePostgres('PostgreSQL migration runner', (url) => {
  const schema = new TestSchema(url);
  const one = { version: 1, name: 'one', sql: 'CREATE TABLE t (x INTEGER);' };
  const two = { version: 2, name: 'two', sql: 'ALTER TABLE t ADD COLUMN y TEXT;' };

  beforeEach(() => schema.reset());
  afterAll(() => schema.drop());

  it('applies pending migrations once; a later release adds only the new one', async () => {
    const pool = schema.pool();
    expect(await applyPostgresMigrations(pool, [one])).toEqual([1]);
    expect(await applyPostgresMigrations(pool, [one, two])).toEqual([2]);
    expect(await applyPostgresMigrations(pool, [one, two])).toEqual([]);
  });

  it('instances starting together apply each migration exactly once', async () => {
    const pools = [schema.pool(), schema.pool(), schema.pool()];
    const applied = await Promise.all(pools.map((p) => applyPostgresMigrations(p, [one, two])));
    expect(applied.flat().sort()).toEqual([1, 2]);
  });

  it('a failing migration rolls back everything in that run', async () => {
    const pool = schema.pool();
    const broken = {
      version: 2,
      name: 'broken',
      sql: 'CREATE TABLE u (x INTEGER); SELECT * FROM missing_table;',
    };
    await expect(applyPostgresMigrations(pool, [one, broken])).rejects.toHaveProperty('message');
    const tables = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1`,
      [schema.name],
    );
    expect(tables.rows[0]?.n).toBe(0);
  });
});
