import type { Harness } from './app';
import { actionData } from './app';
import { teamsMessage } from './channel';
import {
  EXPERT,
  PERSON,
  STRANGER,
  TEAM_CHANNEL,
  askThroughFallback,
  channelMessage,
  draftsPassKbCheck,
  executeActivity,
  invokeCardTexts,
  texts,
  waitFor,
} from './questions';
import type { TestClock } from './clock';

/** The instances of one run: the person talks to `asker`, the team to `team` (the same one, or two). */
export interface LoopSetup {
  asker: Harness;
  team: Harness;
  all: Harness[];
  clock: TestClock;
  /** Environment for the command-line tools to find the same store. */
  env: Record<string, string>;
}

const QUESTION = 'Får jag ta med min jobbdator på semester till Thailand och jobba därifrån?';
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The ask-and-answer loop as a sequence of tests sharing one service (see helpers/questions.ts). */
export function questionLoop(setup: () => LoopSetup): void {
  let s: LoopSetup;
  let id = '';
  const execute = (
    data: Record<string, unknown>,
    who = EXPERT,
    conversation = `${TEAM_CHANNEL};messageid=1`,
    type = 'channel',
  ) => s.team.invoke(executeActivity(s.team, who, conversation, data, type));
  const teamCard = (match: string) => waitFor(s.team, TEAM_CHANNEL, (t) => t.includes(match));

  beforeAll(() => {
    s = setup();
  });

  test('a team member registers a question channel for informationssäkerhet; a stranger cannot', async () => {
    const denied = await s.team.send({
      ...channelMessage(s.team, 'registrera frågekanal hot och våld'),
      from: { id: STRANGER.userId, aadObjectId: STRANGER.aadObjectId },
    });
    expect(texts(denied)).toContain('Bara medlemmar');
    const done = await s.team.send(channelMessage(s.team, 'registrera frågekanal informationssäkerhet'));
    expect(texts(done)).toContain('Frågor om Informationssäkerhet skickas till den här konversationen');
  });

  test('"vet inte" → Fråga säkerhetsfunktionen → an FQ receipt, and the routed channel gets the team card', async () => {
    id = await askThroughFallback(s.asker, QUESTION);
    expect(id).toMatch(/^FQ-2026-\d{6}$/);
    const card = texts([await teamCard(id)]);
    expect(card).toContain(QUESTION);
    expect(card).toContain('Informationssäkerhet');
    expect(card).toContain('Väntat');
    for (const button of [
      '[Svara]',
      '[Jag tar den]',
      '[Skicka vidare till annat område]',
      '[Stäng utan svar]',
    ])
      expect(card).toContain(button);
  });

  test('"Jag tar den" updates the card in place', async () => {
    const res = await execute({ verb: 'question.take', id, version: 1 });
    expect(res.status).toBe(200);
    expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(invokeCardTexts(res.body)).toContain('Någon tittar på den');
  });

  test('another user can neither read nor answer it, whatever they submit', async () => {
    const opened = await s.asker.send(
      teamsMessage(s.asker.channel.serviceUrl, { ...STRANGER, value: { verb: 'question.open', id } }),
    );
    expect(texts(opened)).toContain('Frågan finns inte eller saknar behörighet');
    const typed = await s.asker.send(
      teamsMessage(s.asker.channel.serviceUrl, { ...STRANGER, text: `öppna ${id}` }),
    );
    expect(texts(typed)).toContain('saknar behörighet');
    const forged = await execute(
      { verb: 'question.answer', id, version: 2, answer: 'Falskt svar' },
      STRANGER,
      STRANGER.conversationId,
      'personal',
    );
    expect(invokeCardTexts(forged.body)).toContain('Frågan finns inte eller saknar behörighet');
    expect(texts([...opened, ...typed])).not.toContain('Thailand');
    await pause(300);
    expect(texts(s.asker.channel.messages(PERSON.conversationId))).not.toContain('Falskt svar');
  });

  test('the answer reaches the person in their chat, also when their endpoint was down for a while', async () => {
    s.asker.channel.down.add(PERSON.conversationId);
    const res = await execute({
      verb: 'question.answer',
      id,
      version: 2,
      answer: 'Nej, inte utan beslut från din chef och IT.',
    });
    expect(invokeCardTexts(res.body)).toContain('Besvarad');
    await pause(600);
    expect(texts(s.asker.channel.messages(PERSON.conversationId))).not.toContain('Nej, inte utan beslut');
    s.asker.channel.down.delete(PERSON.conversationId);
    s.clock.advance(10 * 60_000); // the retry's back-off has passed
    const answer = texts([
      await waitFor(s.asker, PERSON.conversationId, (t) => t.includes('Nej, inte utan beslut')),
    ]);
    expect(answer).toContain(`Svar på din fråga ${id}`);
    expect(answer).toContain('[Tack, det hjälpte]');
    expect(answer).toContain('[Jag har en följdfråga]');
  });

  test('a follow-up reopens the thread with the same team; the second answer and "Tack" update the team card', async () => {
    const answerCard = await waitFor(s.asker, PERSON.conversationId, (t) =>
      t.includes('[Jag har en följdfråga]'),
    );
    const replies = await s.asker.send(
      teamsMessage(s.asker.channel.serviceUrl, {
        ...PERSON,
        value: actionData(answerCard, 'question.followUpForm'),
      }),
    );
    // The reply that holds the form: with two instances and a test clock that jumps ten minutes,
    // a delivery retry of the earlier answer can land in the same chat during this turn.
    const form = replies.find((r) => JSON.stringify(r).includes('"question.followUp"'));
    const sent = await s.asker.send(
      teamsMessage(s.asker.channel.serviceUrl, {
        ...PERSON,
        value: { ...actionData(form, 'question.followUp'), text: 'Gäller det även Norge?' },
      }),
    );
    expect(texts(sent)).toContain('samma grupp');
    const fresh = await teamCard('Gäller det även Norge?');
    expect(texts([fresh])).toContain('Följdfråga');
    const version = Number(actionData(fresh, 'question.answer').version);
    await execute({ verb: 'question.answer', id, version, answer: 'Norge är inom EES: fråga IT om VPN.' });
    const second = await waitFor(s.asker, PERSON.conversationId, (t) => t.includes('Norge är inom EES'));
    const thanks = await s.asker.send(
      teamsMessage(s.asker.channel.serviceUrl, { ...PERSON, value: actionData(second, 'question.thanks') }),
    );
    expect(texts(thanks)).toContain('Tack för att du berättade');
    const deadline = Date.now() + 5000;
    while (
      !s.team.channel.updates.some((u) => texts([u.activity]).includes('det hjälpte')) &&
      Date.now() < deadline
    )
      await pause(50);
    const updated = s.team.channel.updates.filter((u) => texts([u.activity]).includes('det hjälpte'));
    expect(updated.map((u) => u.conversationId)).toEqual([TEAM_CHANNEL]);
  });

  test('"mina frågor" lists the question for the person only', async () => {
    expect(
      texts(await s.asker.send(teamsMessage(s.asker.channel.serviceUrl, { ...PERSON, text: 'mina frågor' }))),
    ).toContain(id);
    expect(
      texts(
        await s.asker.send(teamsMessage(s.asker.channel.serviceUrl, { ...STRANGER, text: 'mina frågor' })),
      ),
    ).not.toContain(id);
  });

  test('"Föreslå som kunskap" makes a draft that npm run kb:drafts writes and kb:check accepts', async () => {
    const res = await execute({ verb: 'question.suggest', id });
    expect(invokeCardTexts(res.body)).toContain('Utkast till kunskapsbanken');
    const result = await draftsPassKbCheck(s.env);
    expect(result.files).toContain(`${id.toLowerCase()}.yaml`);
    expect(result.check).toBe(0);
    expect(result.broken).toBe(1);
  }, 90_000);

  test('an unanswered question gets one reminder after the SLA in working time, none at night', async () => {
    const second = await askThroughFallback(
      s.asker,
      'Hur länge ska loggar från vårt ärendesystem sparas enligt stadens regler?',
    );
    await teamCard(second);
    const reminders = () =>
      s.team.channel.messages(TEAM_CHANNEL).filter((a) => texts([a]).includes(`Påminnelse: ${second}`));
    s.clock.set('2026-12-01T15:59:00Z'); // Tuesday 16:59: under 8 working hours
    await pause(400);
    s.clock.set('2026-12-02T02:00:00Z'); // Wednesday 03:00: overdue, but night
    await pause(400);
    expect(reminders()).toHaveLength(0);
    s.clock.set('2026-12-02T08:30:00Z'); // Wednesday 09:30
    await waitFor(s.team, TEAM_CHANNEL, (t) => t.includes(`Påminnelse: ${second}`));
    await pause(500);
    expect(reminders()).toHaveLength(1);
  });
}
