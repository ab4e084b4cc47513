import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConversationState, TestAdapter, type Storage as BotbuilderStorage } from 'botbuilder';
import { PostgresStorage } from '../../src/storage/postgresStorage';
import { SqliteStorage } from '../../src/storage/sqliteStorage';
import { ETagConflictError, type ClosableStorage } from '../../src/storage/types';
import { TestSchema, describePostgres } from './pgTestSchema';

/**
 * One contract for bot state storage, with botbuilder's MemoryStorage semantics as the reference,
 * run on SQLite and PostgreSQL. `open` again = a restart or another instance on the same store.
 */
interface Harness {
  reset(): Promise<void>;
  open(clock?: () => Date): Promise<ClosableStorage>;
  cleanup(): Promise<void>;
}

function storageContract(name: string, makeHarness: () => Harness): void {
  describe(`Storage contract: ${name}`, () => {
    const harness = makeHarness();
    const opened: ClosableStorage[] = [];
    let store: ClosableStorage;

    async function open(clock?: () => Date): Promise<ClosableStorage> {
      const s = await harness.open(clock);
      opened.push(s);
      return s;
    }

    beforeEach(async () => {
      await harness.reset();
      store = await open();
    });

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    afterAll(async () => {
      await harness.cleanup();
    });

    it('the classes are accepted where botbuilder wants its Storage', () => {
      const asBotbuilder: BotbuilderStorage = store;
      expect(typeof asBotbuilder.read).toBe('function');
    });

    it('reading keys that were never written gives an empty object', async () => {
      expect(await store.read(['msteams/conversations/a:1/', 'nope'])).toEqual({});
      expect(await store.read([])).toEqual({});
    });

    it('a nested object round-trips intact and comes back with a string eTag', async () => {
      const item = {
        draft: {
          step: 'location',
          answers: { description: '🚨 تهديد ${x} "q" \n', long: 'ö'.repeat(10_000) },
        },
        list: [1, 'two', { three: null }, true],
        nul: 'a\u0000b',
      };
      await store.write({ k1: item });
      const read = await store.read(['k1', 'missing']);
      expect(Object.keys(read)).toEqual(['k1']);
      const { eTag, ...rest } = read.k1 ?? {};
      expect(typeof eTag).toBe('string');
      expect(eTag).not.toBe('');
      expect(rest).toEqual(item);
    });

    it('each write gives a new eTag, and the caller object is left unchanged', async () => {
      const item = { n: 1 };
      await store.write({ k: item });
      const first = (await store.read(['k'])).k?.eTag;
      await store.write({ k: { n: 2 } });
      const second = (await store.read(['k'])).k?.eTag;
      expect(first).toBeDefined();
      expect(second).toBeDefined();
      expect(second).not.toBe(first);
      expect(item).toEqual({ n: 1 });
    });

    it('a write with the current eTag succeeds; a write with a stale eTag fails with "eTag conflict" and changes nothing', async () => {
      await store.write({ k: { n: 1 } });
      const v1 = (await store.read(['k'])).k!;
      await store.write({ k: { ...v1, n: 2 } });
      const stale = { ...v1, n: 3 };
      await expect(store.write({ k: stale })).rejects.toThrow(/eTag conflict/);
      await expect(store.write({ k: stale })).rejects.toBeInstanceOf(ETagConflictError);
      expect((await store.read(['k'])).k).toMatchObject({ n: 2 });
    });

    it("'*' and a missing eTag overwrite whatever is stored", async () => {
      await store.write({ k: { n: 1 } });
      await store.write({ k: { n: 2, eTag: '*' } });
      expect((await store.read(['k'])).k).toMatchObject({ n: 2 });
      await store.write({ k: { n: 3 } });
      expect((await store.read(['k'])).k).toMatchObject({ n: 3 });
      await store.write({ k: { n: 4, eTag: '' } });
      expect((await store.read(['k'])).k).toMatchObject({ n: 4 });
    });

    it('an eTag on an item that is not stored yet does not block the write (as in MemoryStorage)', async () => {
      await store.write({ fresh: { n: 1, eTag: 'from-elsewhere' } });
      expect((await store.read(['fresh'])).fresh).toMatchObject({ n: 1 });
    });

    it('a write of several items is all or nothing: one conflict leaves the others unwritten', async () => {
      await store.write({ b: { n: 1 } });
      await store.write({ b: { n: 2 } });
      await expect(store.write({ a: { n: 1 }, b: { n: 3, eTag: 'stale' } })).rejects.toThrow(/eTag conflict/);
      expect(await store.read(['a'])).toEqual({});
    });

    it('delete removes the keys; deleting unknown keys is fine', async () => {
      await store.write({ a: { n: 1 }, b: { n: 2 } });
      await store.delete(['a', 'never-there']);
      expect(Object.keys(await store.read(['a', 'b']))).toEqual(['b']);
      await store.delete([]);
    });

    it("a second instance on the same store sees the first one's writes and deletes (a restart resumes the draft)", async () => {
      await store.write({ conv: { draft: { step: 'when' } } });
      const other = await open();
      expect((await other.read(['conv'])).conv).toMatchObject({ draft: { step: 'when' } });
      await other.write({ conv: { draft: { step: 'where' } } });
      expect((await store.read(['conv'])).conv).toMatchObject({ draft: { step: 'where' } });
      await other.delete(['conv']);
      expect(await store.read(['conv'])).toEqual({});
    });

    it('when two instances write with the same eTag at once, exactly one wins and the other gets a conflict', async () => {
      await store.write({ conv: { n: 0 } });
      const base = (await store.read(['conv'])).conv!;
      const other = await open();
      const results = await Promise.allSettled([
        store.write({ conv: { ...base, n: 1 } }),
        other.write({ conv: { ...base, n: 2 } }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected');
      expect(String((rejected as PromiseRejectedResult).reason)).toMatch(/eTag conflict/);
    });

    it('many concurrent read-modify-write loops with retry on conflict lose no increment', async () => {
      await store.write({ counter: { n: 0 } });
      const instances = [store, await open(), await open()];
      const increment = async (s: ClosableStorage) => {
        for (;;) {
          const current = (await s.read(['counter'])).counter!;
          try {
            await s.write({ counter: { ...current, n: (current.n as number) + 1 } });
            return;
          } catch (error) {
            if (!(error as Error).message.includes('eTag conflict')) throw error;
          }
        }
      };
      await Promise.all(Array.from({ length: 30 }, (_, i) => increment(instances[i % 3]!)));
      expect((await store.read(['counter'])).counter).toMatchObject({ n: 30 });
    });

    it('items not written since the cutoff are deleted (abandoned drafts do not stay forever)', async () => {
      let now = new Date('2026-01-01T00:00:00.000Z');
      const timed = await open(() => now);
      await timed.write({ old: { n: 1 } });
      now = new Date('2026-03-01T00:00:00.000Z');
      await timed.write({ recent: { n: 2 } });
      expect(await timed.deleteOlderThan(new Date('2026-02-01T00:00:00.000Z'))).toBe(1);
      expect(Object.keys(await timed.read(['old', 'recent']))).toEqual(['recent']);
    });

    it('a key filter limits the sweep to conversation state and leaves user profiles', async () => {
      let now = new Date('2026-01-01T00:00:00.000Z');
      const timed = await open(() => now);
      await timed.write({ 'msteams/conversations/c1/': { draft: 1 }, 'msteams/users/u1/': { org: 'jarva' } });
      now = new Date('2026-03-01T00:00:00.000Z');
      expect(await timed.deleteOlderThan(new Date('2026-02-01T00:00:00.000Z'), '/conversations/')).toBe(1);
      expect(Object.keys(await timed.read(['msteams/conversations/c1/', 'msteams/users/u1/']))).toEqual([
        'msteams/users/u1/',
      ]);
    });

    it("botbuilder's ConversationState keeps a draft across turns and across a restart of the storage", async () => {
      const runTurns = async (storage: ClosableStorage, texts: string[]): Promise<string[]> => {
        const state = new ConversationState(storage);
        const counter = state.createProperty<number>('turns');
        const adapter = new TestAdapter(async (context) => {
          const n = ((await counter.get(context, 0)) ?? 0) + 1;
          await counter.set(context, n);
          await context.sendActivity(`turn ${n}`);
          await state.saveChanges(context);
        });
        const replies: string[] = [];
        for (const text of texts) {
          await adapter.send(text).assertReply((a) => {
            replies.push(a.text ?? '');
          });
        }
        return replies;
      };
      expect(await runTurns(store, ['a', 'b'])).toEqual(['turn 1', 'turn 2']);
      await store.close();
      const restarted = await open();
      expect(await runTurns(restarted, ['c'])).toEqual(['turn 3']);
    });

    it("botbuilder's ConversationState saves with eTag '*', so of two overlapping turns the later save wins", async () => {
      // botbuilder 4.23 BotState.saveChanges sets eTag = '*' on every save: the store's eTag check
      // never fires for conversation state. Pinned here so a change in botbuilder is noticed.
      type Ctx = import('botbuilder').TurnContext;
      const adapter = new TestAdapter(() => Promise.resolve()) as unknown as {
        createContext(a: object): Ctx;
      };
      const activity = {
        type: 'message',
        channelId: 'test',
        conversation: { id: 'conv-1' },
        from: { id: 'u1' },
        recipient: { id: 'bot' },
      };
      const stateA = new ConversationState(store);
      const stateB = new ConversationState(await open());
      const propA = stateA.createProperty<number>('x');
      const propB = stateB.createProperty<number>('x');
      const ctxA = adapter.createContext(activity);
      const ctxB = adapter.createContext(activity);
      await stateA.load(ctxA);
      await stateB.load(ctxB);
      await propA.set(ctxA, 2);
      await stateA.saveChanges(ctxA);
      await propB.set(ctxB, 3);
      await stateB.saveChanges(ctxB);
      const check = new ConversationState(store);
      const ctxC = adapter.createContext(activity);
      expect(await check.createProperty<number>('x').get(ctxC)).toBe(3);
    });
  });
}

storageContract('SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sg-state-'));
  let file = '';
  let n = 0;
  return {
    reset: () => {
      n += 1;
      file = join(dir, `state-${n}.sqlite`);
      return Promise.resolve();
    },
    open: (clock) => Promise.resolve(new SqliteStorage(file, { clock })),
    cleanup: () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
});

describePostgres('PostgreSQL bot state storage', (url) => {
  storageContract('PostgreSQL', () => {
    const schema = new TestSchema(url);
    return {
      reset: () => schema.reset(),
      open: async (clock) => {
        const storage = new PostgresStorage(schema.pool(), { clock });
        await storage.ready();
        return storage;
      },
      cleanup: () => schema.drop(),
    };
  });
});
