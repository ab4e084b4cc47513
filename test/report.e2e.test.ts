/**
 * The guided report over real HTTP without credentials: each report type from "rapportera" to a
 * reference number, durable across a restart, the security conversation notified, and nobody
 * else able to read it.
 */
import { join } from 'node:path';
import { cardTexts, teamsMessage } from './helpers/channel';
import { actionData, Harness } from './helpers/app';
import { runReport } from './helpers/report';
import { SqliteReportRepository } from '../src/report/store/sqliteReportRepository';

const SECURITY_CONVERSATION = 'security-channel';
const TEAM_MEMBER = { userId: 'sec-1', aadObjectId: 'aad-security-1', conversationId: 'sec-1-chat' };
const REPORTER = { userId: 'reporter-1', aadObjectId: 'aad-reporter-1', conversationId: 'reporter-1-chat' };
const STRANGER = { userId: 'stranger-1', aadObjectId: 'aad-stranger-1', conversationId: 'stranger-1-chat' };

let h: Harness;
const texts = (replies: Awaited<ReturnType<Harness['send']>>) => replies.flatMap(cardTexts).join('\n');
const say = (who: typeof REPORTER, text: string) =>
  h.send(teamsMessage(h.channel.serviceUrl, { ...who, text }));
const click = (who: typeof REPORTER, value: Record<string, unknown>) =>
  h.send(teamsMessage(h.channel.serviceUrl, { ...who, value }));

beforeAll(async () => {
  h = new Harness();
  await h.channel.start();
  // The security team's channel lives on the same fake channel server.
  Object.assign(h, {});
  const reference = {
    serviceUrl: h.channel.serviceUrl,
    channelId: 'msteams',
    conversation: { id: SECURITY_CONVERSATION },
    bot: { id: 'bot-1' },
  };
  (h as unknown as { env: Record<string, string> }).env = {
    SECURITY_TEAM_AAD_OBJECT_IDS: TEAM_MEMBER.aadObjectId,
    SECURITY_CONVERSATION_REFERENCE: JSON.stringify(reference),
  };
  await h.start();
});
afterAll(() => h.stop());

describe('reporting a threat step by step', () => {
  let reference = '';

  test('hot och våld: safety card, each step, summary, Skicka gives a reference number', async () => {
    const run = await runReport(h, 'hot-och-vald', REPORTER);
    reference = run.reference;
    expect(reference).toMatch(/^SG-\d{4}-\d{4,}$/);
    const seen = run.transcript.map((t) => t.join('\n'));
    expect(seen[0]).toMatch(/Är någon i fara just nu/);
    expect(seen.some((t) => /Steg 2 av \d/.test(t))).toBe(true);
    expect(seen.some((t) => /\[Skicka\]/.test(t))).toBe(true);
    const receipt = cardTexts(run.receipt).join('\n');
    expect(receipt).toMatch(/114 14/);
    expect(receipt).toMatch(/Arbetsmiljöverket/);
    expect(receipt).toMatch(/KIA/);
  });

  test('the security conversation is notified, without the free text', async () => {
    const notes = await h.channel.waitForMessages(1, 5000, SECURITY_CONVERSATION);
    const all = notes.flatMap(cardTexts).join('\n');
    expect(all).toContain(reference);
    expect(all).not.toContain('skrek och hotade');
  });

  test('otillåten påverkan and informationssäkerhet also end in a reference number', async () => {
    for (const type of ['otillaten-paverkan', 'informationssakerhet'] as const) {
      const run = await runReport(h, type, REPORTER, 'Någon ville att jag skulle ändra beslutet.');
      expect(run.reference).toMatch(/^SG-\d{4}-\d{4,}$/);
    }
  });

  test('after a restart "mina rapporter" lists the reports', async () => {
    await h.restart();
    const all = texts(await say(REPORTER, 'mina rapporter'));
    expect(all).toContain(reference);
  });

  test('a second user sees none of them, whatever they type or submit', async () => {
    expect(texts(await say(STRANGER, 'mina rapporter'))).not.toContain(reference);
    expect(texts(await say(STRANGER, 'alla rapporter'))).not.toContain(reference);
    const forged = texts(await click(STRANGER, { verb: 'reports.open', reference }));
    expect(forged).not.toContain(reference);
    expect(forged).toMatch(/finns inte, eller så har du inte behörighet/);
    const status = texts(await click(STRANGER, { verb: 'reports.setStatus', reference, status: 'avslutad' }));
    expect(status).toMatch(/bara för säkerhetsfunktionen/);
    // the same stranger with a forged aadObjectId in the card data gains nothing either
    const forgedId = texts(
      await click(STRANGER, { verb: 'reports.open', reference, aadObjectId: TEAM_MEMBER.aadObjectId }),
    );
    expect(forgedId).not.toContain('skrek och hotade');
  });

  test('the security team lists all, opens one with the free text, sets a status and the reporter is told', async () => {
    expect(texts(await say(TEAM_MEMBER, 'alla rapporter'))).toContain(reference);
    const detail = await click(TEAM_MEMBER, { verb: 'reports.open', reference });
    expect(texts(detail)).toContain('En besökare skrek och hotade mig vid disken.');
    const before = h.channel.messages(REPORTER.conversationId).length;
    const updated = await click(
      TEAM_MEMBER,
      actionData(detail[0], 'reports.setStatus', { status: 'under-utredning' }),
    );
    expect(texts(updated)).toMatch(/[Uu]nder utredning/);
    const told = await h.channel.waitForMessages(before + 1, 5000, REPORTER.conversationId);
    expect(told.slice(before).flatMap(cardTexts).join('\n')).toContain(reference);
  });

  test('a closed report can be reopened: the button the closed card offers is accepted', async () => {
    const detail = await click(TEAM_MEMBER, { verb: 'reports.open', reference });
    const closed = await click(
      TEAM_MEMBER,
      actionData(detail[0], 'reports.setStatus', { status: 'avslutad' }),
    );
    expect(texts(closed)).toContain('Avslutad');
    const reopened = await click(
      TEAM_MEMBER,
      actionData(closed[0], 'reports.setStatus', { status: 'under-utredning' }),
    );
    expect(texts(reopened)).not.toContain('Den statusändringen går inte att göra');
    expect(texts(reopened)).toMatch(/Status.*Under utredning/s);
  });
});

describe('drafts and odd input', () => {
  test('a draft survives a restart and the person is offered to continue or discard it', async () => {
    const who = { userId: 'drafter', aadObjectId: 'aad-drafter', conversationId: 'drafter-chat' };
    let replies = await say(who, 'rapportera');
    replies = await click(who, actionData(replies.at(-1), 'report.safety', { danger: 'no' }));
    const step1 = await click(
      who,
      actionData(replies.at(-1), 'report.chooseType', { reportType: 'hot-och-vald' }),
    );
    expect(texts(step1)).toMatch(/Steg 1 av/);
    await h.restart();
    const after = texts(await say(who, 'vad gör jag om jag blir hotad'));
    expect(after).toMatch(/Du har påbörjat en rapport/);
    const again = await say(who, 'rapportera');
    expect(texts(again)).toMatch(/Fortsätt|Släng/);
  });

  test('danger now shows 112 first and pauses the report', async () => {
    const who = { userId: 'danger', aadObjectId: 'aad-danger', conversationId: 'danger-chat' };
    const start = await say(who, 'rapportera');
    const danger = await click(who, actionData(start.at(-1), 'report.safety', { danger: 'yes' }));
    const first = cardTexts(danger.at(-1)!);
    expect(first[0]).toMatch(/112/);
    expect(first.join('\n')).toMatch(/114 14/);
  });

  test('${...}, 10 000 characters, emoji and right-to-left text are shown literally and stored intact', async () => {
    const weird = `\${process.exit()} 🙂 שלום عربى ${'x'.repeat(10_000 - 40)}`.slice(0, 10_000);
    const who = { userId: 'weird', aadObjectId: 'aad-weird', conversationId: 'weird-chat' };
    const run = await runReport(h, 'hot-och-vald', who, weird);
    const team = await click(TEAM_MEMBER, { verb: 'reports.open', reference: run.reference });
    expect(JSON.stringify(team[0]?.attachments)).toContain(JSON.stringify(weird).slice(1, 200));
    const repo = new SqliteReportRepository(join(h.dataDir, 'reports.sqlite'));
    const stored = await repo.getByReference(run.reference);
    await repo.close();
    expect(Object.values(stored?.answers ?? {})).toContain(weird);
  });

  test('pressing Skicka twice (double click or channel retry) creates one report', async () => {
    const who = { userId: 'double', aadObjectId: 'aad-double', conversationId: 'double-chat' };
    const run = await runReport(h, 'otillaten-paverkan', who);
    const second = texts(await click(who, actionData(run.summary, 'report.submit')));
    // The second press shows the same reference or says the form is no longer active; never a new one.
    expect((second.match(/SG-\d{4}-\d{4,}/g) ?? []).every((r) => r === run.reference)).toBe(true);
    const mine = texts(await say(who, 'mina rapporter'));
    expect(mine.match(/SG-\d{4}-\d{4,}/g)).toEqual([run.reference]);
  });
});
