/**
 * The situations where the bot matters most, over real HTTP as the Teams channel plays them:
 * danger now gets 112 before anything else, and an elected official is never sent to a manager.
 */
import { cardTexts, teamsMessage } from './helpers/channel';
import { Harness } from './helpers/app';

const h = new Harness();
let conversation = 0;
/** Each question in its own conversation, so no earlier answer or language choice leaks in. */
const ask = async (text: string) =>
  (
    await h.send(teamsMessage(h.channel.serviceUrl, { text, conversationId: `danger-${++conversation}` }))
  ).flatMap(cardTexts);

beforeAll(() => h.start());
afterAll(() => h.stop());

describe('danger now: 112 first', () => {
  test.each([
    ['det är skottlossning på skolan just nu', /Fly – sök skydd – larma 112/],
    ['det står en konstig väska i entrén', /Rör inte föremålet/],
  ])(
    '%j gets the 112 banner before anything else, then the steps for that danger',
    async (question, step) => {
      const lines = await ask(question);
      expect(lines[0]).toMatch(/\b112\b/);
      const all = lines.join('\n');
      expect(all).toMatch(step);
      expect(all.indexOf('112')).toBeLessThan(all.search(step));
      expect(all).toContain('[Rapportera händelsen]');
    },
  );
});

test('someone who writes English about a shooting gets 112 and the steps in English, and is told the rest is Swedish', async () => {
  const all = (await ask('there is a shooting at the school right now, what do we do')).join('\n');
  expect(all.split('\n')[0]).toMatch(/\b112\b/);
  expect(all).toMatch(/Flee – seek shelter – call 112/);
  expect(all).toContain('The rest of this answer is available in Swedish only.');
  // The English steps carry English contact texts; the Swedish part below them keeps Swedish ones.
  const steps = all.slice(0, all.indexOf('The rest of this answer'));
  expect(steps).toMatch(/ask /);
  expect(steps).not.toMatch(/fråga/);
});

describe('an elected official is never told to ask their manager', () => {
  test.each([
    'jag är förtroendevald och blev hotad efter nämndmötet igår',
    'jag är politiker och får hatkommentarer på facebook',
    'vilket stöd får jag som förtroendevald efter hoten',
    'hur håller vi säkerheten i valstugan',
  ])('%j gets an answer without "chef"', async (question) => {
    const all = (await ask(question)).join('\n');
    expect(all).toMatch(/Källa: /);
    expect(all).not.toMatch(/\bchef(en|er|ens)?\b/i);
    expect(all).not.toMatch(/ask your manager/);
  });

  test('a politician asking an everyone-topic question gets the förtroendevalda route and fallbacks, not "fråga din chef"', async () => {
    const all = (await ask('jag är politiker och klickade på en länk i ett konstigt mejl')).join('\n');
    expect(all).toMatch(/nätfiske|länk/i);
    expect(all).not.toMatch(/fråga din chef/);
    expect(all).toMatch(/förtroendevald/);
  });
});
