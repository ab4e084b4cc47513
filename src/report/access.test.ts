import {
  allowedNextStatuses,
  canReadReport,
  canSetStatus,
  canTransition,
  isReportStatus,
  isSecurityTeam,
} from './access';
import type { Actor, Report, ReportStatus } from './types';

const TEAM_MEMBER = '6f1c2a9e-0000-4000-8000-00000000000a';
const team: ReadonlySet<string> = new Set([TEAM_MEMBER, ' 7A2B3C4D-0000-4000-8000-00000000000B ']);

function report(reporter: Actor): Report {
  return {
    id: 1,
    reference: 'SG-2026-000001',
    type: 'hot-och-vald',
    status: 'mottagen',
    reporter,
    answers: { description: 'x' },
    createdAt: '2026-03-10T09:00:00.000Z',
    updatedAt: '2026-03-10T09:00:00.000Z',
  };
}

const alice: Actor = { userId: '29:alice', aadObjectId: 'aad-alice' };
const aliceReport = report(alice);
const purgedReport = report({ userId: '' });

describe('isSecurityTeam and canSetStatus', () => {
  it.each<[string, Actor, boolean]>([
    ['a listed object id', { userId: '29:sec', aadObjectId: TEAM_MEMBER }, true],
    ['a listed id in other letter case', { userId: '29:sec', aadObjectId: TEAM_MEMBER.toUpperCase() }, true],
    [
      'an id listed with spaces and capitals in config',
      { userId: '29:x', aadObjectId: '7a2b3c4d-0000-4000-8000-00000000000b' },
      true,
    ],
    ['an unlisted object id', { userId: '29:bob', aadObjectId: 'aad-bob' }, false],
    ['no object id', { userId: '29:bob' }, false],
    ['an empty object id', { userId: '29:bob', aadObjectId: '' }, false],
    ['a whitespace object id', { userId: '29:bob', aadObjectId: '   ' }, false],
    ['a user id equal to a member object id (forged)', { userId: TEAM_MEMBER }, false],
    [
      'a user id equal to a member object id and an unlisted object id',
      { userId: TEAM_MEMBER, aadObjectId: 'aad-bob' },
      false,
    ],
    ['a name equal to a member object id', { userId: '29:bob', name: TEAM_MEMBER }, false],
    ['a prefix of a member id', { userId: '29:bob', aadObjectId: TEAM_MEMBER.slice(0, 8) }, false],
  ])('%s → %s', (_label, actor, expected) => {
    expect(isSecurityTeam(actor, team)).toBe(expected);
    expect(canSetStatus(actor, team)).toBe(expected);
  });

  it('an empty team list makes nobody a member, not everybody', () => {
    expect(isSecurityTeam({ userId: '29:a', aadObjectId: TEAM_MEMBER }, new Set())).toBe(false);
    expect(isSecurityTeam({ userId: '', aadObjectId: '' }, new Set(['']))).toBe(false);
  });
});

describe('canReadReport', () => {
  it.each<[string, Actor, Report, boolean]>([
    ['the reporter', { userId: '29:alice' }, aliceReport, true],
    ['the reporter without an object id', { userId: '29:alice', aadObjectId: undefined }, aliceReport, true],
    ['a team member', { userId: '29:sec', aadObjectId: TEAM_MEMBER }, aliceReport, true],
    [
      'a team member reading a purged report',
      { userId: '29:sec', aadObjectId: TEAM_MEMBER },
      purgedReport,
      true,
    ],
    ['another user', { userId: '29:bob', aadObjectId: 'aad-bob' }, aliceReport, false],
    ["another user with the reporter's object id as user id", { userId: 'aad-alice' }, aliceReport, false],
    [
      "another user carrying the reporter's object id",
      { userId: '29:bob', aadObjectId: 'aad-alice' },
      aliceReport,
      false,
    ],
    ['an empty user id against a purged report', { userId: '' }, purgedReport, false],
    ['a whitespace user id against a purged report', { userId: '  ' }, purgedReport, false],
    ['an empty user id against a normal report', { userId: '' }, aliceReport, false],
    ['a user id differing only in case', { userId: '29:ALICE' }, aliceReport, false],
  ])('%s → %s', (_label, actor, r, expected) => {
    expect(canReadReport(actor, r, team)).toBe(expected);
  });
});

describe('status transitions', () => {
  it.each<[ReportStatus, ReportStatus[]]>([
    ['mottagen', ['under-utredning', 'avslutad']],
    ['under-utredning', ['avslutad']],
    ['avslutad', ['under-utredning']],
  ])('from %s the team may go to %j', (from, expected) => {
    expect(allowedNextStatuses(from)).toEqual(expected);
  });

  it.each<[ReportStatus, ReportStatus, boolean]>([
    ['mottagen', 'under-utredning', true],
    ['mottagen', 'avslutad', true],
    ['under-utredning', 'avslutad', true],
    ['under-utredning', 'mottagen', false],
    ['avslutad', 'mottagen', false],
    ['avslutad', 'under-utredning', true],
    ['mottagen', 'mottagen', false],
  ])('%s → %s allowed: %s', (from, to, expected) => {
    expect(canTransition(from, to)).toBe(expected);
  });

  it.each(['raderad', '', '__proto__', 'constructor', 'toString'])(
    'a forged status %j from card data leads nowhere and is not a status',
    (value) => {
      expect(allowedNextStatuses(value as ReportStatus)).toEqual([]);
      expect(canTransition(value as ReportStatus, 'avslutad')).toBe(false);
      expect(isReportStatus(value)).toBe(false);
    },
  );
});
