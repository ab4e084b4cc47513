import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { createPgPool } from '../../src/db/postgres';

/**
 * PostgreSQL for contract tests. Tests read TEST_DATABASE_URL (CI: postgres://postgres@127.0.0.1:5432/test);
 * without it the PostgreSQL half is skipped, loudly. Each test file works in a schema of its own
 * (sg_test_<random>), so parallel jest workers and reruns never see each other's rows.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;

/** describe() when TEST_DATABASE_URL is set, otherwise describe.skip with a name that says why. */
export function describePostgres(name: string, body: (url: string) => void): void {
  const url = TEST_DATABASE_URL;
  if (url === undefined) {
    process.stderr.write(`PostgreSQL tests skipped: TEST_DATABASE_URL not set (${name})\n`);
    describe.skip(`${name} (skipped: TEST_DATABASE_URL not set)`, () => {
      it('needs TEST_DATABASE_URL', () => undefined);
    });
    return;
  }
  describe(name, () => body(url));
}

/** A private schema plus pools whose connections have it on their search_path. */
export class TestSchema {
  readonly name = `sg_test_${randomBytes(6).toString('hex')}`;
  private readonly admin: Pool;
  private readonly pools: Pool[] = [];

  constructor(private readonly url: string) {
    this.admin = new Pool({ connectionString: url, max: 1 });
  }

  /** Creates the schema empty (dropping what an earlier test left in it). */
  async reset(): Promise<void> {
    await this.endPools();
    await this.admin.query(`DROP SCHEMA IF EXISTS ${this.name} CASCADE`);
    await this.admin.query(`CREATE SCHEMA ${this.name}`);
  }

  /** A new pool in the schema, as a second instance of the service would have; ended by reset/drop. */
  pool(): Pool {
    const pool = createPgPool(this.url, { schema: this.name, max: 4 });
    this.pools.push(pool);
    return pool;
  }

  /** Drops the schema and ends every pool. Call in afterAll. */
  async drop(): Promise<void> {
    await this.endPools();
    await this.admin.query(`DROP SCHEMA IF EXISTS ${this.name} CASCADE`);
    await this.admin.end();
  }

  private async endPools(): Promise<void> {
    const pools = this.pools.splice(0);
    await Promise.all(pools.filter((p) => !p.ended).map((p) => p.end()));
  }
}
