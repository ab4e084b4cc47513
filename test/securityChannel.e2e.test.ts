/**
 * No security conversation configured: reports wait in the outbox, and the moment a security team
 * member registers a channel, every waiting notification is delivered there.
 */
import { cardTexts, teamsMessage } from './helpers/channel';
import { Harness } from './helpers/app';
import { runReport } from './helpers/report';

const TEAM = { userId: 'sec-9', aadObjectId: 'aad-sec-9' };
const h = new Harness({ SECURITY_TEAM_AAD_OBJECT_IDS: TEAM.aadObjectId });

beforeAll(() => h.start());
afterAll(() => h.stop());

test('a report made before any security channel exists is delivered once one is registered', async () => {
  const run = await runReport(h, 'otillaten-paverkan', {
    userId: 'early',
    aadObjectId: 'aad-early',
    conversationId: 'early-chat',
  });
  await new Promise((r) => setTimeout(r, 400)); // a few outbox polls find no target

  const group = teamsMessage(h.channel.serviceUrl, {
    ...TEAM,
    text: 'registrera säkerhetskanal',
    conversationId: 'sec-group',
  });
  group.conversation = { id: 'sec-group', conversationType: 'groupChat', isGroup: true };
  const reply = await h.send(group);
  expect(reply.flatMap(cardTexts).join('\n')).toMatch(/Nya rapporter aviseras/);

  const notes = await h.channel.waitForMessages(2, 5000, 'sec-group');
  expect(notes.flatMap(cardTexts).join('\n')).toContain(run.reference);
});

test('someone outside the security team cannot make their chat the notification target', async () => {
  const group = teamsMessage(h.channel.serviceUrl, {
    userId: 'x',
    aadObjectId: 'aad-x',
    text: 'registrera säkerhetskanal',
    conversationId: 'x-group',
  });
  group.conversation = { id: 'x-group', conversationType: 'groupChat', isGroup: true };
  const reply = await h.send(group);
  expect(reply.flatMap(cardTexts).join('\n')).toMatch(/bara för säkerhetsfunktionen/);
});
