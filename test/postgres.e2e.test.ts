/**
 * The whole service on PostgreSQL (STORAGE=postgres): a report over HTTP, a restart, and the
 * report and the user's organisation are still there. Runs where TEST_DATABASE_URL is set (CI).
 */
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { cardTexts, teamsMessage } from './helpers/channel';
import { Harness } from './helpers/app';
import { runReport } from './helpers/report';

const url = process.env.TEST_DATABASE_URL;
const describePg = url ? describe : describe.skip;
if (!url) process.stderr.write('PostgreSQL end-to-end test skipped: TEST_DATABASE_URL not set\n');

describePg(`the service on PostgreSQL${url ? '' : ' (skipped: TEST_DATABASE_URL not set)'}`, () => {
  const schema = `sg_e2e_${randomBytes(4).toString('hex')}`;
  let admin: Pool;
  let h: Harness;
  const who = { userId: 'pg-user', aadObjectId: 'aad-pg', conversationId: 'pg-chat' };
  const texts = (rs: Awaited<ReturnType<Harness['send']>>) => rs.flatMap(cardTexts).join('\n');

  beforeAll(async () => {
    admin = new Pool({ connectionString: url });
    await admin.query(`CREATE SCHEMA ${schema}`);
    const sep = url!.includes('?') ? '&' : '?';
    h = new Harness({
      STORAGE: 'postgres',
      DATABASE_URL: `${url}${sep}options=-c%20search_path%3D${schema}`,
    });
    await h.start();
  });
  afterAll(async () => {
    await h.stop();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  });

  test('a report and the chosen organisation survive a restart; the data is in PostgreSQL', async () => {
    await h.send(teamsMessage(h.channel.serviceUrl, { ...who, text: 'jag jobbar på Skarpnäck' }));
    const run = await runReport(
      h,
      'informationssakerhet',
      who,
      'Jag skickade ett mejl med personnummer till fel mottagare.',
    );
    await h.restart();
    const mine = texts(await h.send(teamsMessage(h.channel.serviceUrl, { ...who, text: 'mina rapporter' })));
    expect(mine).toContain(run.reference);
    const roles = texts(
      await h.send(teamsMessage(h.channel.serviceUrl, { ...who, text: 'vad gör en säkerhetssamordnare?' })),
    );
    expect(roles).toContain('Skarpnäck');
    const rows = await admin.query(`SELECT reference FROM ${schema}.reports`);
    expect(rows.rows.map((r: { reference: string }) => r.reference)).toContain(run.reference);
    const state = await admin.query(`SELECT count(*)::int AS n FROM ${schema}.bot_state`);
    expect((state.rows[0] as { n: number }).n).toBeGreaterThan(0);
  });
});
