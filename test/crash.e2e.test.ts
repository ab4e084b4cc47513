/**
 * A report is committed before the person is told. The service is killed (SIGKILL, no shutdown)
 * at varied moments around "Skicka" (before the request is read, during the turn, while the
 * receipt is on its way), started again, and the channel retries the same "Skicka": every report
 * exists exactly once, and every receipt the person saw names that report. On SQLite and on
 * PostgreSQL (where TEST_DATABASE_URL is set).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { cardTexts, FakeChannel, teamsMessage } from './helpers/channel';
import { actionData } from './helpers/app';
import { fillField } from './helpers/report';
import { postActivity, startService, type Service } from './helpers/service';
import { getReportType } from '../src/report/reportTypes/steps';
import { TEST_DATABASE_URL } from './contracts/pgTestSchema';

const REFERENCE = /SG-\d{4}-\d{4,}/g;
/** When the kill comes, relative to posting "Skicka": ms after, or once the receipt is on its way. */
const MOMENTS: ReadonlyArray<number | 'receipt'> = ['receipt', 0, 15, 40, 'receipt', 5, 80, 25];

const channel = new FakeChannel();
beforeAll(() => channel.start());
afterAll(() => channel.stop());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function lastReply(port: number, who: { conversationId: string }, activity: Record<string, unknown>) {
  const before = channel.messages(who.conversationId).length;
  await postActivity(port, activity);
  await channel.waitForMessages(before + 1, 10_000, who.conversationId);
  await sleep(50);
  return channel.messages(who.conversationId).at(-1);
}

interface Trial {
  moment: number | 'receipt';
  receiptBeforeKill: boolean;
  listed: number;
  lost: boolean;
}

/** Kills the service `trials` times during a submission; returns what each trial found. */
async function killRepeatedly(env: Record<string, string>, trials: number, label: string): Promise<Trial[]> {
  const results: Trial[] = [];
  let service: Service = await startService(env);
  try {
    for (let i = 0; i < trials; i++) {
      const moment = MOMENTS[i % MOMENTS.length]!;
      const who = {
        userId: `crash-${label}-${i}`,
        aadObjectId: `aad-crash-${label}-${i}`,
        conversationId: `crash-${label}-${i}`,
      };
      const msg = (options: { text?: string; value?: unknown }) =>
        teamsMessage(channel.serviceUrl, { ...who, ...options });
      const port = service.port;
      let card = await lastReply(port, who, msg({ text: 'rapportera' }));
      card = await lastReply(port, who, msg({ value: actionData(card, 'report.safety', { danger: 'no' }) }));
      card = await lastReply(
        port,
        who,
        msg({ value: actionData(card, 'report.chooseType', { reportType: 'hot-och-vald' }) }),
      );
      for (const step of getReportType('hot-och-vald')!.steps) {
        const inputs = Object.fromEntries(step.fields.map((f) => [f.id, fillField(f, 'Hot vid entrén.')]));
        card = await lastReply(port, who, msg({ value: { ...actionData(card, 'report.next'), ...inputs } }));
      }
      const submit = msg({ value: actionData(card, 'report.submit') });

      let receiptSeen!: () => void;
      const receiptArrived = new Promise<void>((r) => (receiptSeen = r));
      channel.hold = (activity) => {
        const isReceipt = REFERENCE.test(JSON.stringify(activity));
        REFERENCE.lastIndex = 0;
        if (isReceipt) receiptSeen();
        return moment === 'receipt' && isReceipt;
      };
      void postActivity(port, submit, 5_000);
      if (moment === 'receipt') await receiptArrived;
      else await sleep(moment);
      service.child.kill('SIGKILL');
      await service.exited;
      channel.hold = undefined;
      const seenBefore = channel
        .messages(who.conversationId)
        .flatMap((a) => cardTexts(a).join('\n').match(REFERENCE) ?? []);

      // Restart on the same data; the channel retries the very same "Skicka".
      service = await startService(env);
      await lastReply(service.port, who, submit);
      const listed = new Set(
        cardTexts((await lastReply(service.port, who, msg({ text: 'mina rapporter' })))!)
          .join('\n')
          .match(REFERENCE) ?? [],
      );
      results.push({
        moment,
        receiptBeforeKill: seenBefore.length > 0,
        listed: listed.size,
        lost: seenBefore.some((r) => !listed.has(r)),
      });
    }
  } finally {
    // SIGTERM drains and closes storage: a clean exit, well within the grace period.
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
  }
  const figure = (t: Trial) => `${t.moment === 'receipt' ? 'at receipt' : `${t.moment} ms`}: ${t.listed}`;
  process.stdout.write(
    `[reliability] SIGKILL during submission on ${label}: ${results.length} kills ` +
      `(${results.filter((t) => t.receiptBeforeKill).length} after the receipt had gone out); ` +
      `lost ${results.filter((t) => t.lost || t.listed === 0).length}, duplicated ${results.filter((t) => t.listed > 1).length}; ` +
      `reports listed per trial [${results.map(figure).join(', ')}]\n`,
  );
  return results;
}

function expectExactlyOnce(results: Trial[]): void {
  for (const t of results) {
    expect({ moment: t.moment, listed: t.listed, lost: t.lost }).toEqual({
      moment: t.moment,
      listed: 1,
      lost: false,
    });
  }
}

test('SQLite: killed at varied moments around "Skicka", every report exists exactly once after restart and retry', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sg-crash-'));
  try {
    expectExactlyOnce(await killRepeatedly({ DATA_DIR: dataDir }, 5, 'SQLite'));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 240_000);

(TEST_DATABASE_URL ? test : test.skip)(
  'PostgreSQL: killed at varied moments around "Skicka", every report exists exactly once after restart and retry',
  async () => {
    const url = TEST_DATABASE_URL!;
    const schema = `sg_crash_${randomBytes(4).toString('hex')}`;
    const admin = new Pool({ connectionString: url, max: 1 });
    await admin.query(`CREATE SCHEMA ${schema}`);
    const dataDir = mkdtempSync(join(tmpdir(), 'sg-crash-pg-'));
    try {
      const u = new URL(url);
      u.searchParams.set('options', `-c search_path=${schema}`);
      const results = await killRepeatedly(
        { DATA_DIR: dataDir, STORAGE: 'postgres', DATABASE_URL: u.toString() },
        4,
        'PostgreSQL',
      );
      expectExactlyOnce(results);
      const { rows } = await admin.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.reports`);
      expect(Number(rows[0]!.n)).toBe(results.length);
    } finally {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
  240_000,
);
