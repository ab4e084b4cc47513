/**
 * The "Fråga säkerhetsfunktionen" loop on PostgreSQL with two instances of the service: the person
 * talks to one, the team to the other, both deliver from the shared outbox and both run the
 * reminder scheduler (one reminder all the same). Runs where TEST_DATABASE_URL is set (CI).
 */
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { silentLogger } from '../src/logger';
import { Harness } from './helpers/app';
import { questionLoop } from './helpers/questionLoop';
import { TestClock } from './helpers/clock';
import { questionEnv } from './helpers/questions';

const url = process.env.TEST_DATABASE_URL;
const describePg = url ? describe : describe.skip;
if (!url) process.stderr.write('PostgreSQL question test skipped: TEST_DATABASE_URL not set\n');

describePg(`asking the security function on PostgreSQL, two instances${url ? '' : ' (skipped)'}`, () => {
  const schema = `sg_e2e_q_${randomBytes(4).toString('hex')}`;
  const sep = url?.includes('?') ? '&' : '?';
  const env = {
    ...questionEnv(),
    STORAGE: 'postgres',
    DATABASE_URL: `${url}${sep}options=-c%20search_path%3D${schema}`,
  };
  const clock = new TestClock('2026-12-01T08:00:00Z');
  const a = new Harness(env, silentLogger, { clock: clock.now });
  const b = new Harness(env, silentLogger, { clock: clock.now, channel: a.channel });
  let admin: Pool;

  beforeAll(async () => {
    admin = new Pool({ connectionString: url });
    await admin.query(`CREATE SCHEMA ${schema}`);
    await a.start();
    await b.start();
  });
  afterAll(async () => {
    await b.stop();
    await a.stop();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  });

  questionLoop(() => ({
    asker: a,
    team: b,
    all: [a, b],
    clock,
    env: { STORAGE: env.STORAGE, DATABASE_URL: env.DATABASE_URL },
  }));

  test('the questions are rows in PostgreSQL', async () => {
    const rows = await admin.query<{ id: string }>(`SELECT id FROM ${schema}.questions ORDER BY id`);
    expect(rows.rows.map((r) => r.id)).toEqual(['FQ-2026-000001', 'FQ-2026-000002']);
  });
});
