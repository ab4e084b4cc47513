import { ClassifierExamples, letterGrams, TermClassifier, type Features } from './classifier';
import { KnowledgeIndex, type IndexDoc } from './index';
import { FEATURE } from './ranker';

/** Terms as the index passes them: [term id, weight, idf] (the classifier reads the first two). */
const terms = (...ids: number[]): Features => ids.map((id) => [id, 1, 1] as const);

/**
 * Three classes. Term 0 ("jobbet") is in every example; terms 1, 2 and 3 each belong to one class;
 * term 4 is in class 0's and class 1's examples alike.
 */
function examples(): ClassifierExamples {
  const x = new ClassifierExamples();
  for (let i = 0; i < 20; i++) {
    x.add(terms(0, 1), 0);
    x.add(terms(0, 1, 4), 0);
    x.add(terms(0, 2), 1);
    x.add(terms(0, 2, 4), 1);
    x.add(terms(0, 3), 2);
  }
  return x;
}

describe('the term classifier', () => {
  const model = TermClassifier.train(examples(), 5, 3)!;

  test('learns which words tell the classes apart', () => {
    const p1 = model.probabilities(terms(1));
    const p3 = model.probabilities(terms(0, 3));
    expect(p1[0]).toBeGreaterThan(0.9);
    expect(p3[2]).toBeGreaterThan(0.9);
    // A word shared by two classes splits between them and rules out the third.
    const p4 = model.probabilities(terms(4));
    expect(p4[0]! + p4[1]!).toBeGreaterThan(0.9);
    expect(Math.min(p4[0]!, p4[1]!)).toBeGreaterThan(0.3);
  });

  test('a word in every example decides nothing, and weighs little beside a telling one', () => {
    expect(Math.max(...model.probabilities(terms(0)))).toBeLessThan(0.5);
    expect(model.probabilities(terms(0, 1))[0]).toBeGreaterThan(0.9);
  });

  test('gives a distribution, and leaves out terms no example held', () => {
    const p = model.probabilities([...terms(1), [99, 1, 1]]);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(Array.from(p)).toEqual(Array.from(model.probabilities(terms(1))));
  });

  test('the same examples give the same model', () => {
    const again = TermClassifier.train(examples(), 5, 3)!;
    for (const q of [terms(1), terms(4), terms(0, 2, 4)])
      expect(Array.from(again.probabilities(q))).toEqual(Array.from(model.probabilities(q)));
  });

  test('skips an example without terms', () => {
    const x = new ClassifierExamples();
    x.add([], 0);
    x.add(terms(1), 0);
    expect(x.size).toBe(1);
  });

  test('is not trained where a build cannot afford it', () => {
    expect(TermClassifier.affordable(34_000, 81)).toBe(true);
    expect(TermClassifier.affordable(140_000, 10_000)).toBe(false);
  });
});

describe('letter 4-grams', () => {
  test('of each word of four letters or more, between boundary marks, folded, each once', () => {
    expect(letterGrams('Min lappis')).toEqual(['#lap', 'lapp', 'appi', 'ppis', 'pis#']);
    expect(letterGrams('snö snö')).toEqual([]);
    expect(letterGrams('Åsså åsså')).toEqual(['#ass', 'assa', 'ssa#']);
  });
});

describe('the classifier in the index', () => {
  const doc = (id: string, questions: string[]): IndexDoc => ({
    id,
    title: { sv: `Ämne ${id}`, en: `Topic ${id}` },
    summaryEn: '',
    answer: '',
    steps: [],
    questions,
    keywords: [],
  });

  test("is a view of every candidate: this document's probability among all", () => {
    const index = new KnowledgeIndex(
      [
        doc('dator', ['min lappis är borta', 'jobbdatorn blev stulen på bussen', 'tappade datorn på jobbet']),
        doc('hot', ['en kund hotar mig på jobbet', 'jag blev hotad i kassan', 'hotfull pappa på förskolan']),
      ],
      { synonymGroups: [] },
    );
    const view = index.view('lappis borta');
    const byId = Object.fromEntries(view.candidates.map((c) => [c.id, c.features]));
    expect(byId.dator![FEATURE.classifier]).toBeGreaterThan(0.5);
    expect(byId.dator![FEATURE.classifierLead]).toBeGreaterThan(0);
    expect(byId.hot?.[FEATURE.classifier] ?? 0).toBeLessThan(0.5);
  });

  test('reads letter 4-grams: a word no example held still points to its topic', () => {
    const index = new KnowledgeIndex(
      [
        doc('dator', ['min lappis är borta på jobbet', 'lappisen blev kvar', 'tappade datorn']),
        doc('hot', ['en kund hotar mig på jobbet', 'jag blev hotad i kassan', 'hotfull pappa på förskolan']),
      ],
      { synonymGroups: [] },
    );
    // "lappisgrej" is no term of the index (nor a compound of its words), so "jobbet" alone finds
    // both topics; the word's 4-grams "#lap", "lapp", "appi", "ppis" were in the examples.
    expect(index.vocabulary.analyse('lappisgrej').map((t) => t.kind)).toEqual(['unknown']);
    const view = index.view('lappisgrej på jobbet');
    const byId = Object.fromEntries(view.candidates.map((c) => [c.id, c.features]));
    expect(byId.dator![FEATURE.classifier]).toBeGreaterThan(0.6);
    expect(byId.hot![FEATURE.classifier]).toBeLessThan(0.4);
  });

  test('a knowledge base too large to train it on gives the asking model’s posterior in its place', () => {
    // 3 000 documents of three ways of asking each: 9 000 examples × 3 000 classes is past the bound.
    const docs = Array.from({ length: 3000 }, (_, i) => doc(`d${i}`, [`ord${i % 7} sak${i}`]));
    expect(TermClassifier.affordable(9000, 3000)).toBe(false);
    const index = new KnowledgeIndex(docs, { synonymGroups: [] });
    const view = index.view('ord3 sak10');
    expect(view.candidates.length).toBeGreaterThan(1);
    for (const c of view.candidates)
      expect(c.features[FEATURE.classifier]).toBe(c.features[FEATURE.askedPosterior]);
  });
});
