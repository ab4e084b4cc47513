import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../logger';
import type { QuestionRepository } from './repository';
import { QuestionScheduler, purgeExpiredQuestions } from './scheduler';
import { openSqliteQuestionRepository } from './sqlQuestionRepository';

let dir: string;
let repo: QuestionRepository;
let now: Date;
const at = (iso: string) => (now = new Date(iso));

function scheduler(contentOwner = true) {
  return new QuestionScheduler({
    repository: repo,
    settings: {
      enabled: true,
      slaHours: 8,
      ...(contentOwner ? { contentOwnerConversation: { conversation: { id: 'content' } } } : {}),
    },
    logger: silentLogger,
  });
}

async function kinds(): Promise<string[]> {
  const claimed = await repo.claimDueOutbox(now, 100, 60_000);
  for (const m of claimed) await repo.markOutboxDelivered(m.id, now);
  return claimed.map((m) => String(m.payload.kind));
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sg-sched-'));
  at('2026-12-01T08:00:00Z'); // Tuesday 09:00 in Stockholm
  repo = openSqliteQuestionRepository(join(dir, 'q.sqlite'), { clock: () => now });
});
afterEach(async () => {
  await repo.close();
  rmSync(dir, { recursive: true, force: true });
});

const ask = (key: string) =>
  repo.create(
    { idempotencyKey: key, area: 'hot-och-vald', asker: { userId: 'u' }, locale: 'sv', text: 'Hur gör jag?' },
    [],
  );

describe('reminders after the SLA, in working time only', () => {
  it('asked Tuesday 09:00: no reminder at 16:59, one on Wednesday 09:00 (8 working hours), never twice', async () => {
    const { question } = await ask('a');
    const s = scheduler(false);
    at('2026-12-01T15:59:00Z');
    expect((await s.tick(now)).reminders).toBe(0);
    at('2026-12-02T08:00:00Z');
    expect((await s.tick(now)).reminders).toBe(1);
    expect(await kinds()).toEqual(['question.reminder']);
    expect((await s.tick(now)).reminders).toBe(0);
    expect((await repo.get(question.id))?.remindedAt).toBe('2026-12-02T08:00:00.000Z');
  });

  it('at night and at weekends nothing is queued, even when overdue', async () => {
    await ask('b');
    const s = scheduler();
    for (const iso of ['2026-12-02T23:00:00Z', '2026-12-05T10:00:00Z', '2026-12-25T10:00:00Z']) {
      at(iso);
      expect(await s.tick(now)).toEqual({ reminders: 0, digests: 0, weekly: false });
    }
    expect(await repo.pendingOutboxCount()).toBe(0);
  });

  it('answered questions get no reminder', async () => {
    const { question } = await ask('c');
    await repo.update(question.id, 1, { status: 'answered' }, []);
    at('2026-12-03T10:00:00Z');
    expect((await scheduler(false).tick(now)).reminders).toBe(0);
  });
});

describe('the daily digest', () => {
  it('after the reminder day, one digest per area each working morning, once across instances', async () => {
    await ask('d');
    const s1 = scheduler(false);
    const s2 = scheduler(false);
    at('2026-12-02T08:00:00Z');
    await s1.tick(now);
    expect(await kinds()).toEqual(['question.reminder']);
    at('2026-12-03T08:05:00Z'); // Thursday 09:05
    const [a, b] = await Promise.all([s1.tick(now), s2.tick(now)]);
    expect(a.digests + b.digests).toBe(1);
    const claimed = await repo.claimDueOutbox(now, 10, 60_000);
    expect(claimed.map((m) => m.payload)).toEqual([
      { kind: 'question.digest', area: 'hot-och-vald', ids: ['FQ-2026-000001'] },
    ]);
    at('2026-12-03T12:00:00Z');
    expect((await s1.tick(now)).digests).toBe(0);
  });
});

describe('the weekly content digest', () => {
  it('is queued once a week when a content owner conversation is set, not otherwise', async () => {
    expect((await scheduler(false).tick(now)).weekly).toBe(false);
    expect((await scheduler().tick(now)).weekly).toBe(true);
    at('2026-12-04T10:00:00Z');
    expect((await scheduler().tick(now)).weekly).toBe(false);
    at('2026-12-07T09:00:00Z');
    expect((await scheduler().tick(now)).weekly).toBe(true);
  });
});

describe('retention', () => {
  it('0 days keeps texts; N days purges older questions', async () => {
    await ask('e');
    at('2027-01-15T10:00:00Z');
    expect(await purgeExpiredQuestions(repo, 0, now)).toBe(0);
    expect(await purgeExpiredQuestions(repo, 30, now)).toBe(1);
  });
});
