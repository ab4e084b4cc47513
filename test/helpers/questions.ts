import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { cardTexts, teamsMessage, type Recorded } from './channel';
import { actionData, inputIds, type Harness } from './app';

/**
 * "Fråga säkerhetsfunktionen" over real HTTP, shared by the SQLite, PostgreSQL and two-instance
 * tests: ask → the routed team channel gets the card → a team member answers in the card → the
 * person gets the answer in their chat (also after their endpoint was down) → nobody else can read or
 * answer → a reminder after the SLA in a test clock, never at night → "Föreslå som kunskap" gives a
 * draft that kb:check accepts.
 */

export const TEAM_CHANNEL = '19:infosak@thread.tacv2';
export const EXPERT = { userId: 'expert-1', aadObjectId: 'aad-expert-1' };
export const PERSON = { userId: 'person-1', aadObjectId: 'aad-person-1', conversationId: 'person-1-chat' };
export const STRANGER = {
  userId: 'stranger-1',
  aadObjectId: 'aad-stranger-1',
  conversationId: 'stranger-1-chat',
};

/** Configuration of the feature for these tests: the expert belongs to the information security team. */
export function questionEnv(): Record<string, string> {
  return {
    QUESTION_ROUTES: JSON.stringify({ informationssakerhet: { members: [EXPERT.aadObjectId] } }),
    QUESTION_SLA_HOURS: '8',
    QUESTION_SCHEDULER_MS: '100',
    OUTBOX_POLL_MS: '100',
  };
}

const texts = (activities: Array<Recorded['activity']>) => activities.flatMap(cardTexts).join('\n');

/** A message in the team's channel (a thread reply in Teams carries ";messageid=" on the id). */
export function channelMessage(h: Harness, text: string): Record<string, unknown> {
  const activity = teamsMessage(h.channel.serviceUrl, { ...EXPERT, text, conversationId: TEAM_CHANNEL });
  (activity.conversation as Record<string, unknown>).conversationType = 'channel';
  return activity;
}

/** An Action.Execute from a card, as Teams posts it (inputs merged into data). */
export function executeActivity(
  h: Harness,
  who: { userId: string; aadObjectId: string; conversationId?: string },
  conversationId: string,
  data: Record<string, unknown>,
  conversationType = 'channel',
): Record<string, unknown> {
  const activity = teamsMessage(h.channel.serviceUrl, { ...who, conversationId });
  (activity.conversation as Record<string, unknown>).conversationType = conversationType;
  return {
    ...activity,
    type: 'invoke',
    name: 'adaptiveCard/action',
    text: undefined,
    value: { action: { type: 'Action.Execute', verb: data.verb, data } },
  };
}

/** Texts of the card in an invoke response. */
export function invokeCardTexts(body: Record<string, unknown>): string {
  return texts([{ attachments: [{ content: body.value as Record<string, unknown> }] }]);
}

/** Waits until a message in `conversationId` satisfies `match`, or fails after `timeoutMs`. */
export async function waitFor(
  h: Harness,
  conversationId: string,
  match: (text: string) => boolean,
  timeoutMs = 8000,
): Promise<Recorded['activity']> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = h.channel.messages(conversationId).find((a) => match(texts([a])));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching message in ${conversationId}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Asks through the "vet inte" card's button and the ask card; returns the FQ id and the receipt. */
export async function askThroughFallback(h: Harness, question: string): Promise<string> {
  const fallback = await h.send(teamsMessage(h.channel.serviceUrl, { ...PERSON, text: question }));
  const start = actionData(
    fallback.find((a) => texts([a]).includes('[Fråga säkerhetsfunktionen]')),
    'question.start',
  );
  const [askCard] = await h.send(teamsMessage(h.channel.serviceUrl, { ...PERSON, value: start }));
  if (!askCard) throw new Error('no ask card');
  expect(inputIds(askCard)).toEqual(['text', 'area']);
  expect(JSON.stringify(askCard)).toContain(question.slice(0, 30));
  expect(texts([askCard])).toMatch(/Vad händer med texten/);
  const submit = actionData(askCard, 'question.submit');
  const [receipt] = await h.send(
    teamsMessage(h.channel.serviceUrl, {
      ...PERSON,
      value: { ...submit, text: question, area: 'informationssakerhet' },
    }),
  );
  const id = /FQ-\d{4}-\d{6}/.exec(texts(receipt ? [receipt] : []))?.[0];
  if (!id) throw new Error('no FQ id in the receipt');
  return id;
}

const run = promisify(execFile);

/** `npm run kb:drafts` into a copy of the knowledge folder, then `kb:check` on it; both exit codes. */
export async function draftsPassKbCheck(
  env: Record<string, string>,
): Promise<{ files: string[]; check: number; broken: number }> {
  const copy = mkdtempSync(join(tmpdir(), 'sg-kb-'));
  try {
    cpSync(join(__dirname, '..', '..', 'knowledge'), copy, { recursive: true });
    const tsx = join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');
    const runEnv = { ...process.env, ...env, KNOWLEDGE_DIR: copy };
    await run(tsx, ['src/cli/kbDrafts.ts'], { env: runEnv, cwd: join(__dirname, '..', '..') });
    const dir = join(copy, 'drafts');
    const files = existsSync(dir) ? readdirSync(dir) : [];
    const exitCode = async () =>
      run(tsx, ['src/cli/kbCheck.ts'], { env: runEnv, cwd: join(__dirname, '..', '..') }).then(
        () => 0,
        (e: { code?: number }) => e.code ?? 1,
      );
    const check = await exitCode();
    // The check can fail: a draft without an answer is refused.
    writeFileSync(join(dir, 'broken.yaml'), 'id: broken\nanswer: ""\n');
    const broken = await exitCode();
    return { files, check, broken };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

export { texts };
