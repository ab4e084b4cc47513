/**
 * The report use cases without any SDK or adapter: a Turn built by hand, the real SQLite
 * repository and state store in memory, proactive sends recorded.
 */
import { join } from 'node:path';
import type { AdaptiveCardJson } from '../cards/renderCard';
import { ContactResolver } from '../knowledge/contacts';
import { loadKnowledge } from '../knowledge/loader';
import { loadConfig } from '../config';
import { silentLogger } from '../logger';
import { SqliteStorage } from '../storage';
import { Turn, type Place } from '../turn';
import { SqliteReportRepository } from './store/sqliteReportRepository';
import type { Actor, ConversationRef } from './types';
import { ReportUseCases } from './useCases';
import { Metrics } from '../metrics';

const { kb } = loadKnowledge(join(__dirname, '..', '..', 'knowledge'));
const TEAM: Actor = { userId: 'sec-1', aadObjectId: 'aad-sec-1', name: 'Säkerhetschefen' };
const REPORTER: Actor = { userId: 'rep-1', aadObjectId: 'aad-rep-1' };
const personal = (id: string): Place => ({ kind: 'personal', reference: { conversation: { id } } });

let repository: SqliteReportRepository;
let storage: SqliteStorage;
let reports: ReportUseCases;
let sent: Array<{ target: ConversationRef; card: AdaptiveCardJson }>;

beforeEach(() => {
  repository = new SqliteReportRepository(':memory:');
  storage = new SqliteStorage(':memory:');
  sent = [];
  reports = new ReportUseCases({
    config: loadConfig({ SECURITY_TEAM_AAD_OBJECT_IDS: TEAM.aadObjectId! }),
    repository,
    storage,
    logger: silentLogger,
    metrics: new Metrics(),
    contactText: (key) => key,
  });
});
afterEach(async () => {
  await reports.stop();
  await repository.close();
  await storage.close();
});

const turn = (actor: Actor, place: Place = personal(`${actor.userId}-chat`)) =>
  new Turn('sv', actor, {}, {}, new ContactResolver(kb.contacts, 'sv'), place);
const cardText = (t: Turn) => JSON.stringify(t.replies);

test('a closed report is reopened by the security team and the reporter is told', async () => {
  const { report } = await repository.create(
    {
      type: 'hot-och-vald',
      reporter: REPORTER,
      answers: {},
      idempotencyKey: 'd1',
      reporterConversation: { conversation: { id: 'rep-1-chat' } },
    },
    [],
  );
  await reports.setStatus(turn(TEAM), { reference: report.reference, status: 'avslutad' });
  const reopen = turn(TEAM);
  await reports.setStatus(reopen, { reference: report.reference, status: 'under-utredning' });
  expect(cardText(reopen)).toContain('Under utredning');
  expect(cardText(reopen)).not.toContain('går inte att göra');
  expect((await repository.getByReference(report.reference))?.status).toBe('under-utredning');
  // One message to the reporter for the closing, one for the reopening.
  expect(await repository.pendingOutboxCount()).toBe(2);
});

test('in a group chat nothing about reports is shown, only the pointer to a private chat', async () => {
  const t = turn(REPORTER, { kind: 'group', reference: {} });
  await reports.flow(t, 'report.start', {});
  expect(cardText(t)).toContain('privat chatt');
  expect(t.conversation.reportDraft).toBeUndefined();
});

test('delivery sends the team notification to the registered conversation through the given send', async () => {
  const { report } = await repository.create(
    { type: 'hot-och-vald', reporter: REPORTER, answers: {}, idempotencyKey: 'd2' },
    [{ channel: 'teams', payload: {} }],
  );
  reports.startDelivery((target, card) => {
    sent.push({ target, card });
    return Promise.resolve();
  });
  const channel: Place = { kind: 'channel', reference: { conversation: { id: 'sec-channel' } } };
  await reports.registerSecurityConversation(turn(TEAM, channel));
  for (let i = 0; i < 100 && sent.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
  expect(sent[0]?.target).toEqual({ conversation: { id: 'sec-channel' } });
  expect(JSON.stringify(sent[0]?.card)).toContain(report.reference);
});
