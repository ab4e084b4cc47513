/**
 * Notifications really arrive: the security team's channel and the reporters' chats go down (one
 * answering 503, the other refusing connections) while reports are submitted and their status
 * changed; once they come back, every notification arrives exactly once. Before the fix the SDK
 * handed the failed proactive send to onTurnError, which swallowed it, and the outbox marked the
 * notification delivered: it never arrived.
 */
import { cardTexts, FakeChannel, teamsMessage, type Recorded } from '../helpers/channel';
import { Harness } from '../helpers/app';
import { runReport } from '../helpers/report';

type Outage = '503' | 'refused';
const TEAM = { userId: 'sec-rel', aadObjectId: 'aad-sec-rel', conversationId: 'sec-rel-chat' };
const SECURITY_CONVERSATION = 'security-channel';
const REPORTS = 3;
/** The SDK retries a send for about 11.5 s; the outage must outlast one whole attempt. */
const OUTAGE_MS = 14_000;
/** After recovery: the outbox's first backoff (5 s ± 20 %) plus one SDK attempt, with room. */
const DELIVERY_DEADLINE_MS = 40_000;

async function goDown(channel: FakeChannel, outage: Outage): Promise<void> {
  if (outage === '503') channel.failWith = 503;
  else await channel.stop();
}

async function comeBack(channel: FakeChannel, outage: Outage): Promise<void> {
  if (outage === '503') channel.failWith = undefined;
  else await channel.start(channel.port);
}

/** How many messages in `conversationId`, received from index `from` on, mention `reference`. */
function mentions(messages: Recorded[], from: number, conversationId: string, reference: string): number {
  return messages
    .slice(from)
    .filter((r) => r.conversationId === conversationId && r.activity.type !== 'typing')
    .filter((r) => cardTexts(r.activity).join('\n').includes(reference)).length;
}

interface Figures {
  security: Outage;
  reporter: Outage;
  expected: number;
  delivered: number;
  lost: number;
  duplicated: number;
  secondsToDelivery: number;
}

async function scenario(securityOutage: Outage, reporterOutage: Outage): Promise<Figures> {
  const security = new FakeChannel();
  const team = new FakeChannel();
  await Promise.all([security.start(), team.start()]);
  const h = new Harness({
    SECURITY_TEAM_AAD_OBJECT_IDS: TEAM.aadObjectId,
    SECURITY_CONVERSATION_REFERENCE: JSON.stringify({
      channelId: 'msteams',
      serviceUrl: security.serviceUrl,
      conversation: { id: SECURITY_CONVERSATION, isGroup: true, conversationType: 'channel' },
      bot: { id: 'bot-1', name: 'Säkerhetsguiden' },
    }),
  });
  await h.start();
  try {
    const downAt = Date.now();
    await goDown(security, securityOutage);
    const references: string[] = [];
    for (let i = 0; i < REPORTS; i++) {
      const who = { userId: `rep-${i}`, aadObjectId: `aad-rep-${i}`, conversationId: `rep-chat-${i}` };
      references.push((await runReport(h, 'hot-och-vald', who, `Händelse ${i}.`)).reference);
    }
    const reporterFrom = h.channel.received.length;
    await goDown(h.channel, reporterOutage);
    for (const reference of references) {
      const before = team.messages(TEAM.conversationId).length;
      const status = await h.post(
        teamsMessage(team.serviceUrl, {
          ...TEAM,
          value: { verb: 'reports.setStatus', reference, status: 'under-utredning' },
        }),
      );
      expect(status).toBe(200);
      await team.waitForMessages(before + 1, 5_000, TEAM.conversationId);
    }
    await new Promise((r) => setTimeout(r, Math.max(0, downAt + OUTAGE_MS - Date.now())));

    const recoveredAt = Date.now();
    await Promise.all([comeBack(security, securityOutage), comeBack(h.channel, reporterOutage)]);
    const count = () =>
      references.map((ref, i) => [
        mentions(security.received, 0, SECURITY_CONVERSATION, ref),
        mentions(h.channel.received, reporterFrom, `rep-chat-${i}`, ref),
      ]);
    const deadline = recoveredAt + DELIVERY_DEADLINE_MS;
    while (
      count()
        .flat()
        .some((n) => n === 0) &&
      Date.now() < deadline
    )
      await new Promise((r) => setTimeout(r, 100));
    const secondsToDelivery = (Date.now() - recoveredAt) / 1000;
    // Anything sent twice would arrive within another poll or two: look again a little later.
    await new Promise((r) => setTimeout(r, 1_500));
    const counts = count().flat();
    return {
      security: securityOutage,
      reporter: reporterOutage,
      expected: counts.length,
      delivered: counts.filter((n) => n > 0).length,
      lost: counts.filter((n) => n === 0).length,
      duplicated: counts.filter((n) => n > 1).length,
      secondsToDelivery,
    };
  } finally {
    await h.stop();
    await Promise.all([security.stop(), team.stop()]);
  }
}

test('with the notification targets down (503, connection refused), every notification arrives exactly once after they return', async () => {
  // Both outage kinds on both notification kinds, side by side to keep the wall time down.
  const figures = await Promise.all([scenario('503', 'refused'), scenario('refused', '503')]);
  for (const f of figures)
    process.stdout.write(
      `[reliability] notifications: security target ${f.security}, reporter target ${f.reporter}: ` +
        `${f.delivered}/${f.expected} delivered, lost ${f.lost}, duplicated ${f.duplicated}, ` +
        `${f.secondsToDelivery.toFixed(1)} s from recovery to the last delivery\n`,
    );
  for (const f of figures) {
    expect(f.lost).toBe(0);
    expect(f.duplicated).toBe(0);
  }
}, 120_000);
