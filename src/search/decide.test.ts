import { loadConfig } from '../config';
import { decide } from './decide';
import { KnowledgeIndex, type IndexDoc, type SearchResult } from './index';
import { FEATURE } from './ranker';

/** The shipped defaults (answer at 0.6, suggest at 0.3, lead 0.3 × 2, doubt 0.35). */
const thresholds = loadConfig({}).search;

/** A thin, doubted lead: on its own this is "Menade du…?". */
const thinLead = (editorsQuestion: boolean, confidence = 0.3): SearchResult => ({
  candidates: [
    { id: 'a', score: confidence },
    { id: 'b', score: 0.17 },
    { id: 'c', score: 0.12 },
  ],
  confidence,
  terms: [],
  doubt: 0.4,
  editorsQuestion,
});

describe("a copy of an editors' question", () => {
  test('is answered with its topic, however thin and doubted the lead', () => {
    expect(decide(thinLead(false), thresholds).kind).toBe('clarify');
    expect(decide(thinLead(true), thresholds)).toEqual({
      kind: 'answer',
      topicId: 'a',
      confidence: 0.3,
      alternatives: ['b', 'c'],
    });
  });

  test('is not answered when the ranker gives its topic almost nothing', () => {
    expect(decide(thinLead(true, 0.1), thresholds).kind).not.toBe('answer');
  });

  test('an out-of-scope result is still turned down', () => {
    expect(decide({ ...thinLead(true), outOfScope: 'oos:x' }, thresholds).kind).toBe('fallback');
  });
});

describe('editorsQuestion in the index', () => {
  const doc = (id: string, questions: string[], examples: string[] = []): IndexDoc => ({
    id,
    title: { sv: `Ämne ${id}`, en: `Topic ${id}` },
    summaryEn: '',
    answer: 'Svar.',
    steps: [],
    questions,
    keywords: [],
    examples,
  });
  const index = new KnowledgeIndex(
    [
      doc('hotad', ['vad gör jag om jag blir hotad på jobbet', 'en kund hotar mig i kassan']),
      doc(
        'stod',
        ['vilket stöd får jag efter ett hot på jobbet', 'samtal efter hot'],
        ['blev hotad på jobbet förra veckan'],
      ),
      doc('brand', ['det brinner i köket', 'var finns brandsläckaren']),
    ],
    { synonymGroups: [] },
  );

  test("is set for a copy of one topic's own question that leads", () => {
    const r = index.search('Vad gör jag om jag blir hotad på jobbet?');
    expect(r.candidates[0]?.id).toBe('hotad');
    expect(r.editorsQuestion).toBe(true);
  });

  test("is not set for a copy of an example (not the editors' own line) or a loose question", () => {
    expect(index.search('blev hotad på jobbet förra veckan').editorsQuestion).toBe(false);
    expect(index.search('brinner det').editorsQuestion).toBe(false);
  });

  test("is set when another topic's own line is close but not a copy", () => {
    // "jobbet" in every topic and "kollega" in most: "min kollega hotar mig" is 0.97 from the
    // question, hotad's own line 1.0 (as in the shipped knowledge base).
    const near = new KnowledgeIndex(
      [
        doc('hotad', ['vad gör jag om jag blir hotad på jobbet']),
        doc('kollega', ['min kollega hotar mig'], ['jobbet']),
        ...['a', 'b', 'c', 'd', 'e', 'f'].map((x, i) =>
          doc(x, [`jobbet ${x}`, ...(i < 5 ? [`kollega ${x}`] : [])]),
        ),
      ],
      { synonymGroups: [] },
    );
    const question = 'vad gör jag om jag blir hotad på jobbet';
    const own = near.view(question).candidates.map((c) => c.features[FEATURE.bestOwn]);
    expect(own[1]).toBeGreaterThanOrEqual(0.95);
    expect(own[1]).toBeLessThan(0.98);
    const r = near.search(question);
    expect(r.candidates[0]?.id).toBe('hotad');
    expect(r.editorsQuestion).toBe(true);
  });

  test('is not set when the question copies lines of two topics', () => {
    const twice = new KnowledgeIndex(
      [doc('x', ['hur anmäler jag ett hot']), doc('y', ['hur anmäler jag ett hot', 'polisanmälan'])],
      { synonymGroups: [] },
    );
    expect(twice.search('hur anmäler jag ett hot').editorsQuestion).toBe(false);
  });
});

describe('an answer an out-of-scope category still claims', () => {
  const confident = (outOfScopeScore: number): SearchResult => ({
    candidates: [
      { id: 'a', score: 0.8 },
      { id: 'b', score: 0.02 },
    ],
    confidence: 0.8,
    terms: [],
    doubt: 0.05,
    outOfScopeScore,
  });

  test('becomes "Menade du…?" when the category is likely enough to be what was asked', () => {
    expect(decide(confident(0.01), thresholds).kind).toBe('answer');
    expect(decide(confident(0.18), thresholds)).toEqual({
      kind: 'clarify',
      options: ['a', 'b'],
      confidence: 0.8,
    });
  });
});
