import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An activity the bot sent to the channel. */
export interface Recorded {
  conversationId: string;
  activity: Record<string, unknown> & {
    type?: string;
    text?: string;
    attachments?: Array<{ content?: Record<string, unknown> }>;
  };
}

/**
 * A tiny stand-in for the Bot Framework channel: it receives the bot's replies (POST
 * /v3/conversations/:id/activities[/:replyTo]) on 127.0.0.1 and records them.
 */
export class FakeChannel {
  readonly received: Recorded[] = [];
  /** Messages the bot updated in place (PUT …/activities/:id): the activity with its id. */
  readonly updated: Recorded[] = [];
  private server: Server | undefined;
  private waiters: Array<() => void> = [];
  port = 0;
  /** Return true to never answer this POST (the bot's reply hangs, as when the process dies mid-reply). */
  hold: ((activity: Recorded['activity']) => boolean) | undefined;
  /** While set, every POST gets this status and nothing is recorded (a channel that is down: 503). */
  failWith: number | undefined;

  get serviceUrl(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  /** Listens on `port` (0: any free one; the same port again after stop() to come back up). */
  async start(port = 0): Promise<void> {
    this.server = createServer((req, res) => {
      void this.handle(req).then((status) => {
        if (status === 0) return; // held: no answer
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ id: `reply-${this.received.length}` }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', () => resolve()));
    this.port = (this.server.address() as AddressInfo).port;
  }

  private async handle(req: IncomingMessage): Promise<number> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const m = /\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
    if (req.method === 'POST' && m) {
      if (this.failWith !== undefined) return this.failWith;
      const body = Buffer.concat(chunks).toString('utf8');
      const activity = JSON.parse(body) as Recorded['activity'];
      this.received.push({ conversationId: decodeURIComponent(m[1] ?? ''), activity });
      this.waiters.splice(0).forEach((w) => w());
      return this.hold?.(activity) ? 0 : 200;
    }
    const put = /\/v3\/conversations\/([^/]+)\/activities\/([^/?]+)/.exec(req.url ?? '');
    if (req.method === 'PUT' && put) {
      const activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Recorded['activity'];
      this.updated.push({ conversationId: decodeURIComponent(put[1] ?? ''), activity });
      return 200;
    }
    return 404;
  }

  /** Non-typing messages received so far. */
  messages(conversationId?: string): Recorded['activity'][] {
    return this.received
      .filter((r) => r.activity.type !== 'typing' && (!conversationId || r.conversationId === conversationId))
      .map((r) => r.activity);
  }

  /** Waits until `count` messages (not typing) have arrived in total, or times out. */
  async waitForMessages(
    count: number,
    timeoutMs = 5000,
    conversationId?: string,
  ): Promise<Recorded['activity'][]> {
    const deadline = Date.now() + timeoutMs;
    while (this.messages(conversationId).length < count) {
      if (Date.now() > deadline)
        throw new Error(`expected ${count} messages, got ${this.messages(conversationId).length}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return this.messages(conversationId);
  }

  clear(): void {
    this.received.length = 0;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

let counter = 0;

/** A Teams-shaped message activity. */
export function teamsMessage(
  serviceUrl: string,
  options: {
    text?: string;
    value?: unknown;
    userId?: string;
    aadObjectId?: string;
    conversationId?: string;
    locale?: string;
  } = {},
): Record<string, unknown> {
  counter++;
  const userId = options.userId ?? 'user-1';
  return {
    type: 'message',
    id: `act-${counter}`,
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: userId, name: 'Testperson', aadObjectId: options.aadObjectId ?? `aad-${userId}` },
    conversation: {
      id: options.conversationId ?? `conv-${userId}`,
      conversationType: 'personal',
      tenantId: 'tenant-1',
    },
    recipient: { id: 'bot-1', name: 'Säkerhetsguiden' },
    locale: options.locale ?? 'sv-SE',
    text: options.text,
    value: options.value,
    channelData: { tenant: { id: 'tenant-1' } },
  };
}

/** Text of every TextBlock in a card, in order (for assertions on what a person sees). */
export function cardTexts(activity: Recorded['activity']): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if ((o.type === 'TextBlock' || o.type === 'TextRun') && typeof o.text === 'string') out.push(o.text);
      if (o.type === 'FactSet' && Array.isArray(o.facts))
        for (const f of o.facts as Array<{ title: string; value: string }>)
          out.push(`${f.title}: ${f.value}`);
      if (typeof o.title === 'string' && typeof o.type === 'string' && o.type.startsWith('Action.'))
        out.push(`[${o.title}]`);
      Object.values(o).forEach(walk);
    }
  };
  for (const a of activity.attachments ?? []) walk(a.content);
  if (typeof activity.text === 'string') out.unshift(activity.text);
  return out;
}
