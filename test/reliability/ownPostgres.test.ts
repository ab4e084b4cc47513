/**
 * A real PostgreSQL stop and start: the test initialises and runs its own server on a free port
 * (initdb/pg_ctl from /usr/lib/postgresql/<version>/bin, run as the postgres user), starts the
 * service while that server is still down, then stops and starts the server under it. The service
 * stays up, answers in the meantime, recovers by itself, and both reports are stored once.
 * Skipped (loudly) where the binaries or the postgres user are missing.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Pool } from 'pg';
import { FakeChannel, cardTexts } from '../helpers/channel';
import { driveReport } from '../helpers/report';
import { alive, chatWith, readyz, startService } from '../helpers/service';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function findBinaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const bin = readdirSync(root)
    .sort()
    .reverse()
    .map((v) => join(root, v, 'bin'))
    .find((d) => existsSync(join(d, 'initdb')) && existsSync(join(d, 'pg_ctl')));
  return bin;
}

function postgresUser(): { uid: number; gid: number } | undefined {
  try {
    if (process.getuid?.() !== 0) return undefined;
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

const BIN = findBinaries();
const USER = postgresUser();
const canOwn = BIN !== undefined && USER !== undefined;
if (!canOwn)
  process.stderr.write('Own-PostgreSQL test skipped: no initdb/pg_ctl or not root with a postgres user\n');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

async function secondsUntil(port: number, status: number, timeoutMs = 30_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if ((await readyz(port)) === status) return (Date.now() - started) / 1000;
    await sleep(100);
  }
  throw new Error(`/readyz did not answer ${status} within ${timeoutMs} ms`);
}

(canOwn ? test : test.skip)(
  'a PostgreSQL the test owns, down at start, stopped and started again: the service stays up and recovers',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-own-pg-'));
    chownSync(dir, USER!.uid, USER!.gid);
    const data = join(dir, 'data');
    const port = await freePort();
    const asPostgres = (cmd: string, args: string[]) =>
      run('runuser', ['-u', 'postgres', '--', join(BIN!, cmd), ...args], { timeout: 60_000 });
    const pgStart = () =>
      asPostgres('pg_ctl', [
        '-D',
        data,
        '-l',
        join(dir, 'log'),
        '-w',
        '-o',
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
        'start',
      ]);
    const pgStop = () => asPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    await asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    const channel = new FakeChannel();
    await channel.start();
    const dataDir = mkdtempSync(join(tmpdir(), 'sg-own-pg-data-'));
    const service = await startService({ DATA_DIR: dataDir, STORAGE: 'postgres', DATABASE_URL: url });
    const who = { userId: 'own-pg', aadObjectId: 'aad-own-pg', conversationId: 'own-pg-chat' };
    const chat = chatWith(() => service.port, channel, who);
    let running = false;
    try {
      expect(await readyz(service.port)).toBe(503);
      const early = await chat({ text: 'hej' });
      expect(early.replies.flatMap(cardTexts).join('\n')).toMatch(/når inte min databas/);

      await pgStart();
      running = true;
      const firstUp = await secondsUntil(service.port, 200);
      const first = await driveReport(chat, 'hot-och-vald', 'Före omstarten.');

      await pgStop();
      running = false;
      await secondsUntil(service.port, 503);
      const during = await chat({ text: 'mina rapporter' });
      expect(during.status).toBe(200);
      expect(during.replies.flatMap(cardTexts).join('\n')).toMatch(/når inte min databas/);
      expect(alive(service)).toBe(true);

      await pgStart();
      running = true;
      const back = await secondsUntil(service.port, 200);
      const second = await driveReport(chat, 'hot-och-vald', 'Efter omstarten.');

      const pool = new Pool({ connectionString: url, max: 1 });
      const { rows } = await pool.query<{ reference: string; n: string }>(
        'SELECT reference, count(*) AS n FROM reports GROUP BY reference',
      );
      await pool.end();
      const refs = [first.reference, second.reference].filter((r): r is string => r !== undefined);
      const counts = new Map(rows.map((r) => [r.reference, Number(r.n)]));
      const lost = refs.filter((r) => !counts.has(r)).length;
      const duplicated = refs.filter((r) => (counts.get(r) ?? 0) > 1).length;
      process.stdout.write(
        `[reliability] own PostgreSQL (pg_ctl) down at start, stopped and started: ready ${firstUp.toFixed(1)} s after the first start, ` +
          `${back.toFixed(1)} s after the restart; ${refs.length}/2 reports confirmed, lost ${lost}, duplicated ${duplicated}, ` +
          `5xx ${first.serverErrors + second.serverErrors}; process alive: ${alive(service)}\n`,
      );
      expect(refs).toHaveLength(2);
      expect(lost).toBe(0);
      expect(duplicated).toBe(0);
    } finally {
      service.child.kill('SIGTERM');
      await service.exited;
      if (running) await pgStop().catch(() => undefined);
      await channel.stop();
      rmSync(dir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
  120_000,
);
