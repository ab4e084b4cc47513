import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type RunningApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { silentLogger, type Logger } from '../../src/logger';
import { FakeChannel, type Recorded } from './channel';

/** The real service on a free port with a fake channel beside it, as the HTTP tests use it. */
export class Harness {
  readonly channel = new FakeChannel();
  app: RunningApp | undefined;
  readonly dataDir = mkdtempSync(join(tmpdir(), 'sg-e2e-'));

  constructor(
    private readonly env: Record<string, string> = {},
    private readonly logger: Logger = silentLogger,
  ) {}

  async start(): Promise<void> {
    if (!this.channel.port) await this.channel.start();
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: this.dataDir,
      OUTBOX_POLL_MS: '100',
      SHUTDOWN_GRACE_MS: '2000',
      // Tests send turns back to back from one user; the limit has its own test (test/access.e2e.test.ts).
      RATE_LIMIT_PER_MINUTE: '10000',
      ...this.env,
    });
    this.app = await startApp(config, this.logger);
  }

  /** Stops the service (as on SIGTERM) but keeps DATA_DIR, so a restart finds everything. */
  async restart(): Promise<void> {
    await this.app?.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    await this.app?.stop();
    await this.channel.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** POSTs an activity to /api/messages; resolves with the HTTP status. */
  async post(activity: unknown, raw = false): Promise<number> {
    const res = await fetch(`http://127.0.0.1:${this.app!.port}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: raw ? (activity as string) : JSON.stringify(activity),
    });
    await res.text();
    return res.status;
  }

  /** Sends an activity and returns the bot's replies to it (waits until they stop coming). */
  async send(activity: Record<string, unknown>, quietMs = 150): Promise<Recorded['activity'][]> {
    const conversationId = (activity.conversation as { id: string }).id;
    const before = this.channel.messages(conversationId).length;
    const status = await this.post(activity);
    if (status >= 300) throw new Error(`HTTP ${status}`);
    let count = -1;
    while (count !== this.channel.messages(conversationId).length) {
      count = this.channel.messages(conversationId).length;
      await new Promise((r) => setTimeout(r, quietMs));
    }
    return this.channel.messages(conversationId).slice(before);
  }
}

/** The data of the first Action.Submit with this verb in a reply's card (what a click would send). */
export function actionData(
  activity: Recorded['activity'] | undefined,
  verb: string,
  extra: Record<string, string> = {},
): Record<string, unknown> {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, unknown>;
    const data = o.data as Record<string, unknown> | undefined;
    if ((o.type === 'Action.Submit' || o.type === 'Action.Execute') && data?.verb === verb) {
      const match = Object.entries(extra).every(([k, v]) => data[k] === v);
      if (match) found = { ...data };
    }
    Object.values(o).forEach(walk);
  };
  for (const a of activity?.attachments ?? []) walk(a.content);
  if (!found) throw new Error(`no action ${verb} ${JSON.stringify(extra)} in card`);
  return found;
}

/** Input ids on a card (what the client would merge into the submit). */
export function inputIds(activity: Recorded['activity'] | undefined): string[] {
  const ids: string[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string') ids.push(o.id);
    Object.values(o).forEach(walk);
  };
  for (const a of activity?.attachments ?? []) walk(a.content);
  return ids;
}
