import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { Logger } from '../../logger';
import {
  DEFAULT_BACKOFF_SCHEDULE_MS,
  OutboxWorker,
  PermanentOutboxError,
  errorCode,
  exponentialBackoff,
  type OutboxSender,
} from './outbox';
import type { OutboxMessage, OutboxMessageInput } from '../store/repository';
import { SqliteReportRepository } from '../store/sqliteReportRepository';
import type { NewReport } from '../types';

const SECRET_TEXT = 'Hemlig beskrivning av hotet';
const SECOND = 1000;
const HOUR = 3_600_000;

class FakeClock {
  current = new Date('2026-03-10T09:00:00.000Z');
  readonly now = (): Date => this.current;
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** A pino logger writing into an array, so tests can read what would reach the log. */
function capturingLogger(): {
  logger: Logger;
  lines: () => Array<Record<string, unknown>>;
  text: () => string;
} {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = pino({ level: 'debug' }, stream);
  return {
    logger,
    text: () => chunks.join(''),
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

/** A sender from a plain function: what it returns is a send, what it throws is a failed send. */
function sender(fn: (m: OutboxMessage) => void): OutboxSender {
  return (m) => Promise.resolve().then(() => fn(m));
}

let keySeq = 0;
function newReport(): NewReport {
  keySeq += 1;
  return {
    type: 'hot-och-vald',
    reporter: { userId: '29:alice' },
    answers: { description: SECRET_TEXT },
    idempotencyKey: `k-${keySeq}`,
  };
}

const teams: OutboxMessageInput = { channel: 'teams', payload: { kind: 'created' } };
const webhook: OutboxMessageInput = { channel: 'webhook', payload: { kind: 'created' } };

describe('OutboxWorker', () => {
  let dir: string;
  let file: string;
  let clock: FakeClock;
  let repo: SqliteReportRepository;
  const toClose: SqliteReportRepository[] = [];

  function openRepo(): SqliteReportRepository {
    const r = new SqliteReportRepository(file, { clock: clock.now });
    toClose.push(r);
    return r;
  }

  function worker(
    senders: Partial<Record<'teams' | 'webhook' | 'reporter', OutboxSender>>,
    extra: Partial<ConstructorParameters<typeof OutboxWorker>[0]> = {},
  ) {
    return new OutboxWorker({
      repository: repo,
      senders,
      logger: pino({ level: 'silent' }),
      clock: clock.now,
      pollIntervalMs: 10,
      batchSize: 10,
      maxAttempts: 5,
      backoff: (attempt) => attempt * 10 * SECOND,
      ...extra,
    });
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sg-outbox-'));
    file = join(dir, 'reports.sqlite');
    clock = new FakeClock();
    repo = openRepo();
  });

  afterEach(async () => {
    await Promise.all(toClose.splice(0).map((r) => r.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('when a report is queued, each message goes to its channel sender once and is then delivered', async () => {
    const sent: OutboxMessage[] = [];
    const record = sender((m) => sent.push(m));
    const { report } = await repo.create(newReport(), [teams, webhook]);
    const w = worker({ teams: record, webhook: record });
    expect(await w.runOnce()).toEqual({ claimed: 2, delivered: 2, failed: 0, dead: 0 });
    expect(sent.map((m) => [m.channel, m.reference])).toEqual([
      ['teams', report.reference],
      ['webhook', report.reference],
    ]);
    expect(await repo.pendingOutboxCount()).toBe(0);
    expect(await w.runOnce()).toEqual({ claimed: 0, delivered: 0, failed: 0, dead: 0 });
    expect(w.stats).toEqual({ delivered: 2, failed: 0, dead: 0 });
  });

  it('when the sender fails twice, the message is retried after the backoff and then delivered', async () => {
    let calls = 0;
    const flaky = sender(() => {
      calls += 1;
      if (calls <= 2) throw Object.assign(new Error('Service Unavailable'), { code: 'http-503' });
    });
    const backoff = jest.fn((attempt: number) => attempt * 10 * SECOND);
    await repo.create(newReport(), [teams]);
    const w = worker({ teams: flaky }, { backoff });

    expect((await w.runOnce()).failed).toBe(1);
    expect((await w.runOnce()).claimed).toBe(0);
    clock.advance(10 * SECOND);
    expect((await w.runOnce()).failed).toBe(1);
    clock.advance(19 * SECOND);
    expect((await w.runOnce()).claimed).toBe(0);
    clock.advance(1 * SECOND);
    expect((await w.runOnce()).delivered).toBe(1);

    expect(calls).toBe(3);
    expect(backoff.mock.calls.map(([a]) => a)).toEqual([1, 2]);
    expect(await repo.pendingOutboxCount()).toBe(0);
    expect(w.stats).toEqual({ delivered: 1, failed: 2, dead: 0 });
  });

  it('when every attempt fails, the message goes dead after maxAttempts, is counted and logged with ids only', async () => {
    const log = capturingLogger();
    const failing = sender(() => {
      throw new Error(`upstream echoed: ${SECRET_TEXT}`);
    });
    const { report } = await repo.create(newReport(), [teams]);
    const w = worker({ teams: failing }, { maxAttempts: 3, logger: log.logger });
    for (let i = 0; i < 10; i++) {
      await w.runOnce();
      clock.advance(HOUR);
    }
    expect(w.stats).toEqual({ delivered: 0, failed: 2, dead: 1 });
    expect(await repo.deadOutboxCount()).toBe(1);
    expect(await repo.pendingOutboxCount()).toBe(0);
    const dead = log.lines().find((l) => l.msg === 'outbox message dead');
    expect(dead).toMatchObject({ channel: 'teams', reference: report.reference, attempt: 3, code: 'error' });
    expect(log.text()).not.toContain(SECRET_TEXT);
    expect(log.text()).not.toContain('upstream echoed');
  });

  it('when a worker dies after claiming, a new worker on the same file delivers once the lease has run out', async () => {
    await repo.create(newReport(), [teams, webhook]);
    // The old process claims (leases) both messages and dies before sending.
    const claimed = await repo.claimDueOutbox(clock.now(), 10, 60 * SECOND);
    expect(claimed).toHaveLength(2);
    await repo.close();

    repo = openRepo();
    const sent: number[] = [];
    const record = sender((m) => sent.push(m.id));
    const w = worker({ teams: record, webhook: record }, { leaseMs: 60 * SECOND });
    expect((await w.runOnce()).claimed).toBe(0);
    clock.advance(60 * SECOND);
    expect((await w.runOnce()).delivered).toBe(2);
    expect(sent.sort()).toEqual(claimed.map((m) => m.id).sort());
  });

  it('when the service restarts before sending, the new worker delivers what was queued', async () => {
    await repo.create(newReport(), [teams]);
    await repo.close();
    repo = openRepo();
    const sent: string[] = [];
    const w = worker({ teams: sender((m) => sent.push(m.reference)) });
    expect((await w.runOnce()).delivered).toBe(1);
    expect(sent).toHaveLength(1);
  });

  it('with flaky senders and a restart half-way, no message is ever lost', async () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const delivered = new Set<number>();
    const flaky = sender((m) => {
      if (random() < 0.5) throw Object.assign(new Error('boom'), { code: 'ECONNRESET' });
      delivered.add(m.id);
    });
    const all = new Set<number>();
    for (let i = 0; i < 30; i++) await repo.create(newReport(), [i % 2 === 0 ? teams : webhook]);
    for (const m of await repo.claimDueOutbox(clock.now(), 100, 0)) all.add(m.id);

    let w = worker(
      { teams: flaky, webhook: flaky },
      { maxAttempts: 1000, batchSize: 7, leaseMs: 60 * SECOND, sendTimeoutMs: SECOND },
    );
    for (let round = 0; round < 200 && (await repo.pendingOutboxCount()) > 0; round++) {
      if (round === 5) {
        await w.stop();
        await repo.close();
        repo = openRepo();
        w = worker(
          { teams: flaky, webhook: flaky },
          { maxAttempts: 1000, batchSize: 7, leaseMs: 60 * SECOND, sendTimeoutMs: SECOND },
        );
      }
      await w.runOnce();
      clock.advance(HOUR);
    }
    expect(await repo.pendingOutboxCount()).toBe(0);
    expect(await repo.deadOutboxCount()).toBe(0);
    expect([...delivered].sort((a, b) => a - b)).toEqual([...all].sort((a, b) => a - b));
  });

  it('when a sender reports a permanent failure, the message goes dead at once without retries', async () => {
    await repo.create(newReport(), [teams]);
    const w = worker({
      teams: sender(() => {
        throw new PermanentOutboxError('conversation-gone');
      }),
    });
    expect(await w.runOnce()).toEqual({ claimed: 1, delivered: 0, failed: 0, dead: 1 });
    expect(await repo.deadOutboxCount()).toBe(1);
  });

  it('messages for a channel without a sender stay pending and are not charged an attempt', async () => {
    await repo.create(newReport(), [webhook]);
    const w = worker({ teams: sender(() => undefined) });
    expect((await w.runOnce()).claimed).toBe(0);
    expect(await repo.pendingOutboxCount()).toBe(1);
    const [m] = await repo.claimDueOutbox(clock.now(), 10, 1000);
    expect(m?.attempts).toBe(1);
  });

  it('when a send hangs, it counts as a failed attempt with code timeout', async () => {
    const log = capturingLogger();
    await repo.create(newReport(), [teams]);
    const w = worker(
      { teams: () => new Promise<void>(() => undefined) },
      { sendTimeoutMs: 20, logger: log.logger },
    );
    expect((await w.runOnce()).failed).toBe(1);
    expect(log.lines().find((l) => l.msg === 'outbox send failed')).toMatchObject({
      code: 'timeout',
      attempt: 1,
    });
  });

  it('when started, the worker polls on its own, and stop() waits for the send in flight to be recorded', async () => {
    await repo.create(newReport(), [teams]);
    let release: () => void = () => undefined;
    let started: () => void = () => undefined;
    const sendStarted = new Promise<void>((r) => (started = r));
    const w = worker({
      teams: () =>
        new Promise<void>((resolve) => {
          release = resolve;
          started();
        }),
    });
    w.start();
    await sendStarted;
    let stopped = false;
    const stopping = w.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(await repo.pendingOutboxCount()).toBe(0);
    expect(w.stats.delivered).toBe(1);
  });

  it('trigger() makes a started worker poll at once instead of waiting for the interval', async () => {
    const sent: number[] = [];
    const w = worker({ teams: sender((m) => sent.push(m.id)) }, { pollIntervalMs: 60_000 });
    w.start();
    await new Promise((r) => setTimeout(r, 20));
    await repo.create(newReport(), [teams]);
    w.trigger();
    for (let i = 0; i < 50 && sent.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    await w.stop();
    expect(sent).toHaveLength(1);
  });

  it('refuses a send timeout that is not shorter than the lease (a slow send would be sent twice)', () => {
    expect(() => worker({}, { leaseMs: 1000, sendTimeoutMs: 1000 })).toThrow(RangeError);
  });
});

describe('exponentialBackoff', () => {
  it('without jitter it follows 5 s, 30 s, 2 min, 10 min, 1 h and stays at 1 h', () => {
    const backoff = exponentialBackoff({ jitter: 0 });
    expect([1, 2, 3, 4, 5, 6, 50].map(backoff)).toEqual([
      5_000, 30_000, 120_000, 600_000, 3_600_000, 3_600_000, 3_600_000,
    ]);
  });

  it.each([0, 0.5, 0.999])(
    'with jitter (random %s) each delay stays within ±20 %% and never above the cap',
    (r) => {
      const backoff = exponentialBackoff({ random: () => r });
      DEFAULT_BACKOFF_SCHEDULE_MS.forEach((base, i) => {
        const delay = backoff(i + 1);
        expect(delay).toBeGreaterThanOrEqual(base * 0.8);
        expect(delay).toBeLessThanOrEqual(Math.min(base * 1.2, 3_600_000));
      });
    },
  );

  it('a nonsense attempt number is treated as the first', () => {
    expect(exponentialBackoff({ jitter: 0 })(0)).toBe(5_000);
    expect(exponentialBackoff({ jitter: 0 })(-3)).toBe(5_000);
  });
});

describe('errorCode', () => {
  it.each([
    [Object.assign(new Error('connect failed'), { code: 'ECONNREFUSED' }), 'ECONNREFUSED'],
    [Object.assign(new Error('x'), { code: 'http-503' }), 'http-503'],
    [new TypeError(`bad ${SECRET_TEXT}`), 'TypeError'],
    [new Error(SECRET_TEXT), 'error'],
    [SECRET_TEXT, 'error'],
    [Object.assign(new Error('x'), { code: 'weird code <script>' }), 'weirdcodescript'],
    [undefined, 'error'],
  ])('failure %p is recorded as %j, never with its message', (error, expected) => {
    expect(errorCode(error)).toBe(expected);
  });
});
