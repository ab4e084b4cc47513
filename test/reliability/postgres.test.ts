/**
 * The service survives its database: connections terminated mid-traffic (pg_terminate_backend),
 * the database unreachable at start and cut again later (a TCP proxy in front of the CI PostgreSQL
 * stands in for a restart). Meanwhile turns get a friendly "cannot reach the database, nothing is
 * lost", /readyz says 503, and it all recovers without a restart; every confirmed report is in
 * the database exactly once. Before the fix the first terminated idle connection killed the
 * process ("Unhandled 'error' event"), and a database down at start made it exit.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { describePostgres } from '../contracts/pgTestSchema';
import { FakeChannel, cardTexts } from '../helpers/channel';
import { driveReport, type DrivenReport } from '../helpers/report';
import { alive, chatWith, readyz, startService, type Service } from '../helpers/service';
import { TcpProxy } from '../helpers/tcpProxy';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The service's last log lines at warn level or above, and anything not JSON (a crash's stack). */
function troubleIn(service: Service, lines = 40): string {
  return service
    .output()
    .split('\n')
    .filter((l) => l.trim() && !l.includes('DeprecationWarning') && !/^\{"level":[23]0,/.test(l))
    .slice(-lines)
    .join('\n');
}

/**
 * Polls /readyz until it answers `status`; returns the seconds it took (bounded). A service that
 * has exited fails at once with its last log lines, instead of looking like a slow recovery.
 */
async function secondsUntilReady(service: Service, status: number, timeoutMs = 30_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (!alive(service))
      throw new Error(`the service exited while waiting for /readyz:\n${troubleIn(service)}`);
    if ((await readyz(service.port)) === status) return (Date.now() - started) / 1000;
    await sleep(100);
  }
  throw new Error(`/readyz did not answer ${status} within ${timeoutMs} ms:\n${troubleIn(service)}`);
}

function withParams(url: string, params: Record<string, string>): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.toString();
}

function summarise(runs: DrivenReport[]) {
  return {
    confirmed: runs.filter((r) => r.reference).length,
    friendly: runs.reduce((n, r) => n + r.friendly, 0),
    apologies: runs.reduce((n, r) => n + r.apologies, 0),
    silent: runs.reduce((n, r) => n + r.silent, 0),
    serverErrors: runs.reduce((n, r) => n + r.serverErrors, 0),
  };
}

describePostgres('the service when PostgreSQL drops connections or goes away', (url) => {
  const schema = `sg_rel_${randomBytes(4).toString('hex')}`;
  const channel = new FakeChannel();
  const dataDir = mkdtempSync(join(tmpdir(), 'sg-rel-pg-'));
  let admin: Pool;

  /** How often each confirmed reference is stored (a report lost is 0, a duplicate 2+). */
  async function stored(references: string[]): Promise<{ lost: number; duplicated: number }> {
    const { rows } = await admin.query<{ reference: string; n: string }>(
      `SELECT reference, count(*) AS n FROM ${schema}.reports WHERE reference = ANY($1) GROUP BY reference`,
      [references],
    );
    const counts = new Map(rows.map((r) => [r.reference, Number(r.n)]));
    return {
      lost: references.filter((r) => !counts.has(r)).length,
      duplicated: references.filter((r) => (counts.get(r) ?? 0) > 1).length,
    };
  }

  beforeAll(async () => {
    admin = new Pool({ connectionString: url, max: 2 });
    await admin.query(`CREATE SCHEMA ${schema}`);
    await channel.start();
  });
  afterAll(async () => {
    await channel.stop();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('connections terminated mid-traffic: no exit, friendly replies, every confirmed report stored once', async () => {
    const app = `sg_rel_${randomBytes(4).toString('hex')}`;
    const service = await startService({
      DATA_DIR: dataDir,
      STORAGE: 'postgres',
      DATABASE_URL: withParams(url, { application_name: app, options: `-c search_path=${schema}` }),
    });
    try {
      let traffic = true;
      let terminations = 0;
      let lastKill = Date.now();
      // Terminate every connection of the service every 500 ms while the reports are being made.
      const killer = (async () => {
        for (let round = 0; traffic && round < 400; round++) {
          const { rows } = await admin.query<{ ok: boolean }>(
            'SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = $1',
            [app],
          );
          terminations += rows.filter((r) => r.ok).length;
          if (rows.length > 0) lastKill = Date.now();
          await sleep(500);
        }
      })();
      const people = Array.from({ length: 3 }, (_, i) => ({
        userId: `pg-kill-${i}`,
        aadObjectId: `aad-pg-kill-${i}`,
        conversationId: `pg-kill-chat-${i}`,
      }));
      const runs = (
        await Promise.all(
          people.map(async (who) => {
            const chat = chatWith(() => service.port, channel, who);
            const mine: DrivenReport[] = [];
            for (let n = 0; n < 2; n++) mine.push(await driveReport(chat, 'hot-och-vald', `Fall ${n}.`));
            return mine;
          }),
        )
      ).flat();
      traffic = false;
      await killer;
      const recovery = await secondsUntilReady(service, 200);
      const figures = summarise(runs);
      const references = runs.flatMap((r) => (r.reference ? [r.reference] : []));
      const { lost, duplicated } = await stored(references);
      process.stdout.write(
        `[reliability] pg_terminate_backend: ${terminations} connections terminated during ${runs.length} reports; ` +
          `${figures.confirmed} confirmed, lost ${lost}, duplicated ${duplicated}, 5xx ${figures.serverErrors}, ` +
          `friendly "database unreachable" replies ${figures.friendly}, generic apologies ${figures.apologies}, ` +
          `unanswered ${figures.silent}; ready again ${((Date.now() - lastKill) / 1000).toFixed(1)} s after the last kill ` +
          `(${recovery.toFixed(1)} s after traffic stopped); process alive: ${alive(service)}\n`,
      );
      expect(alive(service)).toBe(true);
      expect(terminations).toBeGreaterThan(0);
      expect(figures.confirmed).toBe(runs.length);
      expect(lost).toBe(0);
      expect(duplicated).toBe(0);
      expect(figures.serverErrors).toBe(0);
      expect(figures.apologies).toBe(0);
    } finally {
      service.child.kill('SIGTERM');
      await service.exited;
    }
  }, 120_000);

  test('database unreachable at start and cut again later: the service stays up, says so, and recovers by itself', async () => {
    const target = new URL(url);
    const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.up(); // only to learn a free port
    await proxy.down();
    const via = new URL(url);
    via.hostname = '127.0.0.1';
    via.port = String(proxy.port);
    const service = await startService({
      DATA_DIR: dataDir,
      STORAGE: 'postgres',
      DATABASE_URL: withParams(via.toString(), { options: `-c search_path=${schema}` }),
    });
    const who = { userId: 'pg-cut', aadObjectId: 'aad-pg-cut', conversationId: 'pg-cut-chat' };
    const chat = chatWith(() => service.port, channel, who);
    const figures: string[] = [];
    try {
      // Down at start: up anyway, not ready, and a clear answer.
      await sleep(2_000);
      expect(alive(service)).toBe(true);
      expect(await readyz(service.port)).toBe(503);
      const whileDown = await chat({ text: 'rapportera' });
      expect(whileDown.status).toBe(200);
      expect(whileDown.replies.flatMap(cardTexts).join('\n')).toMatch(
        /når inte min databas.*Inget har gått förlorat/s,
      );

      await proxy.up();
      const firstUp = await secondsUntilReady(service, 200);
      figures.push(`ready ${firstUp.toFixed(1)} s after the database came up`);
      const before = await driveReport(chat, 'hot-och-vald', 'Före avbrottet.');

      // A cut while running (as a restart looks from here); a draft is started during it.
      await proxy.down();
      const notReady = await secondsUntilReady(service, 503);
      const cut = await driveReport(chat, 'otillaten-paverkan', 'Under avbrottet.', 6);
      expect(cut.reference).toBeUndefined();
      expect(cut.friendly).toBeGreaterThan(0);
      expect(alive(service)).toBe(true);
      await proxy.up();
      const back = await secondsUntilReady(service, 200);
      figures.push(
        `not ready ${notReady.toFixed(1)} s after the cut, ready ${back.toFixed(1)} s after it ended`,
      );
      const after = await driveReport(chat, 'otillaten-paverkan', 'Efter avbrottet.');

      const runs = [before, after];
      const references = runs.flatMap((r) => (r.reference ? [r.reference] : []));
      const { lost, duplicated } = await stored(references);
      const s = summarise([...runs, cut]);
      process.stdout.write(
        `[reliability] PostgreSQL down at start and cut mid-run (TCP proxy): ${figures.join('; ')}; ` +
          `${references.length}/2 reports confirmed, lost ${lost}, duplicated ${duplicated}, 5xx ${s.serverErrors}, ` +
          `friendly replies ${s.friendly}, generic apologies ${s.apologies}; process alive: ${alive(service)}\n`,
      );
      expect(references).toHaveLength(2);
      expect(lost).toBe(0);
      expect(duplicated).toBe(0);
      expect(s.serverErrors).toBe(0);
    } finally {
      await proxy.down();
      service.child.kill('SIGTERM');
      await service.exited;
    }
  }, 120_000);
});
