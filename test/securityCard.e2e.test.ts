/**
 * The security team's card in its channel, over HTTP: everyone sees the card as sent (no free
 * text, no buttons); each team member gets their own view with the status buttons through
 * Universal Actions' refresh (refresh.userIds, at most 60); a status set there updates the card in
 * place, for the clicker and for everyone.
 */
import { cardTexts, teamsMessage, type Recorded } from './helpers/channel';
import { Harness } from './helpers/app';
import { runReport } from './helpers/report';

const CHANNEL = 'security-team-channel';
const TEAM = { userId: '29:team-1', aadObjectId: 'aad-team-1', conversationId: 'team-1-chat' };
const REPORTER = {
  userId: '29:reporter-9',
  aadObjectId: 'aad-reporter-9',
  conversationId: 'reporter-9-chat',
};
const STRANGER = { userId: '29:stranger', aadObjectId: 'aad-stranger', conversationId: 'stranger-chat' };
type Json = Record<string, unknown>;

let h: Harness;

async function invoke(who: typeof TEAM, data: Json, replyToId?: string): Promise<Json> {
  const activity = {
    ...teamsMessage(h.channel.serviceUrl, { ...who, conversationId: CHANNEL }),
    conversation: { id: CHANNEL, conversationType: 'channel', isGroup: true },
    type: 'invoke',
    name: 'adaptiveCard/action',
    text: undefined,
    replyToId,
    value: { action: { type: 'Action.Execute', verb: data.verb, data }, trigger: 'automatic' },
  };
  const res = await fetch(`http://127.0.0.1:${h.app!.port}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(activity),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Json;
}

function statusButtons(card: unknown): Json[] {
  const out: Json[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    const o = n as Json;
    if (o.type === 'Action.Execute' && (o.data as Json | undefined)?.verb === 'reports.setStatus')
      out.push(o);
    Object.entries(o).forEach(([k, v]) => k !== 'fallback' && walk(v));
  };
  walk(card);
  return out;
}

beforeAll(async () => {
  h = new Harness();
  await h.channel.start();
  Object.assign(h as unknown as { env: Record<string, string> }, {
    env: {
      SECURITY_TEAM_AAD_OBJECT_IDS: TEAM.aadObjectId,
      SECURITY_CONVERSATION_REFERENCE: JSON.stringify({
        serviceUrl: h.channel.serviceUrl,
        channelId: 'msteams',
        conversation: { id: CHANNEL },
        bot: { id: 'bot-1' },
      }),
    },
  });
  await h.start();
});
afterAll(() => h.stop());

describe('the security team’s card in its channel', () => {
  let notification: Recorded['activity'];
  let reference = '';

  test('the card as sent: no free text and no buttons, and a refresh for the team members the bot knows', async () => {
    // The team member used the bot once, so their Teams id is known.
    await h.send(teamsMessage(h.channel.serviceUrl, { ...TEAM, text: 'alla rapporter' }));
    reference = (
      await runReport(h, 'hot-och-vald', REPORTER, 'Hemlig beskrivning som inte hör hemma i kanalen.')
    ).reference;
    notification = (await h.channel.waitForMessages(1, 5000, CHANNEL)).at(-1)!;
    const card = notification.attachments![0]!.content!;
    expect(cardTexts(notification).join('\n')).toContain(reference);
    expect(JSON.stringify(card)).not.toContain('Hemlig beskrivning');
    expect(statusButtons(card)).toEqual([]);
    expect(Number(card.version)).toBeGreaterThanOrEqual(1.4);
    const refresh = card.refresh as { action: Json; userIds: string[] };
    expect(refresh.userIds).toEqual([TEAM.userId]);
    expect(refresh.action).toMatchObject({ type: 'Action.Execute', verb: 'reports.card' });
  });

  test('a team member’s view (the refresh) has the status buttons, as Action.Execute', async () => {
    const res = await invoke(TEAM, { verb: 'reports.card', reference });
    expect(res.type).toBe('application/vnd.microsoft.card.adaptive');
    const buttons = statusButtons(res.value);
    expect(buttons.length).toBeGreaterThan(0);
    expect(JSON.stringify(res.value)).not.toContain('Hemlig beskrivning');
    expect((res.value as Json).refresh).toBeDefined();
  });

  test('anyone else asking for the team’s view learns nothing about the report', async () => {
    const res = await invoke(STRANGER, { verb: 'reports.card', reference });
    expect(res.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(res.value)).not.toContain(reference);
    expect(statusButtons(res.value)).toEqual([]);
  });

  test('a status set on the card updates it in place: the clicker’s view and the card everyone sees', async () => {
    const before = h.channel.messages(CHANNEL).length;
    const res = await invoke(
      TEAM,
      { verb: 'reports.setStatus', reference, status: 'under-utredning' },
      'note-1',
    );
    const texts = JSON.stringify(res.value);
    expect(texts).toContain('Under utredning');
    expect(statusButtons(res.value).length).toBeGreaterThan(0);
    const updated = h.channel.updated.filter((u) => u.conversationId === CHANNEL);
    expect(updated).toHaveLength(1);
    const everyone = updated[0]!.activity.attachments![0]!.content!;
    expect(JSON.stringify(everyone)).toContain('Under utredning');
    expect(statusButtons(everyone)).toEqual([]);
    expect(h.channel.messages(CHANNEL).length).toBe(before);
  });

  test('a stranger cannot set a status from the channel', async () => {
    const res = await invoke(STRANGER, { verb: 'reports.setStatus', reference, status: 'avslutad' });
    expect(JSON.stringify(res.value)).not.toContain('Avslutad');
  });
});
