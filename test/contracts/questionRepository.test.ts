import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  QuestionRepositoryError,
  type QuestionOutboxInput,
  type QuestionRepository,
} from '../../src/questions/repository';
import {
  openPostgresQuestionRepository,
  openSqliteQuestionRepository,
} from '../../src/questions/sqlQuestionRepository';
import type { NewQuestion } from '../../src/questions/types';
import { TestClock } from '../helpers/clock';
import { TestSchema, describePostgres } from './pgTestSchema';

/** One contract for every QuestionRepository: SQLite and PostgreSQL behave the same. */

interface Harness {
  reset(): Promise<void>;
  open(clock: () => Date): Promise<QuestionRepository>;
  cleanup(): Promise<void>;
}

const DAY = 86_400_000;
let keySeq = 0;
function newQuestion(overrides: Partial<NewQuestion> = {}): NewQuestion {
  keySeq += 1;
  return {
    idempotencyKey: `ask-${keySeq}`,
    area: 'informationssakerhet',
    asker: { userId: '29:alice', aadObjectId: 'aad-alice', name: 'Alice' },
    askerConversation: { conversation: { id: 'a:1' }, serviceUrl: 'https://smba.example/' },
    locale: 'sv',
    text: 'Får jag använda min privata mobil för jobbmejl?',
    ...overrides,
  };
}
const teamCard: QuestionOutboxInput = { channel: 'teams', payload: { kind: 'question.card', mode: 'post' } };
const answerOut: QuestionOutboxInput = { channel: 'reporter', payload: { kind: 'question.answer' } };

function questionRepositoryContract(name: string, makeHarness: () => Harness): void {
  describe(`QuestionRepository contract: ${name}`, () => {
    const harness = makeHarness();
    let clock: TestClock;
    let repo: QuestionRepository;
    const opened: QuestionRepository[] = [];
    const open = async () => {
      const r = await harness.open(clock.now);
      opened.push(r);
      return r;
    };

    beforeEach(async () => {
      await harness.reset();
      clock = new TestClock(new Date('2026-03-10T09:00:00.000Z'));
      repo = await open();
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((r) => r.close()));
    });
    afterAll(() => harness.cleanup());

    it('a new question gets FQ-2026-000001, status open, the text as the first thread entry, and reads back equal', async () => {
      const { question, created } = await repo.create(newQuestion(), [teamCard]);
      expect(created).toBe(true);
      expect(question.id).toBe('FQ-2026-000001');
      expect(question.status).toBe('open');
      expect(question.version).toBe(1);
      expect(question.thread).toEqual([
        {
          author: 'asker',
          text: 'Får jag använda min privata mobil för jobbmejl?',
          at: '2026-03-10T09:00:00.000Z',
        },
      ]);
      expect(question.askerConversation).toEqual({
        conversation: { id: 'a:1' },
        serviceUrl: 'https://smba.example/',
      });
      expect(await repo.get(question.id)).toEqual(question);
      expect((await repo.create(newQuestion(), [])).question.id).toBe('FQ-2026-000002');
    });

    it('the same idempotency key twice returns the first question and queues nothing more; another asker with it is refused', async () => {
      const input = newQuestion();
      const first = await repo.create(input, [teamCard]);
      const second = await repo.create({ ...input, text: 'ändrad' }, [teamCard]);
      expect(second).toEqual({ question: first.question, created: false });
      expect(await repo.pendingOutboxCount()).toBe(1);
      await expect(repo.create({ ...input, asker: { userId: '29:mallory' } }, [])).rejects.toMatchObject({
        code: 'idempotency-key-reused',
      });
      await expect(repo.create({ ...input, asker: { userId: '29:mallory' } }, [])).rejects.toBeInstanceOf(
        QuestionRepositoryError,
      );
    });

    it('two instances creating with the same key at once make exactly one question', async () => {
      const other = await open();
      const input = newQuestion();
      const results = await Promise.all([repo.create(input, [teamCard]), other.create(input, [teamCard])]);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(results[0]?.question.id).toBe(results[1]?.question.id);
      expect(await repo.pendingOutboxCount()).toBe(1);
    });

    it('update is compare-and-set: the second of two changes from the same version gets conflict', async () => {
      const { question } = await repo.create(newQuestion(), []);
      clock.advance(60_000);
      const taken = await repo.update(
        question.id,
        1,
        { status: 'taken', takenBy: { userId: 't1', name: 'Tea' } },
        [],
      );
      expect(taken).toMatchObject({ status: 'taken', version: 2, takenBy: { userId: 't1', name: 'Tea' } });
      expect(await repo.update(question.id, 1, { status: 'closed' }, [])).toBe('conflict');
      expect(await repo.update('FQ-2026-999999', 1, { status: 'closed' }, [])).toBeUndefined();
      const answered = await repo.update(
        question.id,
        2,
        {
          status: 'answered',
          append: { author: 'team', text: 'Ja, med Intune.', at: clock.now().toISOString(), byUserId: 't1' },
          answeredAt: clock.now().toISOString(),
        },
        [answerOut],
      );
      expect(answered).toMatchObject({ status: 'answered', answeredAt: '2026-03-10T09:01:00.000Z' });
      expect(answered !== 'conflict' && answered?.thread.map((e) => e.author)).toEqual(['asker', 'team']);
      const [message] = await repo.claimDueOutbox(clock.now(), 10, 60_000);
      expect(message).toMatchObject({
        channel: 'reporter',
        reference: question.id,
        payload: { kind: 'question.answer' },
      });
    });

    it('listByAsker and listUnanswered see only what they should', async () => {
      const a = await repo.create(newQuestion(), []);
      clock.advance(1000);
      await repo.create(newQuestion({ asker: { userId: '29:bob' } }), []);
      clock.advance(1000);
      const c = await repo.create(newQuestion(), []);
      await repo.update(c.question.id, 1, { status: 'closed' }, []);
      expect((await repo.listByAsker('29:alice')).map((q) => q.id)).toEqual([c.question.id, a.question.id]);
      expect(await repo.listByAsker('')).toEqual([]);
      expect((await repo.listUnanswered()).map((q) => q.asker.userId)).toEqual(['29:alice', '29:bob']);
      expect(await repo.listAll({ status: 'closed' })).toHaveLength(1);
      expect(await repo.listAll()).toHaveLength(3);
    });

    it('a reminder is stamped and queued once, even when two instances try', async () => {
      const { question } = await repo.create(newQuestion(), []);
      const other = await open();
      const reminder: QuestionOutboxInput = { channel: 'teams', payload: { kind: 'question.reminder' } };
      const results = await Promise.all([
        repo.markReminded(question.id, clock.now(), [reminder]),
        other.markReminded(question.id, clock.now(), [reminder]),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await repo.pendingOutboxCount()).toBe(1);
      expect((await repo.get(question.id))?.remindedAt).toBe('2026-03-10T09:00:00.000Z');
      const reopened = await repo.update(question.id, 1, { status: 'open', clearReminder: true }, []);
      expect(reopened).not.toHaveProperty('remindedAt');
    });

    it('a job slot is claimed by exactly one caller, and the next slot again by one', async () => {
      const other = await open();
      const first = await Promise.all([
        repo.claimJob('daily', '2026-03-10'),
        other.claimJob('daily', '2026-03-10'),
      ]);
      expect(first.filter(Boolean)).toHaveLength(1);
      expect(await repo.claimJob('daily', '2026-03-10')).toBe(false);
      expect(await other.claimJob('daily', '2026-03-11')).toBe(true);
      expect(await repo.claimJob('weekly', '2026-W11')).toBe(true);
    });

    it('routes are saved per area and replaced by a new registration', async () => {
      await repo.saveRoute('hot-och-vald', { conversation: { id: 'hv-1' } }, 'u1');
      await repo.saveRoute('hot-och-vald', { conversation: { id: 'hv-2' } }, 'u2');
      await repo.saveRoute('ovrigt', { conversation: { id: 'all' } }, 'u1');
      expect(await repo.routes()).toEqual({
        'hot-och-vald': { conversation: { id: 'hv-2' } },
        ovrigt: { conversation: { id: 'all' } },
      });
    });

    it('team card location is remembered', async () => {
      const { question } = await repo.create(newQuestion(), []);
      await repo.setTeamCard(question.id, { conversationId: 'team', activityId: 'act-9' });
      expect((await repo.get(question.id))?.teamCard).toEqual({
        conversationId: 'team',
        activityId: 'act-9',
      });
    });

    it('a draft is made once per question, listed until written', async () => {
      const { question } = await repo.create(newQuestion(), []);
      const input = {
        questionId: question.id,
        area: 'informationssakerhet' as const,
        question: 'F?',
        answer: 'S.',
        createdAt: clock.now().toISOString(),
      };
      const first = await repo.addDraft(input);
      expect(first.created).toBe(true);
      expect((await repo.addDraft(input)).created).toBe(false);
      expect(await repo.listDrafts()).toEqual([first.draft]);
      await repo.markDraftsWritten([first.draft.id], clock.now());
      expect(await repo.listDrafts()).toEqual([]);
      expect(await repo.listDrafts({ all: true })).toHaveLength(1);
    });

    it('retention nulls texts and identity of old questions, deletes their drafts, and keeps anonymous counts', async () => {
      const old = await repo.create(newQuestion(), []);
      await repo.addDraft({
        questionId: old.question.id,
        area: 'informationssakerhet',
        question: 'F',
        answer: 'S',
        createdAt: clock.now().toISOString(),
      });
      clock.advance(40 * DAY);
      const recent = await repo.create(newQuestion({ area: 'hot-och-vald' }), []);
      expect(await repo.purgeContentsOlderThan(new Date(clock.now().getTime() - 30 * DAY))).toBe(1);
      const purged = await repo.get(old.question.id);
      expect(purged).toMatchObject({ asker: { userId: '' }, thread: [], status: 'open' });
      expect(purged).not.toHaveProperty('askerConversation');
      expect(purged?.purgedAt).toBeDefined();
      expect(await repo.listDrafts({ all: true })).toEqual([]);
      expect((await repo.get(recent.question.id))?.thread).toHaveLength(1);
      expect(await repo.counts()).toEqual([
        { area: 'informationssakerhet', status: 'open', month: '2026-03', count: 1 },
        { area: 'hot-och-vald', status: 'open', month: '2026-04', count: 1 },
      ]);
    });

    it('the outbox: claim leases, failure backs off, dead is not claimed, retryOutboxNow revives, two instances never share a message', async () => {
      await repo.create(newQuestion(), [teamCard]);
      await repo.create(newQuestion(), [teamCard, answerOut]);
      await repo.enqueue([{ channel: 'teams', payload: { kind: 'question.digest' } }]);
      const other = await open();
      const [a, b] = await Promise.all([
        repo.claimDueOutbox(clock.now(), 2, 60_000),
        other.claimDueOutbox(clock.now(), 2, 60_000),
      ]);
      const ids = [...a, ...b].map((m) => m.id);
      expect(new Set(ids).size).toBe(4);
      const digest = [...a, ...b].find((m) => m.payload.kind === 'question.digest');
      expect(digest?.reference).toBe('');
      expect(await repo.claimDueOutbox(clock.now(), 10, 60_000)).toEqual([]);
      const first = a[0]!;
      await repo.markOutboxFailed(
        first.id,
        'ECONNREFUSED',
        new Date(clock.now().getTime() + 5000),
        clock.now(),
      );
      clock.advance(5000);
      const again = await repo.claimDueOutbox(clock.now(), 10, 60_000, ['teams', 'reporter']);
      expect(again.map((m) => m.id)).toEqual([first.id]);
      expect(again[0]?.attempts).toBe(2);
      await repo.markOutboxDead(first.id, 'gave-up', clock.now());
      expect(await repo.deadOutboxCount()).toBe(1);
      for (const m of [...a, ...b].filter((m) => m.id !== first.id))
        await repo.markOutboxDelivered(m.id, clock.now());
      expect(await repo.pendingOutboxCount()).toBe(0);
      expect(await repo.retryOutboxNow(first.channel, clock.now())).toBe(1);
      expect((await repo.claimDueOutbox(clock.now(), 10, 60_000, [first.channel])).map((m) => m.id)).toEqual([
        first.id,
      ]);
      expect(await repo.claimDueOutbox(clock.now(), 10, 60_000, [])).toEqual([]);
    });
  });
}

questionRepositoryContract('SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sg-questions-'));
  let file = '';
  let n = 0;
  return {
    reset: () => {
      n += 1;
      file = join(dir, `questions-${n}.sqlite`);
      return Promise.resolve();
    },
    open: (clock) => Promise.resolve(openSqliteQuestionRepository(file, { clock })),
    cleanup: () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
});

describePostgres('PostgreSQL question repository', (url) => {
  questionRepositoryContract('PostgreSQL', () => {
    const schema = new TestSchema(url);
    return {
      reset: () => schema.reset(),
      open: (clock) => openPostgresQuestionRepository(schema.pool(), { clock }),
      cleanup: () => schema.drop(),
    };
  });
});
