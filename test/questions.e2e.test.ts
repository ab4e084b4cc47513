/**
 * "Fråga säkerhetsfunktionen" end to end over HTTP on the embedded store (see helpers/questions.ts
 * for the PostgreSQL and two-instance runs of the same loop).
 */
import { silentLogger } from '../src/logger';
import { Harness } from './helpers/app';
import { teamsMessage } from './helpers/channel';
import { questionLoop } from './helpers/questionLoop';
import { TestClock } from './helpers/clock';
import { questionEnv, texts } from './helpers/questions';

describe('asking the security function (SQLite, one instance)', () => {
  const clock = new TestClock('2026-12-01T08:00:00Z'); // Tuesday 09:00 in Stockholm
  const h = new Harness(questionEnv(), silentLogger, { clock: clock.now });
  beforeAll(() => h.start());
  afterAll(() => h.stop());
  questionLoop(() => ({ asker: h, team: h, all: [h], clock, env: { DATA_DIR: h.dataDir } }));
});

describe('ASK_THE_TEAM_ENABLED=false', () => {
  const h = new Harness({ ...questionEnv(), ASK_THE_TEAM_ENABLED: 'false' });
  beforeAll(() => h.start());
  afterAll(() => h.stop());
  const who = { userId: 'off-1', aadObjectId: 'aad-off-1', conversationId: 'off-1-chat' };

  test('no button on "vet inte", the command is an ordinary question, and forged verbs do nothing', async () => {
    const fallback = texts(
      await h.send(
        teamsMessage(h.channel.serviceUrl, { ...who, text: 'Hur bokar jag parkeringsplats för cykel?' }),
      ),
    );
    expect(fallback).not.toContain('Fråga säkerhetsfunktionen');
    const command = texts(
      await h.send(teamsMessage(h.channel.serviceUrl, { ...who, text: 'fråga säkerhetsfunktionen' })),
    );
    expect(command).not.toContain('Vad händer med texten');
    const forged = texts(
      await h.send(
        teamsMessage(h.channel.serviceUrl, {
          ...who,
          value: { verb: 'question.submit', askKey: 'k', text: 'hej' },
        }),
      ),
    );
    expect(forged).not.toMatch(/FQ-\d{4}/);
    expect(
      texts(await h.send(teamsMessage(h.channel.serviceUrl, { ...who, text: 'mina frågor' }))),
    ).not.toContain('Mina frågor');
  });
});
