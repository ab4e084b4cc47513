import { join } from 'node:path';
import { loadConfig } from '../config';
import { loadKnowledge } from '../knowledge/loader';
import { RANKER_MODEL } from './rankerModel';
import { SearchService } from './service';
import { stemSwedish } from './stemmer';
import { fold, looksEnglish, terms, words, wordsByRegex } from './normalize';

const { kb } = loadKnowledge(join(__dirname, '..', '..', 'knowledge'));
const search = new SearchService(kb, loadConfig({}).search);

/** The topic ranked first, whatever the decision. */
const top = (q: string) => search.ask(q).result.candidates[0]?.id;

describe('Swedish normalisation', () => {
  test.each([
    ['Säkerhet', 'sakerhet'],
    ['ÖVERFALLSLARM', 'overfallslarm'],
    ['Café', 'cafe'],
  ])('fold(%s) is %s', (input, expected) => expect(fold(input)).toBe(expected));

  test.each([
    ['hotad', 'hotade'],
    ['anmälan', 'anmäla'],
    ['beslutet', 'beslut'],
    ['incidenten', 'incident'],
  ])('"%s" and "%s" share a stem', (a, b) => expect(stemSwedish(fold(a))).toBe(stemSwedish(fold(b))));

  test('stop words are dropped and "114 14" stays one number', () => {
    expect(terms('Vad gör jag nu? Ring 114 14')).toEqual(['ring', '11414']);
  });

  test('the one-pass word scanner agrees with its regular-expression definition', () => {
    const samples = [
      'Ring 114 14 eller 112!',
      'a1 2b, 3 ,4\t5\n6  x',
      'ÅÄÖ åäö Café naïve Ünïcode SÄKERHET_incident-2026',
      'straße Ærø  nbsp\u00a0here',
      '',
      '  ,, ',
      ...kb.topics.flatMap((t) => [t.title.sv, t.answer, ...t.questions, ...t.steps]),
    ];
    for (const s of samples) expect(words(s)).toEqual(wordsByRegex(s));
  });

  test.each([
    ['what should I do if I am threatened at work', true],
    ['vad gör jag om jag blir hotad', false],
    ['hotad pa jobbet vad gor jag', false],
  ])('looksEnglish(%s) is %s', (text, expected) => expect(looksEnglish(text)).toBe(expected));
});

describe('finding the right topic', () => {
  test.each([
    // correct Swedish
    ['Vad gör jag om jag blir hotad på jobbet?', 'hv-akut-hotad-nu'],
    ['hur anmäler jag jäv inför ett sammanträde i nämnden', 'op-jav-namnd'],
    // no å/ä/ö
    ['vad ar en personuppgiftsincident och hur snabbt ska den anmalas', 'is-personuppgiftsincident-72h'],
    ['jag har tappat min jobbdator pa bussen', 'is-forlorad-enhet'],
    // typos
    ['någon hotade mig idag, hur polisanmäler jg', 'hv-polisanmalan-anstalld'],
    ['vad ar krisledningsnamden', 'kb-krisledningsnamnd'],
    // compounds and inflections
    ['informationssäkerhetsincidenten måste rapporteras, hur?', 'is-incident-rapportera'],
    ['kan man bli krigsplacerad som kommunanställd', 'cf-hojd-beredskap-min-roll'],
    // an acronym with a Swedish ending, typed without the colon of "RSA:n"
    ['vem ansvarar för rsan på förvaltningen', 'kb-rsa'],
    // synonyms
    ['jag är politiker och har fått hot', 'fv-hotad-fortroendevald'],
    ['fick ett phishing-mejl och klickade på länken', 'is-natfiske'],
    ['en leverantör vill ge mig en muta', 'op-mutforsok'],
  ])('%s -> %s', (question, expected) => {
    expect(top(question)).toBe(expected);
  });
});

describe('out of scope gets no confident answer', () => {
  test.each([
    'Blir det regn i helgen?',
    'asdfgh qwerty',
    'När går nästa tunnelbana från T-Centralen?',
    'vad ska jag laga till middag ikväll',
    '',
    '???',
    '${jndi:ldap://x}',
    // English "hot" is not Swedish "hot" (threat).
    "It's so hot in the office today, can we get a fan?",
  ])('%j is not answered', (question) => {
    expect(search.ask(question).decision.kind).not.toBe('answer');
  });

  test('a 100 000-character question is searched on its beginning and does not throw', () => {
    const long = `hotad på jobbet ${'bla '.repeat(25_000)}`;
    expect(() => search.ask(long)).not.toThrow();
  });

  test('a message the danger check and the handler both ask about is searched once', () => {
    const own = new SearchService(kb, loadConfig({}).search);
    const searched = jest.spyOn(own.index, 'search');
    const text = 'vem ansvarar för krisberedskapen på förvaltningen';
    // Not danger by the rules or the model: the check asks the search (its third reader).
    expect(own.dangerNow(text)).toBe(false);
    const first = own.ask(text);
    expect(own.ask(text)).toBe(first);
    expect(searched).toHaveBeenCalledTimes(1);
    own.ask('hur anmäler jag jäv');
    expect(searched).toHaveBeenCalledTimes(2);
  });

  test('a second service on the same knowledge shares the index; other knowledge gets its own', () => {
    expect(new SearchService(kb, loadConfig({}).search).index).toBe(search.index);
    const [first, ...rest] = kb.topics;
    const edited = {
      ...kb,
      topics: [{ ...first!, questions: [...first!.questions, 'en ny fråga'] }, ...rest],
    };
    const other = new SearchService(edited, loadConfig({}).search);
    expect(other.index).not.toBe(search.index);
    // Its own weights (a measurement) are never shared.
    expect(new SearchService(edited, loadConfig({}).search, { model: RANKER_MODEL }).index).not.toBe(
      other.index,
    );
  });

  test('confidence is always within [0, 1]', () => {
    for (const q of ['hot', 'hotad hotad hotad', 'x', 'jäv i fotboll', 'vem ansvarar för allt']) {
      const c = search.ask(q).result.confidence;
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(1);
    }
  });
});

describe('the plain question "what do I do if I am threatened at work"', () => {
  // The flagship question of the bot: answered with the procedure, not "Menade du…?".
  test.each([
    'Vad gör jag om jag blir hotad på jobbet?',
    'jag har blivit hotad av en brukare',
    "I'm being threatened at work",
    'en pappa hotade mig på förskolan, vad gör jag?',
  ])('%j is answered with hv-akut-hotad-nu', (q) => {
    const { decision } = search.ask(q);
    expect(decision).toMatchObject({ kind: 'answer', topicId: 'hv-akut-hotad-nu' });
  });

  test('"jag blir hotad" alone at least offers hv-akut-hotad-nu first', () => {
    const { decision } = search.ask('jag blir hotad');
    expect(
      decision.kind === 'answer'
        ? decision.topicId
        : decision.kind === 'clarify'
          ? decision.options[0]
          : null,
    ).toBe('hv-akut-hotad-nu');
  });
});
