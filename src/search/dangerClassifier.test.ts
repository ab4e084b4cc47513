import { isDangerNow } from './danger';
import { DangerClassifier, dangerFeatures, featureValue, shippedDangerClassifier } from './dangerClassifier';

describe('dangerFeatures', () => {
  test('words, neighbouring pairs, letter 4-grams with word edges, and a length bucket', () => {
    const f = dangerFeatures('Han har KNIV');
    expect(f).toEqual(
      expect.arrayContaining(['w:han', 'w:kniv', 'b:han har', 'b:har kniv', 'c:<kni', 'c:niv>']),
    );
    expect(f).toContain('n:0');
    expect(new Set(f).size).toBe(f.length);
  });

  test('folds case and å/ä/ö, so sloppy spelling shares every feature', () => {
    expect(dangerFeatures('Det brinner i förrådet').sort()).toEqual(
      dangerFeatures('det brinner i forradet').sort(),
    );
  });

  test('odd input gives a finite probability and no exception', () => {
    const model = shippedDangerClassifier();
    for (const text of ['', '   ', '${process.exit()}', '🔥🔥🔥', 'a'.repeat(100_000), 'ﬀ\u0000\uFFFF']) {
      const p = model.probability(text);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
  });

  test('a long story is read on its first 1000 characters only', () => {
    const story = 'jag skriver en lång rapport om förra veckan. '.repeat(30);
    expect(dangerFeatures(story + ' nu står han här med en kniv')).toEqual(dangerFeatures(story));
  });
});

test('featureValue scales by the square root of the number of features', () => {
  expect(featureValue(4)).toBeCloseTo(0.5);
  expect(featureValue(0)).toBe(0);
});

test('a model weighs features, adds its bias and compares with its threshold', () => {
  const model = new DangerClassifier({ about: '', bias: -1, threshold: 0.5, weights: { 'w:kniv': 10 } });
  expect(model.probability('kniv')).toBeGreaterThan(0.5);
  expect(model.isDangerNow('en kniv')).toBe(true);
  expect(model.isDangerNow('en gaffel')).toBe(false);
  // A feature named like an Object.prototype key is just an unknown feature.
  expect(model.probability('constructor __proto__ tostring')).toBeCloseTo(1 / (1 + Math.exp(1)), 1);
});

describe('the shipped model (src/search/dangerModel.json)', () => {
  const model = shippedDangerClassifier();

  test('has a threshold chosen in training, inside (0, 1)', () => {
    expect(model.threshold).toBeGreaterThan(0.05);
    expect(model.threshold).toBeLessThan(0.99);
  });

  // Phrasings the word rules of danger.ts do not name (asserted), written for this test: the
  // reason the model is there.
  test.each([
    'det luktar konstigt i källaren och två kollegor har börjat hosta och känna sig yra',
    'the ceiling in the gym is cracking and kids are still inside',
  ])('catches %j, which the rules miss', (text) => {
    expect(isDangerNow(text)).toBe(false);
    expect(model.isDangerNow(text)).toBe(true);
  });

  test.each(['hjälp', 'meny', 'start', 'avbryt', '?', 'HJÄLP!!'])(
    "leaves the single word %j to the rules (the bot's commands are single words)",
    (text) => {
      expect(model.isDangerNow(text)).toBe(false);
    },
  );

  test.each([
    'vem är ansvarig för informationssäkerhet i förvaltningen',
    'hur gör jag en riskbedömning för hot',
    'vi hade en brandövning i går',
    'hur anmäler jag ett hot i efterhand',
    'what should our plan say about an armed intruder',
  ])('does not flag %j', (text) => {
    expect(model.isDangerNow(text)).toBe(false);
  });
});
