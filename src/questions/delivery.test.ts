import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../logger';
import type { AdaptiveCardJson } from '../cards/renderCard';
import { questionSenders, type Messenger } from './delivery';
import type { QuestionRepository } from './repository';
import { QuestionService, type Caller, type QuestionSettings } from './service';
import { openSqliteQuestionRepository } from './sqlQuestionRepository';

const settings: QuestionSettings = {
  enabled: true,
  routes: { ovrigt: { members: ['aad-team'] } },
  slaHours: 8,
  retentionDays: 0,
  contentOwnerConversation: { conversation: { id: 'content' } },
  adminAadObjectIds: ['aad-team'],
};
const person: Caller = {
  actor: { userId: 'u1', name: 'Anna' },
  conversationId: 'chat-1',
  conversationType: 'personal',
  conversation: { conversation: { id: 'chat-1' } },
  lang: 'sv',
};
const team: Caller = {
  actor: { userId: 't1', aadObjectId: 'aad-team' },
  conversationId: '19:team',
  conversationType: 'channel',
  conversation: { conversation: { id: '19:team' } },
  lang: 'sv',
};

class RecordingMessenger implements Messenger {
  posts: Array<{ to: string; card: AdaptiveCardJson }> = [];
  updates: Array<{ to: string; activityId: string; card: AdaptiveCardJson }> = [];
  failing = false;
  post(target: Record<string, unknown>, card: AdaptiveCardJson): Promise<string> {
    if (this.failing) return Promise.reject(Object.assign(new Error('down'), { code: 'ECONNREFUSED' }));
    this.posts.push({ to: (target.conversation as { id: string }).id, card });
    return Promise.resolve(`act-${this.posts.length}`);
  }
  update(target: Record<string, unknown>, activityId: string, card: AdaptiveCardJson): Promise<void> {
    this.updates.push({ to: (target.conversation as { id: string }).id, activityId, card });
    return Promise.resolve();
  }
}

let dir: string;
let repo: QuestionRepository;
let service: QuestionService;
let messenger: RecordingMessenger;
let senders: ReturnType<typeof questionSenders>;
const now = new Date('2026-12-01T09:00:00Z');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sg-deliv-'));
  repo = openSqliteQuestionRepository(join(dir, 'q.sqlite'), { clock: () => now });
  service = new QuestionService({ repository: repo, settings, logger: silentLogger, clock: () => now });
  messenger = new RecordingMessenger();
  senders = questionSenders({
    repository: repo,
    service,
    settings,
    messenger,
    insights: {
      listGaps: () => [{ question: 'vad är säkerhetsskydd', count: 7 }],
      feedbackCounts: () => [{ topicId: 'is-phishing', helpful: 1, notHelpful: 4 }],
    },
    clock: () => now,
  });
});
afterEach(async () => {
  await repo.close();
  rmSync(dir, { recursive: true, force: true });
});

async function deliverAll(): Promise<void> {
  for (const m of await repo.claimDueOutbox(now, 100, 60_000)) {
    await senders[m.channel as 'teams' | 'reporter'](m);
    await repo.markOutboxDelivered(m.id, now);
  }
}

const json = (c: unknown) => JSON.stringify(c);

describe('question delivery', () => {
  it('without a route the team card waits (throws to retry); after registration it is posted and remembered', async () => {
    await service.submit(person, { text: 'Min fråga om kameror', askKey: 'k1' });
    const [message] = await repo.claimDueOutbox(now, 10, 60_000);
    await expect(senders.teams(message!)).rejects.toMatchObject({ code: 'no-question-route' });
    await service.register(team, 'övrigt');
    await senders.teams(message!);
    expect(messenger.posts.map((p) => p.to)).toEqual(['19:team']);
    expect(json(messenger.posts[0]?.card)).toContain('Min fråga om kameror');
    expect((await repo.get('FQ-2026-000001'))?.teamCard).toEqual({
      conversationId: '19:team',
      activityId: 'act-1',
    });
  });

  it('the answer reaches the person with thanks / follow-up buttons; thanks updates the team card in place', async () => {
    await service.register(team, 'övrigt');
    await service.submit(person, { text: 'Fråga', askKey: 'k2' });
    await deliverAll();
    await service.team(team, 'answer', { id: 'FQ-2026-000001', answer: 'Så här gör du.' });
    await deliverAll();
    const toPerson = messenger.posts.find((p) => p.to === 'chat-1');
    expect(json(toPerson?.card)).toContain('Så här gör du.');
    expect(json(toPerson?.card)).toContain('Tack, det hjälpte');
    expect(json(toPerson?.card)).toContain('Jag har en följdfråga');
    await service.thanks(person, { id: 'FQ-2026-000001' });
    await deliverAll();
    expect(messenger.updates).toHaveLength(1);
    expect(messenger.updates[0]).toMatchObject({ to: '19:team', activityId: 'act-1' });
    expect(json(messenger.updates[0]?.card)).toContain('det hjälpte');
  });

  it('a failed send to the person rejects, so the outbox retries it', async () => {
    await service.register(team, 'övrigt');
    await service.submit(person, { text: 'Fråga', askKey: 'k3' });
    await deliverAll();
    await service.team(team, 'answer', { id: 'FQ-2026-000001', answer: 'Svar' });
    messenger.failing = true;
    const [m] = await repo.claimDueOutbox(now, 10, 60_000);
    await expect(senders.reporter(m!)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('the weekly digest lists gaps, 👎 topics and drafts waiting', async () => {
    await repo.enqueue([{ channel: 'teams', payload: { kind: 'content.weekly' } }]);
    await deliverAll();
    const text = json(messenger.posts[0]?.card);
    expect(messenger.posts[0]?.to).toBe('content');
    expect(text).toContain('7 × vad är säkerhetsskydd');
    expect(text).toContain('4 × is-phishing');
    expect(text).toContain('0 utkast väntar');
  });
});
