import type { Actor, Report } from './types';

export { allowedNextStatuses, canTransition, isReportStatus } from './lifecycle';

/**
 * Who may read and change reports. Pure functions over ids the channel vouches for: the Bot Framework
 * authenticates activities, so `from.id` and `from.aadObjectId` can be trusted, while anything inside
 * card data cannot and must never be passed in as an Actor.
 */

/** Entra object ids are GUIDs; config and channel may differ in letter case. */
function normalizeId(id: string | undefined): string {
  return (id ?? '').trim().toLowerCase();
}

/**
 * True when the actor's Entra object id is on the security team list. Only aadObjectId counts: a
 * channel user id that happens to equal a team member's object id grants nothing.
 */
export function isSecurityTeam(actor: Actor, securityTeamAadObjectIds: ReadonlySet<string>): boolean {
  const id = normalizeId(actor.aadObjectId);
  if (id === '') return false;
  for (const member of securityTeamAadObjectIds) {
    if (normalizeId(member) === id) return true;
  }
  return false;
}

/**
 * The reporter (same channel user id) or a security team member may read a report. After retention
 * purged a report it has no reporter any more, so only the team can open it.
 */
export function canReadReport(
  actor: Actor,
  report: Report,
  securityTeamAadObjectIds: ReadonlySet<string>,
): boolean {
  if (isSecurityTeam(actor, securityTeamAadObjectIds)) return true;
  const userId = actor.userId.trim();
  return userId !== '' && userId === report.reporter.userId.trim();
}

/** Only the security team sets case status. */
export function canSetStatus(actor: Actor, securityTeamAadObjectIds: ReadonlySet<string>): boolean {
  return isSecurityTeam(actor, securityTeamAadObjectIds);
}
