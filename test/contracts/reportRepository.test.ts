import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresReportRepository } from '../../src/report/store/postgresReportRepository';
import { REFERENCE_PATTERN } from '../../src/report/store/reference';
import {
  ReportRepositoryError,
  type OutboxMessageInput,
  type ReportRepository,
} from '../../src/report/store/repository';
import { SqliteReportRepository } from '../../src/report/store/sqliteReportRepository';
import type { NewReport } from '../../src/report/types';
import { TestClock } from '../helpers/clock';
import { TestSchema, describePostgres } from './pgTestSchema';

/**
 * One contract for every ReportRepository: SQLite and PostgreSQL must behave the same, down to the
 * objects they return.
 */

/** Opens repositories on one backing store; `open` again = a restart or a second instance. */
interface Harness {
  reset(): Promise<void>;
  open(clock: () => Date): Promise<ReportRepository>;
  cleanup(): Promise<void>;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let keySeq = 0;
function newReport(overrides: Partial<NewReport> = {}): NewReport {
  keySeq += 1;
  return {
    type: 'hot-och-vald',
    reporter: {
      userId: '29:alice',
      aadObjectId: '00000000-0000-0000-0000-00000000a11c',
      name: 'Alice Andersson',
    },
    organisationId: 'stadsbyggnadskontoret',
    answers: { description: 'Hotfullt mejl efter nämndmötet', when: '2026-03-01' },
    reporterConversation: { conversation: { id: 'a:1' }, serviceUrl: 'https://smba.example/emea/' },
    idempotencyKey: `draft-${keySeq}`,
    ...overrides,
  };
}

const teamNotice: OutboxMessageInput = { channel: 'teams', payload: { kind: 'report.created' } };
const webhookNotice: OutboxMessageInput = { channel: 'webhook', payload: { kind: 'report.created' } };
const securityLead = { userId: '29:sec', aadObjectId: '00000000-0000-0000-0000-0000000005ec' };

function reportRepositoryContract(name: string, makeHarness: () => Harness): void {
  describe(`ReportRepository contract: ${name}`, () => {
    const harness = makeHarness();
    let clock: TestClock;
    let repo: ReportRepository;
    const opened: ReportRepository[] = [];

    async function open(): Promise<ReportRepository> {
      const r = await harness.open(clock.now);
      opened.push(r);
      return r;
    }

    beforeEach(async () => {
      await harness.reset();
      clock = new TestClock(new Date('2026-03-10T09:00:00.000Z'));
      repo = await open();
    });

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((r) => r.close()));
    });

    afterAll(async () => {
      await harness.cleanup();
    });

    describe('create', () => {
      it('when a report is created, it gets an SG reference, status mottagen and the clock time, and reads back equal', async () => {
        const { report, created } = await repo.create(newReport(), [teamNotice]);
        expect(created).toBe(true);
        expect(report.reference).toMatch(REFERENCE_PATTERN);
        expect(report.reference).toBe('SG-2026-000001');
        expect(report.status).toBe('mottagen');
        expect(report.createdAt).toBe('2026-03-10T09:00:00.000Z');
        expect(report.updatedAt).toBe(report.createdAt);
        expect(report.reporter).toEqual({
          userId: '29:alice',
          aadObjectId: '00000000-0000-0000-0000-00000000a11c',
          name: 'Alice Andersson',
        });
        expect(report.organisationId).toBe('stadsbyggnadskontoret');
        expect(report.reporterConversation).toEqual({
          conversation: { id: 'a:1' },
          serviceUrl: 'https://smba.example/emea/',
        });
        expect(report).not.toHaveProperty('purgedAt');
        expect(await repo.getByReference(report.reference)).toEqual(report);
      });

      it('when optional fields are missing, the report leaves them out instead of storing empty values', async () => {
        const input = newReport({ reporter: { userId: '29:bob' } });
        delete input.organisationId;
        delete input.reporterConversation;
        const { report } = await repo.create(input, []);
        expect(report.reporter).toEqual({ userId: '29:bob' });
        await repo.create(newReport({ reporter: { userId: '29:carl' }, organisationId: undefined }), [
          teamNotice,
        ]);
        const [message] = await repo.claimDueOutbox(clock.now(), 1, 1000);
        expect(message?.payload).not.toHaveProperty('organisationId');
        expect(report).not.toHaveProperty('organisationId');
        expect(report).not.toHaveProperty('reporterConversation');
        expect(await repo.getByReference(report.reference)).toEqual(report);
      });

      it('when "Skicka" arrives twice with the same idempotency key, the first report is returned and nothing more is queued', async () => {
        const input = newReport();
        const first = await repo.create(input, [teamNotice, webhookNotice]);
        clock.advance(5000);
        const second = await repo.create({ ...input, answers: { description: 'changed' } }, [teamNotice]);
        expect(second.created).toBe(false);
        expect(second.report).toEqual(first.report);
        expect(await repo.pendingOutboxCount()).toBe(2);
        expect(await repo.listAll()).toHaveLength(1);
      });

      it('when two creates with the same key race, exactly one report is made', async () => {
        const input = newReport();
        const other = await open();
        const results = await Promise.all([
          repo.create(input, [teamNotice]),
          other.create(input, [teamNotice]),
        ]);
        expect(results.filter((r) => r.created)).toHaveLength(1);
        expect(results[0]?.report.reference).toBe(results[1]?.report.reference);
        expect(await repo.pendingOutboxCount()).toBe(1);
      });

      it('the oldest pending notification is reported by when it was queued, and none once all are delivered', async () => {
        expect(await repo.oldestPendingOutboxAt()).toBeUndefined();
        await repo.create(newReport(), [teamNotice]);
        expect(await repo.oldestPendingOutboxAt()).toEqual(clock.now());
        const claimed = await repo.claimDueOutbox(clock.now(), 10, 60_000, ['teams']);
        expect(claimed).toHaveLength(1);
        for (const m of claimed) await repo.markOutboxDelivered(m.id, clock.now());
        expect(await repo.oldestPendingOutboxAt()).toBeUndefined();
      });

      it('when another reporter reuses an idempotency key, the create is refused and their report is not revealed', async () => {
        const input = newReport();
        await repo.create(input, []);
        const forged = { ...input, reporter: { userId: '29:mallory' } };
        await expect(repo.create(forged, [])).rejects.toMatchObject({ code: 'idempotency-key-reused' });
        await expect(repo.create(forged, [])).rejects.toBeInstanceOf(ReportRepositoryError);
      });

      it('references count up within a year and start again at 1 in a new year', async () => {
        const a = await repo.create(newReport(), []);
        const b = await repo.create(newReport(), []);
        clock.set('2027-01-01T00:00:01.000Z');
        const c = await repo.create(newReport(), []);
        expect([a.report.reference, b.report.reference, c.report.reference]).toEqual([
          'SG-2026-000001',
          'SG-2026-000002',
          'SG-2027-000001',
        ]);
      });

      it('when many reports are created at once from two instances, every reference is unique', async () => {
        const other = await open();
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            (i % 2 === 0 ? repo : other).create(newReport(), [teamNotice]),
          ),
        );
        const refs = new Set(results.map((r) => r.report.reference));
        expect(refs.size).toBe(20);
        expect(await repo.pendingOutboxCount()).toBe(20);
      });

      it('answers are stored exactly as given: emoji, right-to-left text, ${...}, quotes, NUL and 10 000 characters', async () => {
        const answers = {
          emoji: '🚨 hot 👮‍♀️ 🇸🇪',
          rtl: 'تهديد عبر البريد الإلكتروني — מאיים',
          template: '${reference} ${user.name} {{x}} %s $1',
          quotes: `"dubbel" 'enkel' \\ backslash \n ny rad \t tab`,
          nul: 'före\u0000efter',
          long: 'å'.repeat(10_000),
          sql: "'; DROP TABLE reports; --",
        };
        const { report } = await repo.create(newReport({ answers }), []);
        const back = await repo.getByReference(report.reference);
        expect(back?.answers).toEqual(answers);
        expect(JSON.stringify(back?.answers)).toBe(JSON.stringify(answers));
        expect(back?.answers?.long).toHaveLength(10_000);
      });

      it('when an outbox message cannot be stored, the report is not stored either (one transaction)', async () => {
        const broken = { channel: 'carrier-pigeon', payload: {} } as unknown as OutboxMessageInput;
        // toHaveProperty, not toThrow: jest shares better-sqlite3's native binding between test files, so
        // its errors may come from another realm and fail jest's instanceof Error check.
        await expect(repo.create(newReport(), [teamNotice, broken])).rejects.toHaveProperty('message');
        expect(await repo.listAll()).toEqual([]);
        expect(await repo.pendingOutboxCount()).toBe(0);
        const next = await repo.create(newReport(), []);
        expect(next.report.reference).toBe('SG-2026-000001');
      });
    });

    it.each([
      ['an unknown type', { type: 'spionage' }],
      ['a non-text answer', { answers: { count: 3 } }],
      ['answers that are not an object', { answers: ['a'] }],
    ])('when the new report has %s, create refuses it and stores nothing', async (_label, patch) => {
      const forged = { ...newReport(), ...patch } as unknown as NewReport;
      await expect(repo.create(forged, [teamNotice])).rejects.toMatchObject({ code: 'invalid-report' });
      expect(await repo.listAll()).toEqual([]);
      expect(await repo.pendingOutboxCount()).toBe(0);
    });

    describe('reading', () => {
      it('an unknown or malformed reference finds nothing', async () => {
        await repo.create(newReport(), []);
        expect(await repo.getByReference('SG-2026-999999')).toBeUndefined();
        expect(await repo.getByReference("' OR 1=1 --")).toBeUndefined();
        expect(await repo.getByReference('')).toBeUndefined();
      });

      it("a reporter's list holds only their reports, newest first, and honours the limit", async () => {
        const refs: string[] = [];
        for (let i = 0; i < 3; i++) {
          refs.push((await repo.create(newReport(), [])).report.reference);
          clock.advance(HOUR);
        }
        await repo.create(newReport({ reporter: { userId: '29:bob' } }), []);
        const mine = await repo.listByReporter('29:alice');
        expect(mine.map((r) => r.reference)).toEqual([...refs].reverse());
        expect((await repo.listByReporter('29:alice', 2)).map((r) => r.reference)).toEqual([
          refs[2],
          refs[1],
        ]);
        expect(await repo.listByReporter('')).toEqual([]);
        expect(await repo.listByReporter('29:nobody')).toEqual([]);
      });

      it('listAll is newest first and filters by status', async () => {
        const a = (await repo.create(newReport(), [])).report;
        clock.advance(HOUR);
        const b = (await repo.create(newReport({ type: 'informationssakerhet' }), [])).report;
        await repo.setStatus(a.reference, 'under-utredning', securityLead, []);
        expect((await repo.listAll()).map((r) => r.reference)).toEqual([b.reference, a.reference]);
        expect((await repo.listAll({ status: 'under-utredning' })).map((r) => r.reference)).toEqual([
          a.reference,
        ]);
        expect((await repo.listAll({ status: 'avslutad' })).length).toBe(0);
        expect((await repo.listAll({ limit: 1 })).map((r) => r.reference)).toEqual([b.reference]);
      });
    });

    describe('setStatus', () => {
      it('when the team moves a report on, status and updatedAt change and the outbox gets the message with reference and status', async () => {
        const { report } = await repo.create(newReport(), []);
        clock.advance(DAY);
        const updated = await repo.setStatus(report.reference, 'under-utredning', securityLead, [
          { channel: 'reporter', payload: { kind: 'status-changed' } },
        ]);
        expect(updated?.status).toBe('under-utredning');
        expect(updated?.updatedAt).toBe('2026-03-11T09:00:00.000Z');
        expect(updated?.createdAt).toBe(report.createdAt);
        expect(await repo.getByReference(report.reference)).toEqual(updated);
        const [message] = await repo.claimDueOutbox(clock.now(), 10, 60_000);
        expect(message?.channel).toBe('reporter');
        expect(message?.reference).toBe(report.reference);
        expect(message?.payload).toEqual({
          kind: 'status-changed',
          reference: report.reference,
          type: 'hot-och-vald',
          status: 'under-utredning',
          createdAt: report.createdAt,
          organisationId: 'stadsbyggnadskontoret',
        });
      });

      it('mottagen may go straight to avslutad', async () => {
        const { report } = await repo.create(newReport(), []);
        expect((await repo.setStatus(report.reference, 'avslutad', securityLead, []))?.status).toBe(
          'avslutad',
        );
      });

      it('when the status asked for is already set (a double click), nothing changes and nothing is queued', async () => {
        const { report } = await repo.create(newReport(), []);
        const first = await repo.setStatus(report.reference, 'under-utredning', securityLead, [teamNotice]);
        clock.advance(HOUR);
        const again = await repo.setStatus(report.reference, 'under-utredning', securityLead, [teamNotice]);
        expect(again).toEqual(first);
        expect(await repo.pendingOutboxCount()).toBe(1);
      });

      it('when a closed report is reopened for investigation, the reporter is told', async () => {
        const { report } = await repo.create(newReport(), []);
        await repo.setStatus(report.reference, 'avslutad', securityLead, []);
        const reopened = await repo.setStatus(report.reference, 'under-utredning', securityLead, [
          teamNotice,
        ]);
        expect(reopened?.status).toBe('under-utredning');
        expect(await repo.pendingOutboxCount()).toBe(1);
      });

      it('when a closed report would go back to mottagen, the change is refused and nothing is queued', async () => {
        const { report } = await repo.create(newReport(), []);
        await repo.setStatus(report.reference, 'avslutad', securityLead, []);
        await expect(
          repo.setStatus(report.reference, 'mottagen', securityLead, [teamNotice]),
        ).rejects.toMatchObject({
          code: 'invalid-status-transition',
        });
        expect((await repo.getByReference(report.reference))?.status).toBe('avslutad');
        expect(await repo.pendingOutboxCount()).toBe(0);
      });

      it('an unknown reference gives undefined and queues nothing', async () => {
        expect(
          await repo.setStatus('SG-2026-000404', 'avslutad', securityLead, [teamNotice]),
        ).toBeUndefined();
        expect(await repo.pendingOutboxCount()).toBe(0);
      });
    });

    describe('retention', () => {
      it('purging removes answers, reporter identity and conversation of old reports but keeps type, status, organisation and dates', async () => {
        const old = (await repo.create(newReport(), [])).report;
        await repo.setStatus(old.reference, 'avslutad', securityLead, []);
        clock.advance(40 * DAY);
        const recent = (await repo.create(newReport(), [])).report;
        clock.advance(DAY);

        const purged = await repo.purgeContentsOlderThan(new Date(clock.now().getTime() - 30 * DAY));
        expect(purged).toBe(1);

        const after = await repo.getByReference(old.reference);
        expect(after).toEqual({
          id: old.id,
          reference: old.reference,
          type: old.type,
          status: 'avslutad',
          reporter: { userId: '' },
          organisationId: old.organisationId,
          answers: null,
          createdAt: old.createdAt,
          updatedAt: old.updatedAt,
          purgedAt: clock.now().toISOString(),
        });
        expect(await repo.getByReference(recent.reference)).toEqual(recent);
        expect((await repo.listByReporter('29:alice')).map((r) => r.reference)).toEqual([recent.reference]);
        expect(await repo.purgeContentsOlderThan(new Date(clock.now().getTime() - 30 * DAY))).toBe(0);
      });

      it('anonymous counts per type and month survive the purge', async () => {
        await repo.create(newReport(), []);
        await repo.create(newReport({ type: 'informationssakerhet' }), []);
        clock.set('2026-04-02T10:00:00.000Z');
        await repo.create(newReport(), []);
        await repo.create(newReport(), []);
        const before = await repo.countsByTypeAndMonth();
        expect(before).toEqual([
          { type: 'hot-och-vald', month: '2026-03', count: 1 },
          { type: 'informationssakerhet', month: '2026-03', count: 1 },
          { type: 'hot-och-vald', month: '2026-04', count: 2 },
        ]);
        await repo.purgeContentsOlderThan(new Date('2030-01-01T00:00:00.000Z'));
        expect(await repo.countsByTypeAndMonth()).toEqual(before);
      });
    });

    describe('outbox', () => {
      it('claiming leases due messages in queue order, counts the attempt and hides them from a second claim until the lease runs out', async () => {
        const { report } = await repo.create(newReport(), [teamNotice, webhookNotice]);
        const first = await repo.claimDueOutbox(clock.now(), 10, 60_000);
        expect(first.map((m) => m.channel)).toEqual(['teams', 'webhook']);
        expect(first[0]).toMatchObject({
          reference: report.reference,
          attempts: 1,
          createdAt: report.createdAt,
          leaseUntil: '2026-03-10T09:01:00.000Z',
          payload: {
            kind: 'report.created',
            reference: report.reference,
            type: 'hot-och-vald',
            status: 'mottagen',
            createdAt: report.createdAt,
            organisationId: 'stadsbyggnadskontoret',
          },
        });
        expect(await repo.claimDueOutbox(clock.now(), 10, 60_000)).toEqual([]);
        clock.advance(60_000);
        const again = await repo.claimDueOutbox(clock.now(), 10, 60_000);
        expect(again.map((m) => [m.id, m.attempts])).toEqual(first.map((m) => [m.id, 2]));
      });

      it('claims respect the limit and the channel filter', async () => {
        await repo.create(newReport(), [teamNotice, webhookNotice, teamNotice]);
        expect((await repo.claimDueOutbox(clock.now(), 1, 60_000)).map((m) => m.channel)).toEqual(['teams']);
        expect(
          (await repo.claimDueOutbox(clock.now(), 10, 60_000, ['webhook'])).map((m) => m.channel),
        ).toEqual(['webhook']);
        expect(await repo.claimDueOutbox(clock.now(), 10, 60_000, [])).toEqual([]);
        expect(await repo.claimDueOutbox(clock.now(), 0, 60_000)).toEqual([]);
      });

      it('two instances claiming at the same moment never get the same message', async () => {
        for (let i = 0; i < 10; i++) await repo.create(newReport(), [teamNotice, webhookNotice]);
        const other = await open();
        const [a, b] = await Promise.all([
          repo.claimDueOutbox(clock.now(), 15, 60_000),
          other.claimDueOutbox(clock.now(), 15, 60_000),
        ]);
        const ids = [...a, ...b].map((m) => m.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).toHaveLength(20);
      });

      it('retryOutboxNow makes waiting and dead messages of one channel due again, and leaves delivered ones alone', async () => {
        await repo.create(newReport(), [teamNotice, teamNotice, teamNotice, webhookNotice]);
        const claimed = await repo.claimDueOutbox(clock.now(), 10, 1000, ['teams']);
        const [delivered, waiting, dead] = claimed;
        await repo.markOutboxDelivered(delivered!.id, clock.now());
        await repo.markOutboxFailed(
          waiting!.id,
          'no-security-conversation',
          new Date(clock.now().getTime() + DAY),
          clock.now(),
        );
        await repo.markOutboxDead(dead!.id, 'no-security-conversation', clock.now());
        clock.advance(60_000);
        expect(await repo.retryOutboxNow('teams', clock.now())).toBe(2);
        const again = await repo.claimDueOutbox(clock.now(), 10, 1000, ['teams']);
        expect(again.map((m) => m.id).sort()).toEqual([waiting!.id, dead!.id].sort());
        expect(again.every((m) => m.attempts === 1)).toBe(true);
      });

      it('a delivered message is never claimed again and leaves the pending count', async () => {
        await repo.create(newReport(), [teamNotice]);
        const [m] = await repo.claimDueOutbox(clock.now(), 10, 1000);
        await repo.markOutboxDelivered(m!.id, clock.now());
        clock.advance(DAY);
        expect(await repo.claimDueOutbox(clock.now(), 10, 1000)).toEqual([]);
        expect(await repo.pendingOutboxCount()).toBe(0);
      });

      it('a failed message waits until its next attempt time, then is claimed again', async () => {
        await repo.create(newReport(), [teamNotice]);
        const [m] = await repo.claimDueOutbox(clock.now(), 10, 60_000);
        await repo.markOutboxFailed(m!.id, 'http-503', new Date(clock.now().getTime() + 30_000), clock.now());
        clock.advance(29_000);
        expect(await repo.claimDueOutbox(clock.now(), 10, 60_000)).toEqual([]);
        clock.advance(1000);
        const [retry] = await repo.claimDueOutbox(clock.now(), 10, 60_000);
        expect(retry).toMatchObject({ id: m!.id, attempts: 2 });
        expect(await repo.pendingOutboxCount()).toBe(1);
      });

      it('a dead message is counted, not pending, and never claimed again; a long error is cut short', async () => {
        await repo.create(newReport(), [teamNotice, webhookNotice]);
        const [m] = await repo.claimDueOutbox(clock.now(), 1, 60_000);
        await repo.markOutboxDead(m!.id, 'x'.repeat(5000), clock.now());
        clock.advance(DAY);
        const rest = await repo.claimDueOutbox(clock.now(), 10, 60_000);
        expect(rest.map((r) => r.id)).not.toContain(m!.id);
        expect(await repo.deadOutboxCount()).toBe(1);
        expect(await repo.pendingOutboxCount()).toBe(1);
      });

      it('messages survive closing and reopening the store (a restart)', async () => {
        await repo.create(newReport(), [teamNotice, webhookNotice]);
        await repo.close();
        const restarted = await open();
        expect(await restarted.pendingOutboxCount()).toBe(2);
        expect(await restarted.claimDueOutbox(clock.now(), 10, 60_000)).toHaveLength(2);
      });
    });

    describe('migrations', () => {
      it('reopening an already migrated store applies nothing twice and keeps the data', async () => {
        const { report } = await repo.create(newReport(), []);
        const again = await open();
        const third = await open();
        expect(await again.getByReference(report.reference)).toEqual(report);
        expect((await third.create(newReport(), [])).report.reference).toBe('SG-2026-000002');
      });
    });
  });
}

reportRepositoryContract('SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sg-reports-'));
  let file = '';
  let n = 0;
  return {
    reset: () => {
      n += 1;
      file = join(dir, `reports-${n}.sqlite`);
      return Promise.resolve();
    },
    open: (clock) => Promise.resolve(new SqliteReportRepository(file, { clock })),
    cleanup: () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
});

describePostgres('PostgreSQL report repository', (url) => {
  reportRepositoryContract('PostgreSQL', () => {
    const schema = new TestSchema(url);
    return {
      reset: () => schema.reset(),
      open: (clock) => PostgresReportRepository.open(schema.pool(), { clock }),
      cleanup: () => schema.drop(),
    };
  });
});
