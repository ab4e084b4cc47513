/**
 * Hostile input: a generated corpus of well over 1 000 malformed or odd requests (wrong types for
 * every envelope field, huge and deep bodies, odd Unicode, `${...}`, forged verbs, ids and
 * references, unsupported invokes, raw garbage). Zero 5xx, zero crashes, zero cross-user reads.
 * Also: an unreachable serviceUrl does not hold the request for the SDK's ~11.5 s of retries.
 */
import { cardTexts, teamsMessage } from '../helpers/channel';
import { Harness } from '../helpers/app';
import { runReport } from '../helpers/report';
import { VERBS as DECLARED_VERBS } from '../../src/cards/verbs';

const h = new Harness();
const VICTIM = { userId: 'victim', aadObjectId: 'aad-victim', conversationId: 'victim-chat' };
const SECRET = 'HEMLIG-uppgift-7731';
let victimReference = '';

beforeAll(async () => {
  await h.start();
  victimReference = (await runReport(h, 'hot-och-vald', VICTIM, `${SECRET} hotade mig.`)).reference;
}, 60_000);
afterAll(() => h.stop());

/** A small deterministic generator, so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ODD_VALUES: unknown[] = [
  null,
  0,
  -1,
  12.5,
  true,
  false,
  '',
  ' ',
  [],
  [1, 'x', null],
  {},
  { $: 1, __proto__: { polluted: true } },
  'x'.repeat(5_000),
  '${process.exit(1)}',
  '\u202Eevil\u202C',
  '\u0000\u0001\u0007',
  '\ud800',
  '🙂'.repeat(50),
];

const ODD_TEXTS = [
  '${process.exit(1)} hotad',
  '${user.name} ${$root} ${if(true, "a", "b")}',
  'öppna SG-2026-000001',
  `öppna ${'SG-2026-'}${'9'.repeat(40)}`,
  'mina rapporter',
  'alla rapporter',
  'registrera säkerhetskanal',
  '\u202Eתשובה\u202C hot',
  'Z̷̢̧a̵̛l̸g̷o̴ ̵t̸e̷x̶t̴',
  '\u200B\u200C\u200D\uFEFF',
  '\ud83d',
  'a\u0000b',
  '<at>Bot</at> <script>alert(1)</script>',
  '%s%s%s%n',
  '{{7*7}} {{constructor.constructor("return 1")()}}',
  ' '.repeat(10_000),
  'hot '.repeat(30_000),
];

/** Every declared verb (from the one verb table), then forged ones no handler may trip over. */
const VERBS = [...DECLARED_VERBS, '__proto__', 'constructor', 'toString', '', 'report.next.evil'];

const INVOKE_NAMES = [
  'composeExtension/query',
  'composeExtension/fetchTask',
  'task/fetch',
  'task/submit',
  'adaptiveCard/action',
  'signin/verifyState',
  'healthCheck',
  'unknown/thing',
  '',
];

/** Fields of the envelope (dotted paths) that get every odd value in turn. */
const FIELDS = [
  'type',
  'id',
  'serviceUrl',
  'channelId',
  'from',
  'from.id',
  'from.name',
  'from.aadObjectId',
  'recipient',
  'recipient.id',
  'conversation',
  'conversation.id',
  'conversation.conversationType',
  'conversation.tenantId',
  'conversation.isGroup',
  'text',
  'locale',
  'timestamp',
  'localTimestamp',
  'value',
  'entities',
  'attachments',
  'channelData',
  'membersAdded',
  'name',
  'replyToId',
];

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const p of parts.slice(0, -1)) {
    if (typeof node[p] !== 'object' || node[p] === null) node[p] = {};
    node = node[p] as Record<string, unknown>;
  }
  node[parts.at(-1)!] = value;
}

/** `levels` nested objects as JSON text, each carrying a verb. */
function deep(levels: number): string {
  return '{"verb":"report.next","a":'.repeat(levels) + '1' + '}'.repeat(levels);
}

interface Request {
  kind: string;
  body: string;
  contentType?: string;
}

/** The corpus: every activity comes from an attacker conversation (never the victim's). */
function corpus(serviceUrl: string): Request[] {
  const random = prng(20261201);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  let n = 0;
  const attacker = () => {
    n++;
    const userId = `attacker-${n % 17}`;
    // One conversation per request, so a reply can be traced to what caused it.
    return { userId, aadObjectId: `aad-${userId}`, conversationId: `attacker-chat-${n}` };
  };
  const json = (kind: string, activity: unknown): Request => ({ kind, body: JSON.stringify(activity) });
  const out: Request[] = [];

  for (const field of FIELDS)
    for (const value of ODD_VALUES) {
      const activity = teamsMessage(serviceUrl, { ...attacker(), text: 'hot och våld' });
      setPath(activity, field, structuredClone(value));
      out.push(json(`wrong type: ${field}`, activity));
    }
  for (const text of ODD_TEXTS)
    for (let i = 0; i < 6; i++) out.push(json('odd text', teamsMessage(serviceUrl, { ...attacker(), text })));
  for (let i = 0; i < 300; i++) {
    const value: Record<string, unknown> = { verb: pick(VERBS) };
    const extras: Array<[string, unknown]> = [
      [
        'reference',
        pick([
          victimReference,
          victimReference.toLowerCase(),
          ` ${victimReference} `,
          'SG-0000-0000',
          pick(ODD_VALUES),
        ]),
      ],
      ['status', pick(['avslutad', 'mottagen', 'hackad', pick(ODD_VALUES)])],
      ['draftId', pick(['00000000-0000-0000-0000-000000000000', pick(ODD_VALUES)])],
      ['reportType', pick(['hot-och-vald', 'okand', pick(ODD_VALUES)])],
      ['danger', pick(['no', 'yes', pick(ODD_VALUES)])],
      ['area', pick(['IS', '../../etc/passwd', pick(ODD_VALUES)])],
      ['topicId', pick(['x', pick(ODD_VALUES)])],
      ['description', '${process.exit(1)}'],
    ];
    for (const [k, v] of extras) if (random() < 0.5) value[k] = v;
    out.push(json('forged verb', teamsMessage(serviceUrl, { ...attacker(), value })));
  }
  for (let i = 0; i < 40; i++)
    out.push(
      json(
        'open the victim report',
        teamsMessage(serviceUrl, { ...attacker(), text: `öppna ${victimReference}` }),
      ),
    );
  for (let i = 0; i < 90; i++) {
    const activity = teamsMessage(serviceUrl, attacker());
    activity.type = 'invoke';
    activity.name = pick(INVOKE_NAMES);
    activity.value = pick([
      { action: { type: 'Action.Execute', verb: pick(VERBS), data: { reference: victimReference } } },
      { commandId: 'search', parameters: [{ name: 'q', value: '${x}' }] },
      { data: { verb: 'reports.open', reference: victimReference } },
      pick(ODD_VALUES),
    ]);
    out.push(json(`invoke ${String(activity.name)}`, activity));
  }
  for (const type of [
    'conversationUpdate',
    'installationUpdate',
    'messageReaction',
    'event',
    'typing',
    'endOfConversation',
    'deleteUserData',
    'x'.repeat(100),
    'Message',
    'trace',
  ]) {
    for (let i = 0; i < 4; i++) {
      const activity = teamsMessage(serviceUrl, attacker());
      activity.type = type;
      activity.action = pick(['add', 'remove', 'upgrade', pick(ODD_VALUES)]);
      activity.name = pick(['ContinueConversation', 'x', pick(ODD_VALUES)]);
      activity.membersAdded = pick([[{ id: 'bot-1' }], [{ id: 'someone' }], [{}], pick(ODD_VALUES)]);
      out.push(json(`type ${type.slice(0, 20)}`, activity));
    }
  }
  for (const levels of [10, 100, 1_000, 10_000, 100_000]) {
    // Built as text: JSON.stringify itself cannot go that deep.
    const shell = JSON.stringify(teamsMessage(serviceUrl, { ...attacker(), value: 'DEEP' }));
    out.push({ kind: `deep value ${levels}`, body: shell.replace('"DEEP"', deep(levels)) });
  }
  out.push(json('huge text', teamsMessage(serviceUrl, { ...attacker(), text: 'å'.repeat(300_000) })));
  out.push(
    json('over the body limit', teamsMessage(serviceUrl, { ...attacker(), text: 'x'.repeat(1_200_000) })),
  );
  out.push(
    json('many entities', {
      ...teamsMessage(serviceUrl, { ...attacker(), text: 'hej' }),
      entities: Array.from({ length: 5_000 }, () => ({
        type: 'mention',
        mentioned: { id: 'bot-1' },
        text: '<at>Bot</at>',
      })),
    }),
  );
  for (const raw of [
    '',
    '{',
    '[]',
    '[{"type":"message"}]',
    'null',
    '42',
    '"message"',
    '{"type":"message",',
    '\u0000',
    '{"type":1}',
    '{"__proto__":{"type":"message"}}',
  ])
    out.push({ kind: 'raw body', body: raw });
  for (let i = 0; i < 10; i++)
    out.push({
      kind: 'not json',
      body: 'type=message&text=hej',
      contentType: 'application/x-www-form-urlencoded',
    });
  return out;
}

test.each([
  ['empty', ''],
  ['unreachable', 'http://127.0.0.1:9/'],
])(
  'a message with an %s serviceUrl is answered within a few seconds, not after the SDK retries',
  async (_n, serviceUrl) => {
    const started = Date.now();
    const status = await h.post(teamsMessage(serviceUrl, { text: 'hej' }));
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(`[reliability] ${_n} serviceUrl: HTTP ${status} after ${seconds.toFixed(1)} s\n`);
    expect(status).toBeLessThan(500);
    // The reply timeout is 4 s; the SDK alone would hold the request for about 11.5 s.
    expect(seconds).toBeLessThan(7);
  },
  30_000,
);

test("a generated corpus of malformed and odd requests: no 5xx, no crash, nobody reads another person's report", async () => {
  const requests = corpus(h.channel.serviceUrl);
  expect(requests.length).toBeGreaterThanOrEqual(1_000);
  const port = h.app!.port;
  const byStatus = new Map<number, number>();
  const fiveHundreds: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const r = requests[next++]!;
      let status = 0;
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
          method: 'POST',
          headers: { 'Content-Type': r.contentType ?? 'application/json' },
          body: r.body,
          signal: AbortSignal.timeout(20_000),
        });
        await res.text();
        status = res.status;
      } catch {
        status = 0; // connection failed: counted as a crash below
      }
      byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
      if (status >= 500 || status === 0) fiveHundreds.push(`${status} ${r.kind}`);
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  await new Promise((r) => setTimeout(r, 1_000)); // replies still on their way

  const healthy = (await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200;
  const leaks = h.channel.received.filter(
    (m) =>
      m.conversationId !== VICTIM.conversationId &&
      (JSON.stringify(m.activity).includes(SECRET) ||
        cardTexts(m.activity).join('\n').includes(victimReference)),
  );
  // A turn that ended in onTurnError (the apology) is a crash of that turn, even when HTTP said 200.
  const kindOf = new Map(
    requests.map((r) => [/"conversation":\{"id":"([^"]+)"/.exec(r.body)?.[1] ?? '', r.kind] as const),
  );
  const turnErrorKinds = h.channel.received
    .filter((m) => cardTexts(m.activity).join('\n').includes('Något gick fel hos mig'))
    .map((m) => kindOf.get(m.conversationId) ?? m.conversationId);
  const turnErrors = turnErrorKinds.length;
  const statuses = [...byStatus.entries()].sort(([a], [b]) => a - b).map(([s, c]) => `${s}: ${c}`);
  process.stdout.write(
    `[reliability] hostile corpus: ${requests.length} requests (${statuses.join(', ')}); ` +
      `5xx or no answer ${fiveHundreds.length}, turns ending in an error ${turnErrors}, cross-user reads ${leaks.length}, service healthy after: ${healthy}, ` +
      `replies sent to attacker chats ${h.channel.received.filter((m) => m.conversationId.startsWith('attacker')).length}\n`,
  );
  expect(fiveHundreds).toEqual([]);
  expect(turnErrorKinds).toEqual([]);
  expect(leaks).toHaveLength(0);
  expect(healthy).toBe(true);
  // The victim still sees their own report.
  const mine = await h.send(teamsMessage(h.channel.serviceUrl, { ...VICTIM, text: 'mina rapporter' }));
  expect(mine.flatMap(cardTexts).join('\n')).toContain(victimReference);
}, 180_000);

test('wrong types in the envelope are a 400, not a 500', async () => {
  for (const [field, value] of [
    ['serviceUrl', 12],
    ['serviceUrl', { href: 'x' }],
    ['conversation', 'c'],
    ['from', 5],
    ['channelId', []],
    ['text', { a: 1 }],
  ] as const) {
    const activity = teamsMessage(h.channel.serviceUrl, { text: 'hej' });
    setPath(activity, field, value);
    expect([field, await h.post(activity)]).toEqual([field, 400]);
  }
});

test.each([
  [
    'composeExtension/query',
    { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [] } },
  ],
  ['task/fetch', { task: { type: 'message', value: expect.stringContaining('stöds inte') } }],
  ['some/unknownInvoke', {}],
])('an unsupported invoke %s gets 200 with what Teams expects', async (name, expected) => {
  const activity = teamsMessage(h.channel.serviceUrl, {});
  activity.type = 'invoke';
  activity.name = name;
  activity.value = {};
  const res = await fetch(`http://127.0.0.1:${h.app!.port}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(activity),
  });
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual(expected);
});
