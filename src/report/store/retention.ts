import type { ReportRepository } from './repository';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The moment before which report contents are purged, or undefined when nothing should be purged.
 * REPORT_RETENTION_DAYS semantics: 0 or unset keeps contents forever (the city decides the period;
 * the software must not guess one).
 */
export function retentionCutoff(retentionDays: number | undefined, now: Date): Date | undefined {
  if (retentionDays === undefined || retentionDays === 0) return undefined;
  if (!Number.isInteger(retentionDays) || retentionDays < 0) {
    throw new RangeError('retentionDays must be a whole number of days, 0 to keep contents');
  }
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

/**
 * Purges the contents of reports older than `retentionDays` (see purgeContentsOlderThan) and returns
 * how many were purged; 0 without touching the store when retention is off. Run at start-up and daily.
 */
export async function purgeExpired(
  repository: Pick<ReportRepository, 'purgeContentsOlderThan'>,
  retentionDays: number | undefined,
  now: Date,
): Promise<number> {
  const cutoff = retentionCutoff(retentionDays, now);
  return cutoff === undefined ? 0 : repository.purgeContentsOlderThan(cutoff);
}
