/**
 * How the bot feels in Teams, over real HTTP, with the client's locale set to en-US as Teams sends it
 * for anyone whose Teams is in English (and the Agents Playground always): the language rule, the
 * report as one card answered in place (Action.Execute), invoke responses that are never empty, and
 * every validation rule of every report step refused with its message next to the field.
 */
import { REPORT_TYPES, type FieldDef } from '../src/report/reportTypes/steps';
import { localDateTime } from '../src/report/flow/validation';
import { cardTexts, teamsMessage, type Recorded } from './helpers/channel';
import { actionData, Harness } from './helpers/app';
import { fillField } from './helpers/report';

const h = new Harness();
const EN_CLIENT = 'en-US';
type Activity = Recorded['activity'];
type Json = Record<string, unknown>;

const texts = (replies: Activity[]) => replies.flatMap(cardTexts).join('\n');
const message = (conversationId: string, options: { text?: string; value?: unknown } = {}) =>
  teamsMessage(h.channel.serviceUrl, {
    userId: `user-${conversationId}`,
    conversationId,
    locale: EN_CLIENT,
    ...options,
  });
const say = (conversationId: string, text: string) => h.send(message(conversationId, { text }));
const click = (conversationId: string, value: Json) => h.send(message(conversationId, { value }));

/** Posts an adaptiveCard/action invoke (what Teams sends for Action.Execute); returns the invoke response. */
async function invoke(conversationId: string, data: Json): Promise<{ status: number; body: Json }> {
  const activity = {
    ...message(conversationId),
    type: 'invoke',
    name: 'adaptiveCard/action',
    text: undefined,
    value: { action: { type: 'Action.Execute', verb: data.verb, data }, trigger: 'manual' },
  };
  const res = await fetch(`http://127.0.0.1:${h.app!.port}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const raw = await res.text();
  return { status: res.status, body: raw ? (JSON.parse(raw) as Json) : {} };
}

/** Every action object in a card (actions, selectAction, fallbacks). */
function actions(node: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(node)) node.forEach((n) => actions(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Json;
    if (typeof o.type === 'string' && o.type.startsWith('Action.')) out.push(o);
    Object.values(o).forEach((v) => actions(v, out));
  }
  return out;
}

beforeAll(() => h.start());
afterAll(() => h.stop());

describe('one language per conversation, whatever the client locale', () => {
  test('"rapportera" as the first message, from an en-US client, starts the report in Swedish', async () => {
    const all = texts(await say('lang-first', 'rapportera'));
    expect(all).toContain('Är någon i fara just nu?');
    expect(all).not.toMatch(/Is anyone in danger/);
  });

  test('a group chat is welcomed once, in Swedish', async () => {
    const update = (members: Json[]) => ({
      ...message('lang-group'),
      type: 'conversationUpdate',
      text: undefined,
      conversation: { id: 'lang-group', conversationType: 'groupChat', isGroup: true },
      membersAdded: members,
    });
    const first = texts(await h.send(update([{ id: 'bot-1' }, { id: 'user-a' }, { id: 'user-b' }])));
    expect(first).toContain('Hej! Jag är Säkerhetsguiden');
    expect(first).toContain('[Rapportera en händelse]');
    expect(first).not.toMatch(/Hi! I am|Report an incident/);
    expect(await h.send(update([{ id: 'user-c' }]))).toHaveLength(0);
  });

  test('a report in a channel is refused in Swedish', async () => {
    const activity = message('lang-channel', { text: '<at>Säkerhetsguiden</at> rapportera' });
    activity.conversation = { id: 'lang-channel', conversationType: 'channel', isGroup: true };
    const all = texts(await h.send(activity));
    expect(all).toContain('Rapporter hanteras i en privat chatt');
  });

  test('an English question is answered in English, and a one-word command keeps the conversation English', async () => {
    expect(texts(await say('lang-en', 'hello, what can you do?'))).toMatch(/What I can help with/);
    expect(texts(await say('lang-en', 'rapportera'))).toContain('Is anyone in danger right now?');
  });

  test('the person’s own Swedish text changes an English conversation back to Swedish', async () => {
    expect(texts(await say('lang-switch', 'hello, what can you do?'))).toMatch(/What I can help with/);
    expect(texts(await say('lang-switch', 'vad kan du göra?'))).toContain('Det här kan jag hjälpa till med');
    expect(texts(await say('lang-switch', 'rapportera'))).toContain('Är någon i fara just nu?');
  });

  test('a button answers in the language of the card it was on', async () => {
    // A Swedish welcome card in this conversation, then the person writes English.
    const welcome = (await say('lang-button', 'hej')).at(-1);
    expect(cardTexts(welcome!).join('\n')).toContain('Hej! Jag är Säkerhetsguiden');
    expect(texts(await say('lang-button', 'what can you do for me?'))).toMatch(
      /I don't know|What I can help with/,
    );
    const roles = texts(await click('lang-button', actionData(welcome, 'roles.browse')));
    expect(roles).toContain('Välj ett område');
  });

  test('every button carries the language of its card', async () => {
    const replies = await say('lang-stamp', 'vad kan du göra?');
    const all = replies.flatMap((r) => actions(r.attachments));
    expect(all.length).toBeGreaterThan(0);
    for (const a of all) expect((a.data as Json | undefined)?.lang).toBe('sv');
  });
});

describe('the manager question', () => {
  test('gives one card: the duties first, then roles and contacts, details behind "Visa mer"', async () => {
    const replies = await say('manager-1', 'vad måste jag göra som chef när en medarbetare hotats?');
    const cards = replies.filter((r) => (r.attachments ?? []).length > 0);
    expect(cards).toHaveLength(1);
    const seen = cardTexts(cards[0]!);
    const duties = seen.indexOf('Det här ska du göra');
    const contacts = seen.indexOf('Roller och kontakter att informera');
    expect(duties).toBeGreaterThan(-1);
    expect(contacts).toBeGreaterThan(duties);
    expect(seen.slice(duties + 1, contacts).length).toBeGreaterThan(2);
    const toggle = actions(cards[0]!.attachments).find((a) => a.type === 'Action.ToggleVisibility');
    expect(toggle?.title).toBe('Visa mer');
    const details = JSON.stringify(cards[0]!.attachments).includes('"id":"details","isVisible":false');
    expect(details).toBe(true);
  });
});

describe('the report as one card that moves forward (Action.Execute)', () => {
  test('the report cards use Action.Execute with an Action.Submit fallback carrying the same data', async () => {
    const card = (await say('exec-1', 'rapportera')).at(-1)!;
    const execs = actions(card.attachments).filter((a) => a.type === 'Action.Execute');
    expect(execs.length).toBeGreaterThan(0);
    for (const a of execs) {
      const fallback = a.fallback as Json;
      expect(fallback.type).toBe('Action.Submit');
      expect(fallback.data).toEqual(a.data);
      expect(a.verb).toBe((a.data as Json).verb);
    }
    expect(Number(card.attachments?.[0]?.content?.version)).toBeGreaterThanOrEqual(1.4);
  });

  test('a click answered by invoke returns the next card in place and sends nothing else', async () => {
    const card = (await say('exec-2', 'rapportera')).at(-1)!;
    const before = h.channel.messages('exec-2').length;
    const res = await invoke('exec-2', actionData(card, 'report.safety', { danger: 'no' }));
    expect(res.status).toBe(200);
    expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(res.body.value)).toContain('Vad vill du rapportera?');
    expect(h.channel.messages('exec-2').length).toBe(before);
  });

  test('the whole report can be walked by invokes to a receipt with a reference number', async () => {
    let card = (await say('exec-3', 'rapportera')).at(-1)!;
    const next = async (data: Json) => {
      const res = await invoke('exec-3', data);
      expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
      card = { attachments: [{ content: res.body.value as Json }] };
      return card;
    };
    await next(actionData(card, 'report.safety', { danger: 'no' }));
    await next(actionData(card, 'report.chooseType', { reportType: 'otillaten-paverkan' }));
    for (const step of REPORT_TYPES.find((t) => t.id === 'otillaten-paverkan')!.steps) {
      const inputs = Object.fromEntries(step.fields.map((f) => [f.id, fillField(f, 'Någon erbjöd pengar.')]));
      await next({ ...actionData(card, 'report.next'), ...inputs });
    }
    await next(actionData(card, 'report.submit'));
    expect(cardTexts(card).join('\n')).toMatch(/SG-\d{4}-\d{4,}/);
  });

  test.each([
    ['an unknown verb', { verb: 'nope.nope' }],
    ['no verb at all', {}],
    [
      'a verb whose handler only writes text (feedback)',
      { verb: 'kb.feedback', topicId: 'is-natfiske', helpful: 'yes' },
    ],
    ['a stale report button', { verb: 'report.next', draftId: 'gone', at: 'step-1' }],
  ])('an invoke with %s is answered with a card, never an empty response', async (_name, data) => {
    const res = await invoke('exec-empty', data);
    expect(res.status).toBe(200);
    expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
    const value = res.body.value as Json;
    expect(value.type).toBe('AdaptiveCard');
    expect(JSON.stringify(value.body)).not.toBe('[]');
  });
});

// ------------------------------------------------------------------ validation over HTTP

const FUTURE_DATE = '2999-01-01';

interface Rule {
  rule: string;
  value: unknown;
  message: RegExp;
  /** Other fields of the step to send along (the time rule needs today's date). */
  with?: Json;
}

/** Every rule a field's answer is checked against, with a value that breaks it and the message. */
function rulesOf(field: FieldDef, fields: readonly FieldDef[]): Rule[] {
  const rules: Rule[] = [{ rule: 'not a string', value: 42, message: /Svaret kunde inte läsas/ }];
  const choice = field.kind !== 'text' && field.kind !== 'date' && field.kind !== 'time';
  if (field.required)
    rules.push({
      rule: 'required',
      value: '',
      message: choice ? /Välj ett alternativ/ : /Fyll i det här fältet/,
    });
  if (field.kind === 'text' && field.maxLength !== undefined)
    rules.push({
      rule: 'too long',
      value: 'x'.repeat(field.maxLength + 1),
      message: /högst .* tecken får plats/,
    });
  if (choice)
    rules.push({
      rule: 'not an option',
      value: 'inget-sadant-alternativ',
      message: /Välj ett av alternativen/,
    });
  if (field.kind === 'date') {
    rules.push({ rule: 'not a date', value: 'igår', message: /Datumet kunde inte läsas/ });
    if (field.notFuture)
      rules.push({ rule: 'in the future', value: FUTURE_DATE, message: /Datumet ligger i framtiden/ });
  }
  if (field.kind === 'time') {
    rules.push({ rule: 'not a time', value: '25:99', message: /Tiden kunde inte läsas/ });
    const dateField = fields.find((f) => f.id === field.dateField);
    const now = localDateTime(new Date());
    if (dateField && now.time < '23:58')
      rules.push({
        rule: 'later today',
        value: '23:59',
        message: /inte varit än i dag/,
        with: { [dateField.id]: now.date },
      });
  }
  return rules;
}

const CASES = REPORT_TYPES.flatMap((type) =>
  type.steps.flatMap((step, stepIndex) =>
    step.fields.flatMap((field) =>
      rulesOf(field, step.fields).map((rule) => ({ type: type.id, stepIndex, step, field, ...rule })),
    ),
  ),
);

/** The TextBlock right after the input with this id, in the same container: "next to the field". */
function messageNextTo(card: Activity | undefined, id: string): string {
  let found = '';
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Json;
    if (Array.isArray(o.items)) {
      const items = o.items as Json[];
      const i = items.findIndex(
        (it) => typeof it.type === 'string' && it.type.startsWith('Input.') && it.id === id,
      );
      const after = items[i + 1];
      if (i >= 0 && after?.type === 'TextBlock' && after.color === 'attention') found = String(after.text);
    }
    Object.values(o).forEach(walk);
  };
  for (const a of card?.attachments ?? []) walk(a.content);
  return found;
}

describe('every validation rule of every report step answers next to the field', () => {
  const at: Record<string, { stepIndex: number; card: Activity | undefined }> = {};

  /** Brings the type's conversation to the step (valid answers on the steps before it). */
  async function reach(type: string, stepIndex: number): Promise<Activity | undefined> {
    const conversation = `validate-${type}`;
    if (!at[type]) {
      let card = (await say(conversation, 'rapportera')).at(-1);
      card = (await click(conversation, actionData(card, 'report.safety', { danger: 'no' }))).at(-1);
      card = (await click(conversation, actionData(card, 'report.chooseType', { reportType: type }))).at(-1);
      at[type] = { stepIndex: 0, card };
    }
    const state = at[type];
    const steps = REPORT_TYPES.find((t) => t.id === type)!.steps;
    while (state.stepIndex < stepIndex) {
      const inputs = Object.fromEntries(
        steps[state.stepIndex]!.fields.map((f) => [f.id, fillField(f, 'Text.')]),
      );
      state.card = (await click(conversation, { ...actionData(state.card, 'report.next'), ...inputs })).at(
        -1,
      );
      state.stepIndex += 1;
    }
    return state.card;
  }

  test('the table covers every field of every step of every type', () => {
    const fields = REPORT_TYPES.flatMap((t) =>
      t.steps.flatMap((s) => s.fields.map((f) => `${t.id}/${f.id}`)),
    );
    const covered = new Set(CASES.map((c) => `${c.type}/${c.field.id}`));
    expect(fields.filter((f) => !covered.has(f))).toEqual([]);
  });

  test.each(CASES.map((c) => [c.type, c.stepIndex + 1, c.field.id, c.rule, c] as const))(
    '%s step %i, %s %s: the step stays and the message is next to the field',
    async (type, _n, fieldId, _rule, c) => {
      const card = await reach(type, c.stepIndex);
      const valid = Object.fromEntries(c.step.fields.map((f) => [f.id, fillField(f, 'Text.')]));
      const value = { ...actionData(card, 'report.next'), ...valid, ...c.with, [fieldId]: c.value };
      const reply = (await click(`validate-${type}`, value)).at(-1);
      expect(messageNextTo(reply, fieldId)).toMatch(c.message);
      expect(cardTexts(reply!).join('\n')).toContain('Något behöver rättas');
      // The refusal is a card of the same step, so nothing typed elsewhere on it is lost.
      if (c.step.fields.length > 1) {
        const other = c.step.fields.find((f) => f.id !== fieldId && f.kind === 'text');
        if (other) expect(JSON.stringify(reply)).toContain(JSON.stringify(valid[other.id]));
      }
      at[type]!.card = reply;
    },
  );
});
