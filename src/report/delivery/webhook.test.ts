import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { OutboxWorker } from './outbox';
import type { OutboxMessage } from '../store/repository';
import { SqliteReportRepository } from '../store/sqliteReportRepository';
import {
  WEBHOOK_DELIVERY_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
  createWebhookSender,
  signWebhook,
  verifyWebhookSignature,
  webhookBody,
} from './webhook';

const SECRET = 'test-secret-åäö';
const NOW = new Date('2026-03-10T09:00:00.000Z');

interface Received {
  method: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP receiver on 127.0.0.1 that answers with the next scripted status (200 when none left). */
class Receiver {
  readonly requests: Received[] = [];
  statuses: number[] = [];
  delayMs = 0;
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.requests.push({
          method: req.method,
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        const status = this.statuses.shift() ?? 200;
        setTimeout(() => {
          res.writeHead(status, { 'Content-Type': 'text/plain' });
          res.end(status === 200 ? 'ok' : 'nope');
        }, this.delayMs);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/sg`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

function message(overrides: Partial<OutboxMessage> = {}): OutboxMessage {
  return {
    id: 17,
    channel: 'webhook',
    reference: 'SG-2026-000123',
    attempts: 1,
    createdAt: NOW.toISOString(),
    leaseUntil: NOW.toISOString(),
    payload: {
      kind: 'created',
      reference: 'SG-2026-000123',
      type: 'otillaten-paverkan',
      status: 'mottagen',
      createdAt: '2026-03-10T08:59:59.000Z',
      organisationId: 'kulturforvaltningen',
    },
    ...overrides,
  };
}

describe('webhook sender against a local HTTP server', () => {
  const receiver = new Receiver();
  let url: string;

  beforeEach(async () => {
    receiver.requests.length = 0;
    receiver.statuses = [];
    receiver.delayMs = 0;
    url = await receiver.start();
  });

  afterEach(async () => {
    await receiver.stop();
  });

  it('posts the report facts as signed JSON that the receiver can verify', async () => {
    const send = createWebhookSender({ url, secret: SECRET, timeoutMs: 2000, clock: () => NOW });
    await send(message());
    expect(receiver.requests).toHaveLength(1);
    const [req] = receiver.requests;
    expect(req?.method).toBe('POST');
    expect(req?.headers['content-type']).toBe('application/json');
    expect(req?.headers[WEBHOOK_TIMESTAMP_HEADER.toLowerCase()]).toBe(String(NOW.getTime() / 1000));
    expect(req?.headers[WEBHOOK_DELIVERY_HEADER.toLowerCase()]).toBe('17');
    expect(JSON.parse(req?.body ?? '')).toEqual({
      reference: 'SG-2026-000123',
      type: 'otillaten-paverkan',
      status: 'mottagen',
      createdAt: '2026-03-10T08:59:59.000Z',
      organisationId: 'kulturforvaltningen',
    });
    const verification = {
      secret: SECRET,
      body: req?.body ?? '',
      timestamp: req?.headers[WEBHOOK_TIMESTAMP_HEADER.toLowerCase()] as string,
      signature: req?.headers[WEBHOOK_SIGNATURE_HEADER.toLowerCase()] as string,
      now: NOW,
    };
    expect(verification.signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(verification)).toBe(true);
    expect(verifyWebhookSignature({ ...verification, secret: 'wrong' })).toBe(false);
    expect(
      verifyWebhookSignature({ ...verification, body: verification.body.replace('mottagen', 'avslutad') }),
    ).toBe(false);
  });

  it('never sends fields beyond the facts, even if the payload carries more', async () => {
    const send = createWebhookSender({ url, secret: SECRET, timeoutMs: 2000 });
    await send(
      message({ payload: { ...message().payload, description: 'Hemlig text', reporterName: 'Alice' } }),
    );
    expect(receiver.requests[0]?.body).not.toContain('Hemlig');
    expect(receiver.requests[0]?.body).not.toContain('Alice');
  });

  it('without an organisation, organisationId is null', async () => {
    const payload = { ...message().payload };
    delete payload.organisationId;
    await createWebhookSender({ url, secret: SECRET, timeoutMs: 2000 })(message({ payload }));
    expect(JSON.parse(receiver.requests[0]?.body ?? '')).toMatchObject({ organisationId: null });
  });

  it.each([500, 503, 404, 301])(
    'when the receiver answers %i, the send throws with code http-%i',
    async (status) => {
      receiver.statuses = [status];
      const send = createWebhookSender({ url, secret: SECRET, timeoutMs: 2000 });
      await expect(send(message())).rejects.toMatchObject({ code: `http-${status}` });
    },
  );

  it('when the receiver is too slow, the send throws with code timeout', async () => {
    receiver.delayMs = 500;
    const send = createWebhookSender({ url, secret: SECRET, timeoutMs: 50 });
    await expect(send(message())).rejects.toMatchObject({ code: 'timeout' });
  });

  it('when nothing listens, the send throws with the connection error code', async () => {
    await receiver.stop();
    const send = createWebhookSender({ url, secret: SECRET, timeoutMs: 2000 });
    await expect(send(message())).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    url = await receiver.start();
  });

  it('through the outbox: a 503 is retried and the second attempt carries the same delivery id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-webhook-'));
    let now = NOW;
    const repo = new SqliteReportRepository(join(dir, 'reports.sqlite'), { clock: () => now });
    try {
      const { report } = await repo.create(
        {
          type: 'hot-och-vald',
          reporter: { userId: '29:alice' },
          answers: { description: 'Hemlig text' },
          idempotencyKey: 'd1',
        },
        [{ channel: 'webhook', payload: { kind: 'created' } }],
      );
      receiver.statuses = [503];
      const worker = new OutboxWorker({
        repository: repo,
        senders: { webhook: createWebhookSender({ url, secret: SECRET, timeoutMs: 2000 }) },
        logger: pino({ level: 'silent' }),
        clock: () => now,
        pollIntervalMs: 1000,
        batchSize: 5,
        maxAttempts: 5,
        backoff: () => 5000,
      });
      expect((await worker.runOnce()).failed).toBe(1);
      now = new Date(now.getTime() + 5000);
      expect((await worker.runOnce()).delivered).toBe(1);
      expect(receiver.requests.map((r) => r.headers[WEBHOOK_DELIVERY_HEADER.toLowerCase()])).toEqual([
        '1',
        '1',
      ]);
      expect(JSON.parse(receiver.requests[1]?.body ?? '')).toEqual({
        reference: report.reference,
        type: 'hot-och-vald',
        status: 'mottagen',
        createdAt: report.createdAt,
        organisationId: null,
      });
      expect(receiver.requests.map((r) => r.body).join('')).not.toContain('Hemlig');
    } finally {
      await repo.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('webhookBody', () => {
  it.each([
    ['no reference', { reference: undefined }],
    ['an unknown type', { type: 'spionage' }],
    ['an unknown status', { status: 'raderad' }],
    ['no createdAt', { createdAt: undefined }],
    ['a non-string organisation', { organisationId: 42 }],
  ])('a payload with %s fails permanently (retrying cannot help)', (_label, patch) => {
    const payload: Record<string, unknown> = { ...message().payload, ...patch };
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete payload[k];
    expect(() => webhookBody(message({ payload }))).toThrow(
      expect.objectContaining({ permanent: true, code: 'invalid-payload' }),
    );
  });
});

describe('verifyWebhookSignature', () => {
  const body = '{"reference":"SG-2026-000001"}';
  const timestamp = String(NOW.getTime() / 1000);
  const signature = signWebhook(SECRET, timestamp, body);

  it.each([
    ['a fresh, correct signature', {}, true],
    ['a timestamp 4 minutes old', { now: new Date(NOW.getTime() + 240_000) }, true],
    ['a timestamp 6 minutes old (replay)', { now: new Date(NOW.getTime() + 360_000) }, false],
    ['a timestamp 6 minutes in the future', { now: new Date(NOW.getTime() - 360_000) }, false],
    ['a missing signature', { signature: undefined }, false],
    ['a missing timestamp', { timestamp: undefined }, false],
    ['a signature without the sha256= prefix', { signature: signature.slice(7) }, false],
    ['a truncated signature', { signature: signature.slice(0, -2) }, false],
    [
      'an upper-case hex signature',
      { signature: signature.toUpperCase().replace('SHA256=', 'sha256=') },
      false,
    ],
    ['a non-numeric timestamp', { timestamp: 'yesterday' }, false],
    ['a timestamp other than the signed one', { timestamp: String(Number(timestamp) + 1) }, false],
  ])('%s → %s', (_label, patch, expected) => {
    expect(verifyWebhookSignature({ secret: SECRET, body, timestamp, signature, now: NOW, ...patch })).toBe(
      expected,
    );
  });
});
