/**
 * The service over real HTTP, played like the Teams channel: activities are POSTed to
 * /api/messages and the bot's replies arrive at a local fake channel (the activity's serviceUrl).
 */
import { cardTexts, teamsMessage } from './helpers/channel';
import { actionData, Harness } from './helpers/app';

const h = new Harness();
const msg = (text: string, extra: Parameters<typeof teamsMessage>[1] = {}) =>
  teamsMessage(h.channel.serviceUrl, { text, ...extra });
const texts = (replies: Awaited<ReturnType<Harness['send']>>) => replies.flatMap(cardTexts).join('\n');

beforeAll(() => h.start());
afterAll(() => h.stop());

describe('health', () => {
  test('GET /healthz says the process is alive and /readyz that it is ready', async () => {
    const port = h.app!.port;
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});

describe('questions over HTTP without credentials', () => {
  test('"En förälder hotade mig, vad gör jag?" gets an answer card that names its source', async () => {
    const replies = await h.send(msg('En förälder hotade mig, vad gör jag?'));
    const all = texts(replies);
    expect(all).toMatch(/Ring 112/);
    expect(all).toMatch(/Källa: /);
    expect(all).toMatch(/Senast granskad: \d{4}-\d{2}-\d{2}/);
    expect(all).toContain('[Rapportera händelsen]');
  });

  test.each(['asdfgh qwerty', 'Blir det regn i helgen?'])(
    '%j gets the honest fallback with the security contact',
    async (q) => {
      const all = texts(await h.send(msg(q)));
      expect(all).toContain('Det vet jag tyvärr inte');
      expect(all).toMatch(/Du kan också kontakta: säkerhetsfunktionen/);
    },
  );

  test.each([
    ['sv', 'hjälp, en främling håller fast mig i trapphuset och släpper inte, vem ringer jag'],
    ['en', 'a stranger is holding on to me right now and won’t let go, who do I call?'],
    // Two the word rules do not name (src/search/dangerClassifier.test.ts): the learned model's.
    ['sv', 'det luktar konstigt i källaren och två kollegor har börjat hosta och känna sig yra'],
    ['en', 'the ceiling in the gym is cracking and kids are still inside'],
  ])('a %s danger-now message gets the 112 card as its first reply', async (_lang, q) => {
    const replies = await h.send(msg(q, { conversationId: `danger-${_lang}-${q.length}` }));
    const first = replies.filter((r) => r.type === 'message')[0];
    expect(first).toBeDefined();
    const firstText = cardTexts(first!).join('\n');
    expect(firstText).toMatch(/^112\b/);
    expect(firstText).toMatch(_lang === 'en' ? /Call 112/ : /Ring 112/);
  });

  test('a question that shares words with danger but plans ahead gets no 112 card', async () => {
    const replies = await h.send(msg('hur gör jag en riskbedömning för hot', { conversationId: 'plan-1' }));
    const texts0 = cardTexts(replies.filter((r) => r.type === 'message')[0]!).join('\n');
    expect(texts0).not.toMatch(/^112\b/);
  });

  test('English questions get the bot’s own texts in English', async () => {
    const all = texts(await h.send(msg('hello, what can you do?', { locale: 'en-US' })));
    expect(all).toMatch(/What I can help with|I am Säkerhetsguiden/);
  });

  test('a Swedish question from an English Teams client gets the bot’s texts in Swedish', async () => {
    const all = texts(
      await h.send(msg('vad kan du göra?', { locale: 'en-US', conversationId: 'en-client' })),
    );
    expect(all).toContain('Det här kan jag hjälpa till med');
  });

  test('in a group chat the @mention is stripped before matching', async () => {
    const activity = msg('<at>Säkerhetsguiden</at> hjälp', { conversationId: 'group-1' });
    activity.conversation = { id: 'group-1', conversationType: 'groupChat', isGroup: true };
    activity.entities = [
      {
        type: 'mention',
        text: '<at>Säkerhetsguiden</at>',
        mentioned: { id: 'bot-1', name: 'Säkerhetsguiden' },
      },
    ];
    expect(texts(await h.send(activity))).toContain('Det här kan jag hjälpa till med');
  });

  test('a new member gets the welcome card', async () => {
    const activity = {
      ...msg(''),
      type: 'conversationUpdate',
      text: undefined,
      conversation: { id: 'welcome-conv' },
      membersAdded: [{ id: 'user-9' }],
    };
    expect(texts(await h.send(activity))).toContain('Hej! Jag är Säkerhetsguiden');
  });
});

describe('bad input loses nothing and never gives a 500', () => {
  test.each([
    ['no verb', { foo: 'bar' }],
    ['an unknown verb', { verb: 'nope.nope' }],
    ['a verb that is not a string', { verb: 42 }],
    ['kb.open without a topic', { verb: 'kb.open' }],
    ['kb.open with an odd topic id', { verb: 'kb.open', topicId: '../../etc/passwd' }],
    ['feedback with odd values', { verb: 'kb.feedback', topicId: 'hv-akut-hotad-nu', helpful: { $gt: '' } }],
    ['a report step with no draft', { verb: 'report.next', draftId: 'x', beskrivning: 'y' }],
    [
      'a status change from a stranger',
      { verb: 'reports.setStatus', reference: 'SG-2026-000001', status: 'avslutad' },
    ],
  ])('a card submit with %s gets a friendly card', async (_name, value) => {
    const replies = await h.send(teamsMessage(h.channel.serviceUrl, { value }));
    expect(replies.length).toBeGreaterThan(0);
    expect(texts(replies)).not.toMatch(/error|exception|stack/i);
  });

  test('a malformed body is refused with 4xx, not 500', async () => {
    expect(await h.post('{"type": "message", ', true)).toBeLessThan(500);
    expect(await h.post({ nonsense: true })).toBeLessThan(500);
  });

  test('text with ${...}, emoji, right-to-left and a huge paste is handled', async () => {
    for (const text of [
      '${process.exit(1)} hotad',
      '🙂🙂 שלום hotad på jobbet',
      `hotad ${'å'.repeat(30_000)}`,
    ]) {
      const replies = await h.send(msg(text));
      expect(replies.length).toBeGreaterThan(0);
    }
    expect((await fetch(`http://127.0.0.1:${h.app!.port}/healthz`)).status).toBe(200);
  });
});

describe('who is responsible', () => {
  test('"vem ansvarar för informationssäkerheten?" gives roles with duties and contacts', async () => {
    const all = texts(await h.send(msg('vem ansvarar för informationssäkerheten?', { userId: 'chef-1' })));
    expect(all).toContain('Vem ansvarar för informationssäkerhet?');
    expect(all).toMatch(/Kommunfullmäktige/);
    expect(all).toMatch(/Grund: /);
    expect(all).toMatch(/Kontakt: /);
  });

  test('after "jag jobbar på Järva" the contacts shown are Järva’s', async () => {
    const set = texts(await h.send(msg('jag jobbar på Järva', { userId: 'chef-1' })));
    expect(set).toContain('Järva stadsdelsförvaltning');
    const all = texts(await h.send(msg('vem ansvarar för informationssäkerheten?', { userId: 'chef-1' })));
    expect(all).toMatch(/Kontakt: IT-säkerhetsfunktionen \(Järva stadsdelsförvaltning\)/);
    expect(all).toContain('Kontakter för Järva stadsdelsförvaltning.');
  });

  test('the organisation is kept in user state across conversations', async () => {
    const all = texts(
      await h.send(
        msg('vad gör en säkerhetssamordnare?', { userId: 'chef-1', conversationId: 'other-conv' }),
      ),
    );
    expect(all).toMatch(/Säkerhetssamordnare/);
    expect(all).toContain('Järva');
  });

  test('the manager question gets the manager’s checklist', async () => {
    const all = texts(await h.send(msg('vad måste jag göra som chef när en medarbetare hotats?')));
    expect(all).toMatch(/Chefens checklista/);
    expect(all).toMatch(/1\. /);
    expect(all).toMatch(/Arbetsmiljöverket/);
    expect(all).toMatch(/utan dröjsmål/i);
  });

  test('"roller" starts a guided browse: area, then the responsible roles', async () => {
    const browse = await h.send(msg('roller'));
    expect(texts(browse)).toContain('Vem gör vad? Välj ett område');
    const area = await h.send(
      teamsMessage(h.channel.serviceUrl, { value: { verb: 'roles.area', area: 'IS' } }),
    );
    expect(texts(area)).toMatch(/Informationssäkerhet och dataskydd: vem gör vad/);
    const resp = await h.send(
      teamsMessage(h.channel.serviceUrl, { value: actionData(area[0], 'roles.resp') }),
    );
    expect(texts(resp)).toMatch(/Vem ansvarar för/);
  });

  test('"byt förvaltning" shows a searchable choice and saving it changes the organisation', async () => {
    const card = await h.send(msg('byt förvaltning', { userId: 'chef-2' }));
    expect(JSON.stringify(card[0]?.attachments)).toContain('"style":"filtered"');
    const saved = await h.send(
      teamsMessage(h.channel.serviceUrl, {
        userId: 'chef-2',
        value: { verb: 'org.set', organisationId: 'skarpnack' },
      }),
    );
    expect(texts(saved)).toMatch(/Skarpnäck/);
    const bad = await h.send(
      teamsMessage(h.channel.serviceUrl, {
        userId: 'chef-2',
        value: { verb: 'org.set', organisationId: 'narnia' },
      }),
    );
    expect(texts(bad)).toMatch(/Välj en förvaltning/);
  });
});
