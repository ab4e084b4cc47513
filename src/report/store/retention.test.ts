import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { purgeExpired, retentionCutoff } from './retention';
import { SqliteReportRepository } from './sqliteReportRepository';

const NOW = new Date('2026-06-30T12:00:00.000Z');

describe('retention', () => {
  it.each([
    [undefined, undefined],
    [0, undefined],
    [1, '2026-06-29T12:00:00.000Z'],
    [365, '2025-06-30T12:00:00.000Z'],
  ])('REPORT_RETENTION_DAYS=%s gives cutoff %s', (days, expected) => {
    expect(retentionCutoff(days, NOW)?.toISOString()).toBe(expected);
  });

  it.each([-1, 1.5, Number.NaN])('a retention of %s days is refused rather than guessed at', (days) => {
    expect(() => retentionCutoff(days, NOW)).toThrow(RangeError);
  });

  it('when retention is off, the store is not touched', async () => {
    const repository = { purgeContentsOlderThan: jest.fn(() => Promise.resolve(3)) };
    expect(await purgeExpired(repository, 0, NOW)).toBe(0);
    expect(await purgeExpired(repository, undefined, NOW)).toBe(0);
    expect(repository.purgeContentsOlderThan).not.toHaveBeenCalled();
  });

  it('with 30 days, a 31-day-old report loses its contents and a 29-day-old one keeps them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-retention-'));
    let now = new Date(NOW.getTime() - 31 * 86_400_000);
    const repo = new SqliteReportRepository(join(dir, 'r.sqlite'), { clock: () => now });
    try {
      const base = { type: 'hot-och-vald' as const, reporter: { userId: '29:a' }, answers: { d: 'text' } };
      const old = (await repo.create({ ...base, idempotencyKey: 'a' }, [])).report;
      now = new Date(NOW.getTime() - 29 * 86_400_000);
      const young = (await repo.create({ ...base, idempotencyKey: 'b' }, [])).report;
      now = NOW;
      expect(await purgeExpired(repo, 30, NOW)).toBe(1);
      expect((await repo.getByReference(old.reference))?.answers).toBeNull();
      expect((await repo.getByReference(young.reference))?.answers).toEqual({ d: 'text' });
    } finally {
      await repo.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
