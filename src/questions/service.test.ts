import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../logger';
import { renderCard } from '../cards/renderCard';
import type { CardView } from '../views/common';
import type { QuestionRepository } from './repository';
import { QuestionService, type Caller, type QuestionSettings, type Reply } from './service';
import { openSqliteQuestionRepository } from './sqlQuestionRepository';

const TEAM_CHANNEL = '19:infosak@thread.tacv2';
const settings: QuestionSettings = {
  enabled: true,
  routes: {
    informationssakerhet: { conversation: { conversation: { id: TEAM_CHANNEL } }, members: ['aad-expert'] },
    ovrigt: { members: ['aad-generalist'] },
  },
  slaHours: 8,
  retentionDays: 180,
  adminAadObjectIds: ['aad-security-lead'],
};

const person: Caller = {
  actor: { userId: 'u-anna', aadObjectId: 'aad-anna', name: 'Anna' },
  conversationId: 'chat-anna',
  conversationType: 'personal',
  conversation: { conversation: { id: 'chat-anna' }, serviceUrl: 'http://127.0.0.1:1/' },
  lang: 'sv',
};
const teamInChannel: Caller = {
  actor: { userId: 'u-tea', aadObjectId: 'aad-tea', name: 'Tea' },
  conversationId: `${TEAM_CHANNEL};messageid=123`,
  conversationType: 'channel',
  conversation: { conversation: { id: TEAM_CHANNEL } },
  lang: 'sv',
};
const stranger: Caller = {
  actor: { userId: 'u-mallory', aadObjectId: 'aad-mallory' },
  conversationId: 'chat-mallory',
  conversationType: 'personal',
  conversation: { conversation: { id: 'chat-mallory' } },
  lang: 'sv',
};

function texts(replies: Reply[]): string {
  return replies
    .map((r) => ('text' in r ? r.text : JSON.stringify(renderCard(r.template, r.data))))
    .join('\n');
}
function card(replies: Reply[]): Record<string, unknown> {
  const r = replies[0] as CardView;
  return { ...r.data };
}

let dir: string;
let repo: QuestionRepository;
let service: QuestionService;
let now: Date;
let queued = 0;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sg-qs-'));
  now = new Date('2026-12-01T09:00:00Z');
  repo = openSqliteQuestionRepository(join(dir, 'q.sqlite'), { clock: () => now });
  queued = 0;
  service = new QuestionService({
    repository: repo,
    settings,
    logger: silentLogger,
    clock: () => now,
    onQueued: () => (queued += 1),
  });
});
afterEach(async () => {
  await repo.close();
  rmSync(dir, { recursive: true, force: true });
});

async function ask(text = 'Får jag ta med jobbdatorn till Thailand?', area = 'informationssakerhet') {
  const form = card(service.askCard(person, { text }));
  const replies = await service.submit(person, { text, area, askKey: form.key });
  const id = /FQ-\d{4}-\d{6}/.exec(texts(replies))?.[0] ?? '';
  return { id, replies, key: form.key as string };
}

describe('asking', () => {
  it('the ask card is prefilled, editable, with areas, a privacy note and a fresh key', () => {
    const data = card(service.askCard(person, { text: 'min fråga', kbArea: 'IS' }));
    expect(data).toMatchObject({ text: 'min fråga', area: 'informationssakerhet' });
    expect(String(data.privacy)).toMatch(/raderas efter 180 dagar/);
    expect(String(data.key)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a question is stored with an FQ id before the receipt, and a double submit gives the same id', async () => {
    const first = await ask();
    expect(first.id).toBe('FQ-2026-000001');
    expect(await repo.get(first.id)).toMatchObject({ status: 'open', area: 'informationssakerhet' });
    const again = await service.submit(person, { text: 'x', area: 'ovrigt', askKey: first.key });
    expect(texts(again)).toContain(first.id);
    expect(await repo.pendingOutboxCount()).toBe(1);
  });

  it('an empty or too long question re-renders the card with a message and stores nothing', async () => {
    expect(texts(await service.submit(person, { text: '  ', askKey: 'k' }))).toContain(
      'Skriv din fråga först',
    );
    const long = 'a'.repeat(1001);
    const replies = await service.submit(person, { text: long, askKey: 'k' });
    expect(texts(replies)).toContain('för lång');
    expect(card(replies).text).toBe(long);
    expect(await repo.listAll()).toEqual([]);
  });

  it('in a channel the ask card and mina frågor are refused', async () => {
    expect(texts(service.askCard({ ...person, conversationType: 'channel' }))).toContain('privat chatt');
    expect(texts(await service.listMine({ ...person, conversationType: 'groupChat' }))).toContain(
      'privat chatt',
    );
  });
});

describe('the team and the person', () => {
  it('take, answer: the card updates, the person is queued an answer, and the thread reads back', async () => {
    const { id } = await ask();
    const taken = await service.team(teamInChannel, 'take', { id, version: 1 });
    expect(texts(taken)).toContain('Tea');
    expect(texts(taken)).toContain('Någon tittar på den');
    const answered = await service.team(teamInChannel, 'answer', {
      id,
      version: 2,
      answer: 'Nej, inte utan beslut.',
    });
    expect(texts(answered)).toContain('Besvarad');
    expect((await repo.get(id))?.thread.map((e) => e.text)).toEqual([
      'Får jag ta med jobbdatorn till Thailand?',
      'Nej, inte utan beslut.',
    ]);
    const [, answer] = await repo.claimDueOutbox(now, 10, 60_000);
    expect(answer?.payload.kind).toBe('question.answer');
  });

  it('a stale card (old version) shows the current state instead of acting twice', async () => {
    const { id } = await ask();
    await service.team(teamInChannel, 'take', { id, version: 1 });
    const stale = await service.team(teamInChannel, 'close', { id, version: 1 });
    expect(texts(stale)).toContain('Någon annan hann före');
    expect((await repo.get(id))?.status).toBe('taken');
  });

  it('forwarding moves the question to another team; the old channel can no longer act on it', async () => {
    const { id } = await ask();
    const forwarded = await service.team(teamInChannel, 'forward', { id, version: 1, forwardArea: 'ovrigt' });
    expect(texts(forwarded)).toContain('Skickad vidare till Övrigt');
    expect((await repo.get(id))?.area).toBe('ovrigt');
    expect(texts(await service.team(teamInChannel, 'take', { id, version: 2 }))).toContain(
      'saknar behörighet',
    );
    const generalist: Caller = { ...stranger, actor: { userId: 'u-g', aadObjectId: 'AAD-GENERALIST' } };
    expect(texts(await service.team(generalist, 'take', { id, version: 2 }))).toContain(
      'Någon tittar på den',
    );
  });

  it('an empty answer or forwarding to the same area changes nothing', async () => {
    const { id } = await ask();
    expect(texts(await service.team(teamInChannel, 'answer', { id, answer: ' ' }))).toContain(
      'Skriv ett svar',
    );
    expect(
      texts(await service.team(teamInChannel, 'forward', { id, forwardArea: 'informationssakerhet' })),
    ).toContain('annat område');
    expect((await repo.get(id))?.version).toBe(1);
  });

  it('thanks resolves; a follow-up reopens with the same team and posts a fresh team card', async () => {
    const { id } = await ask();
    await service.team(teamInChannel, 'answer', { id, answer: 'Svar ett.' });
    expect(texts(await service.followUpForm(person, { id }))).toContain('följdfråga');
    expect(texts(await service.followUp(person, { id, text: 'Och till Norge?' }))).toContain('samma grupp');
    const reopened = await repo.get(id);
    expect(reopened).toMatchObject({ status: 'open', area: 'informationssakerhet' });
    expect(reopened?.thread.map((e) => e.author)).toEqual(['asker', 'team', 'asker']);
    await service.team(teamInChannel, 'answer', { id, answer: 'Svar två.' });
    expect(texts(await service.thanks(person, { id }))).toContain('Tack');
    expect((await repo.get(id))?.status).toBe('resolved');
  });

  it('close tells the person; suggest makes one knowledge draft from question and answer', async () => {
    const a = await ask();
    await service.team(teamInChannel, 'close', { id: a.id });
    expect((await repo.get(a.id))?.status).toBe('closed');
    const b = await ask('Hur krypterar jag ett USB-minne?');
    expect(texts(await service.team(teamInChannel, 'suggest', { id: b.id }))).toContain('inte att göra');
    await service.team(teamInChannel, 'answer', { id: b.id, answer: 'Använd BitLocker To Go.' });
    expect(texts(await service.team(teamInChannel, 'suggest', { id: b.id }))).toContain('Utkast');
    await service.team(teamInChannel, 'suggest', { id: b.id });
    expect(await repo.listDrafts()).toMatchObject([
      { questionId: b.id, question: 'Hur krypterar jag ett USB-minne?', answer: 'Använd BitLocker To Go.' },
    ]);
  });

  it('mina frågor lists only the person’s own questions', async () => {
    const { id } = await ask();
    expect(texts(await service.listMine(person))).toContain(id);
    expect(texts(await service.listMine(stranger))).not.toContain(id);
  });
});

describe('privacy: anyone else with forged card data learns nothing', () => {
  it.each([
    ['open', (id: string) => service.open(stranger, { id })],
    ['take', (id: string) => service.team(stranger, 'take', { id, version: 1 })],
    ['answer', (id: string) => service.team(stranger, 'answer', { id, answer: 'hack' })],
    ['close', (id: string) => service.team(stranger, 'close', { id })],
    ['thanks', (id: string) => service.thanks(stranger, { id })],
    ['follow-up', (id: string) => service.followUp(stranger, { id, text: 'x' })],
    ['open a missing id', () => service.open(person, { id: 'FQ-2026-999999' })],
  ])('%s gets "finns inte eller saknar behörighet" and the question is unchanged', async (_name, act) => {
    const { id } = await ask();
    const replies = await act(id);
    expect(texts(replies)).toContain('Frågan finns inte eller saknar behörighet');
    expect(texts(replies)).not.toContain('Thailand');
    expect((await repo.get(id))?.version).toBe(1);
  });

  it('the asker cannot act as the team, and the team cannot act as the asker', async () => {
    const { id } = await ask();
    expect(texts(await service.team(person, 'answer', { id, answer: 'mitt eget svar' }))).toContain(
      'saknar behörighet',
    );
    await service.team(teamInChannel, 'answer', { id, answer: 'Svar.' });
    expect(texts(await service.thanks(teamInChannel, { id }))).toContain('saknar behörighet');
  });
});

describe('registering a question channel', () => {
  it('a listed member registers any conversation for an area; waiting cards become due; others are refused', async () => {
    expect(texts(await service.register(stranger, 'hot och våld'))).toContain('Bara medlemmar');
    expect(texts(await service.register(teamInChannel, 'något annat'))).toContain('registrera frågekanal');
    const lead: Caller = {
      ...teamInChannel,
      actor: { userId: 'u-lead', aadObjectId: 'aad-security-lead' },
      conversationId: '19:hv@thread',
      conversation: { conversation: { id: '19:hv@thread' } },
    };
    expect(texts(await service.register(lead, 'Hot och våld'))).toContain('Hot och våld');
    expect(await service.route('hot-och-vald')).toEqual({
      owner: 'hot-och-vald',
      conversation: { conversation: { id: '19:hv@thread' } },
    });
    expect(queued).toBeGreaterThan(0);
  });

  it('an area without a route goes to the fallback team', async () => {
    expect(await service.route('otillaten-paverkan')).toEqual({ owner: 'ovrigt' });
  });
});
