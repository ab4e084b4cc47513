/**
 * Who may use the bot and how much, and what it tells Prometheus, over real HTTP: another tenant's
 * activity is refused politely, a person past the rate limit is asked to wait (nothing processed),
 * and GET /metrics serves Prometheus text that counts those turns.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { cardTexts, teamsMessage } from './helpers/channel';
import { Harness } from './helpers/app';

/** Every log line the service writes, parsed (a real pino logger writing to memory). */
const logLines: Array<Record<string, unknown>> = [];
const logger = pino(
  { level: 'info' },
  new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line.trim()) logLines.push(JSON.parse(line) as Record<string, unknown>);
      callback();
    },
  }),
);

const CITY = '8c1f7a3e-0000-4000-8000-00000000c17e';
const OTHER = '5e1d2b4a-0000-4000-8000-0000000e7e11';
const TOKEN = 'metrics-test-token';
const h = new Harness(
  {
    ALLOWED_TENANT_IDS: `${CITY}, 11111111-0000-4000-8000-000000000001`,
    RATE_LIMIT_PER_MINUTE: '3',
    METRICS_TOKEN: TOKEN,
  },
  logger,
);

/** A message from a tenant: both places Teams names it. */
function fromTenant(tenantId: string, text: string, userId: string): Record<string, unknown> {
  const activity = teamsMessage(h.channel.serviceUrl, { text, userId });
  return {
    ...activity,
    conversation: { ...(activity.conversation as object), tenantId },
    channelData: { tenant: { id: tenantId } },
  };
}

async function metricsText(): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${h.app!.port}/metrics`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  return res.text();
}

/** The value of one sample in Prometheus text, e.g. sample(text, 'sg_turns_total{kind="message",outcome="ok"}'). */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

beforeAll(() => h.start());
afterAll(() => h.stop());

describe('tenant allowlist', () => {
  test('a message from another tenant gets a polite Swedish refusal, no report card, and a log line with only the tenant id', async () => {
    logLines.length = 0;
    const replies = await h.send(fromTenant(OTHER, 'rapportera', 'outsider'));
    expect(replies).toHaveLength(1);
    const texts = cardTexts(replies[0]!).join('\n');
    expect(texts).toMatch(/Stockholms stad/);
    expect(texts).toMatch(/ring 112/);
    expect(replies[0]!.attachments ?? []).toHaveLength(0);

    const refused = logLines.filter((l) => l.event === 'tenant.refused');
    expect(refused).toHaveLength(1);
    expect(refused[0]!.tenantId).toBe(OTHER);
    const logged = JSON.stringify(logLines);
    expect(logged).not.toContain('outsider');
    expect(logged).not.toContain('rapportera');
  });

  test('a message from the city tenant (any listed id, any letter case) is answered as usual', async () => {
    const replies = await h.send(fromTenant(CITY.toUpperCase(), 'rapportera', 'employee'));
    expect(replies.some((r) => (r.attachments ?? []).length > 0)).toBe(true);
  });

  test('an activity that names no tenant is refused when a list is configured', async () => {
    const activity = teamsMessage(h.channel.serviceUrl, { text: 'hjälp', userId: 'anonymous' });
    const replies = await h.send({ ...activity, conversation: { id: 'conv-anonymous' }, channelData: {} });
    expect(cardTexts(replies[0]!).join('\n')).toMatch(/kan tyvärr inte användas/);
  });
});

describe('rate limit', () => {
  test('past 3 messages a minute, the person is asked in Swedish to wait and the message is not processed', async () => {
    for (let i = 0; i < 3; i++) {
      const replies = await h.send(fromTenant(CITY, 'hjälp', 'eager'));
      expect(cardTexts(replies[0]!).join('\n')).not.toMatch(/många meddelanden/);
    }
    const limited = await h.send(fromTenant(CITY, 'rapportera', 'eager'));
    expect(limited).toHaveLength(1);
    expect(limited[0]!.text).toMatch(/många meddelanden på kort tid/);
    expect(limited[0]!.attachments ?? []).toHaveLength(0);

    // Someone else is not affected.
    const other = await h.send(fromTenant(CITY, 'hjälp', 'calm'));
    expect(cardTexts(other[0]!).join('\n')).not.toMatch(/många meddelanden/);
  });
});

describe('GET /metrics', () => {
  test('without the bearer token it answers 401 and reveals nothing', async () => {
    const res = await fetch(`http://127.0.0.1:${h.app!.port}/metrics`);
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain('sg_');
    const wrong = await fetch(`http://127.0.0.1:${h.app!.port}/metrics`, {
      headers: { authorization: 'Bearer wrong-token-wrong-token' },
    });
    expect(wrong.status).toBe(401);
  });

  test('parses as Prometheus text and counts a turn, the refusals, answers and the outbox', async () => {
    const before = await metricsText();
    const okBefore = sample(before, 'sg_turns_total{kind="message",outcome="ok"}') ?? 0;
    await h.send(fromTenant(CITY, 'en pappa hotade mig på förskolan, vad gör jag?', 'counted'));
    const text = await metricsText();

    // Every line is a comment or `name{labels} value`.
    for (const line of text.split('\n').filter((l) => l.trim())) {
      expect(line).toMatch(
        /^(# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .*|[a-zA-Z_:][a-zA-Z0-9_:]*(\{[^}]*\})? -?[0-9.e+-]+|.* (NaN|[+-]Inf))$/,
      );
    }
    expect(sample(text, 'sg_turns_total{kind="message",outcome="ok"}')).toBe(okBefore + 1);
    expect(sample(text, 'sg_turns_total{kind="message",outcome="tenant_refused"}')).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'sg_turns_total{kind="message",outcome="rate_limited"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'sg_rate_limited_turns_total')).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^sg_turn_duration_seconds_bucket\{le="0\.1",kind="message"\} \d+$/m);
    expect(text).toMatch(/^sg_answers_total\{outcome="(answer|clarify|fallback|danger|roles)"\} [1-9]/m);
    expect(text).toMatch(/^sg_answer_confidence_bucket\{le="1",outcome="[a-z]+"\} [1-9]/m);
    expect(sample(text, 'sg_outbox_pending')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'sg_outbox_oldest_pending_age_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'sg_outbox_dead')).toBe(0);
    expect(text).toMatch(/^sg_process_resident_memory_bytes \d+/m);
    // Labels name kinds and outcomes only: no tenant, user or text.
    expect(text).not.toContain(OTHER);
    expect(text).not.toContain('counted');
  });
});

describe('request limits', () => {
  test('a body over 1 MB is refused with 413 and a fixed text, never a parser message', async () => {
    const big = JSON.stringify({ type: 'message', text: 'x'.repeat(1_100_000) });
    const res = await fetch(`http://127.0.0.1:${h.app!.port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: big,
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: 'request too large' });
  });

  test('malformed JSON gets 400 with a fixed text', async () => {
    const res = await fetch(`http://127.0.0.1:${h.app!.port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type": "message", "text": ',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'bad request' });
  });
});
