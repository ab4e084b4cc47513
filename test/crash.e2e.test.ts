/**
 * A report is committed before the person is told: kill the process (SIGKILL, no shutdown) while
 * the receipt is on its way, start it again, let the channel retry "Skicka", and find exactly one report.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cardTexts, FakeChannel, teamsMessage } from './helpers/channel';
import { actionData } from './helpers/app';
import { fillField } from './helpers/report';
import { getReportType } from '../src/report/reportTypes/steps';

const REPO = join(__dirname, '..');
const dataDir = mkdtempSync(join(tmpdir(), 'sg-crash-'));
const channel = new FakeChannel();
const who = { userId: 'crash-user', aadObjectId: 'aad-crash', conversationId: 'crash-chat' };

/** Starts the real service as its own process; resolves with its port once it listens. */
function startService(): Promise<{ child: ChildProcess; port: number }> {
  // `node --import tsx` runs the service in this very process (the tsx CLI would fork a child that a
  // SIGKILL of the CLI leaves running).
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'src', 'index.ts')], {
    cwd: REPO,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      OUTBOX_POLL_MS: '100',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`service did not start: ${out}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /"event":"server.listening","port":(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]) });
      }
    });
    child.on('exit', (code) => reject(new Error(`service exited ${code}: ${out}`)));
  });
}

async function send(port: number, activity: Record<string, unknown>): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(activity),
  });
  await res.text();
}

async function lastReply(port: number, activity: Record<string, unknown>) {
  const before = channel.messages(who.conversationId).length;
  await send(port, activity);
  await channel.waitForMessages(before + 1, 10_000, who.conversationId);
  return channel.messages(who.conversationId).at(-1);
}

beforeAll(() => channel.start());
afterAll(async () => {
  await channel.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('killed between the durable write and the reply: exactly one report after restart and retry', async () => {
  const first = await startService();
  const msg = (options: { text?: string; value?: unknown }) =>
    teamsMessage(channel.serviceUrl, { ...who, ...options });
  let card = await lastReply(first.port, msg({ text: 'rapportera' }));
  card = await lastReply(first.port, msg({ value: actionData(card, 'report.safety', { danger: 'no' }) }));
  card = await lastReply(
    first.port,
    msg({ value: actionData(card, 'report.chooseType', { reportType: 'hot-och-vald' }) }),
  );
  for (const step of getReportType('hot-och-vald')!.steps) {
    const inputs = Object.fromEntries(step.fields.map((f) => [f.id, fillField(f, 'Hot vid entrén.')]));
    card = await lastReply(first.port, msg({ value: { ...actionData(card, 'report.next'), ...inputs } }));
  }
  const submit = msg({ value: actionData(card, 'report.submit') });

  // The receipt reaches the channel but is never acknowledged: the process dies right there.
  let receiptSeen!: () => void;
  const receiptArrived = new Promise<void>((r) => (receiptSeen = r));
  channel.hold = (activity) => {
    const isReceipt = /SG-\d{4}-\d{4,}/.test(JSON.stringify(activity));
    if (isReceipt) receiptSeen();
    return isReceipt;
  };
  void send(first.port, submit).catch(() => undefined);
  await receiptArrived;
  first.child.kill('SIGKILL');
  await new Promise((r) => first.child.once('exit', r));
  channel.hold = undefined;

  // Restart on the same DATA_DIR; the channel retries the very same "Skicka".
  const second = await startService();
  try {
    const retried = await lastReply(second.port, submit);
    const retriedText = cardTexts(retried!).join('\n');
    const listed = cardTexts((await lastReply(second.port, msg({ text: 'mina rapporter' })))!).join('\n');
    const refs = new Set(listed.match(/SG-\d{4}-\d{4,}/g) ?? []);
    expect(refs.size).toBe(1);
    // the retry either shows the same receipt or says the form was already sent; never a second report
    expect((retriedText.match(/SG-\d{4}-\d{4,}/g) ?? []).every((r) => refs.has(r))).toBe(true);
  } finally {
    // SIGTERM drains and closes storage: a clean exit, well within the grace period.
    second.child.kill('SIGTERM');
    const code = await new Promise((r) => second.child.once('exit', r));
    expect(code).toBe(0);
  }
}, 120_000);
