import { decide, type Thresholds } from './decide';
import { doubtFeatures, doubtOf, doubtProbability, pairKey, type DoubtModel } from './doubt';
import type { SearchResult } from './index';
import { RANKER_MODEL } from './rankerModel';

const thresholds: Thresholds = {
  answerThreshold: 0.6,
  suggestThreshold: 0.3,
  ambiguityMargin: 0,
  leadThreshold: 0.3,
  leadRatio: 2,
  doubtThreshold: 0.35,
};

const result = (scores: Array<[string, number]>, doubt: number): SearchResult => ({
  candidates: scores.map(([id, score]) => ({ id, score })),
  confidence: scores[0]?.[1] ?? 0,
  terms: [],
  doubt,
});

describe('doubt features', () => {
  const rates = { [pairKey('a', 'b')]: 0.2 };

  test('no runner-up, no doubt', () => {
    expect(doubtFeatures([{ id: 'a', score: 0.9 }], rates)).toBeUndefined();
    expect(doubtOf([{ id: 'a', score: 0.9 }], RANKER_MODEL.doubt)).toBe(0);
    expect(doubtOf([], RANKER_MODEL.doubt)).toBe(0);
  });

  test('the lead, the runner-up and how often the pair was confused', () => {
    const f = doubtFeatures(
      [
        { id: 'a', score: 0.8 },
        { id: 'b', score: 0.1 },
      ],
      rates,
    )!;
    expect(f.logRatio).toBeCloseTo(Math.log(8));
    expect(f.runnerUp).toBe(0.1);
    expect(f.pairRate).toBe(0.2);
    // The pair is ordered: answering b when a was asked is another mistake.
    expect(
      doubtFeatures(
        [
          { id: 'b', score: 0.8 },
          { id: 'a', score: 0.1 },
        ],
        rates,
      )!.pairRate,
    ).toBe(0);
  });

  test('a runner-up rounded to 0 and topic ids named like prototype members stay finite and unknown', () => {
    const f = doubtFeatures(
      [
        { id: 'constructor', score: 0.99 },
        { id: 'toString', score: 0 },
      ],
      {},
    )!;
    expect(Number.isFinite(f.logRatio)).toBe(true);
    expect(f.pairRate).toBe(0);
  });

  test('without a model (a ranker being fitted) there is no doubt', () => {
    const ranked = [
      { id: 'a', score: 0.5 },
      { id: 'b', score: 0.4 },
    ];
    expect(doubtOf(ranked, undefined)).toBe(0);
  });
});

describe('the shipped doubt model', () => {
  const model = RANKER_MODEL.doubt as DoubtModel;
  const p = (top: number, second: number, pairRate = 0) =>
    doubtProbability(
      { bias: 1, logRatio: Math.log(top / second), runnerUp: second, pairRate },
      model.weights,
    );

  test('is part of the trained model, with pairs the ranker has confused', () => {
    expect(model).toBeDefined();
    expect(Object.keys(model.pairRates).length).toBeGreaterThan(10);
    for (const [key, rate] of Object.entries(model.pairRates)) {
      expect(key).toMatch(/^[a-z0-9-]+>[a-z0-9-]+$/);
      expect(rate).toBeGreaterThan(0);
      expect(rate).toBeLessThanOrEqual(1);
    }
  });

  test('doubts more when the lead is small, the runner-up strong, or the pair often confused', () => {
    expect(p(0.9, 0.05)).toBeLessThan(p(0.6, 0.3));
    expect(p(0.9, 0.01)).toBeLessThan(p(0.9, 0.08));
    expect(p(0.88, 0.08, 0)).toBeLessThan(p(0.88, 0.08, 0.1));
  });

  test('a near-certain answer is not doubted; a close call is', () => {
    expect(p(0.98, 0.005)).toBeLessThan(0.1);
    expect(p(0.5, 0.45)).toBeGreaterThan(0.35);
  });
});

describe('decide with doubt', () => {
  test('a confident answer in doubt becomes "Menade du…?" with the runner-up among the options', () => {
    const d = decide(
      result(
        [
          ['a', 0.9],
          ['b', 0.03],
          ['c', 0.02],
        ],
        0.5,
      ),
      thresholds,
    );
    expect(d).toEqual({ kind: 'clarify', options: ['a', 'b'], confidence: 0.9 });
  });

  test('below the threshold the answer stands', () => {
    const d = decide(
      result(
        [
          ['a', 0.9],
          ['b', 0.03],
        ],
        0.2,
      ),
      thresholds,
    );
    expect(d.kind).toBe('answer');
  });

  test('threshold 1 turns the doubt off', () => {
    const d = decide(
      result(
        [
          ['a', 0.9],
          ['b', 0.05],
        ],
        1,
      ),
      { ...thresholds, doubtThreshold: 1 },
    );
    expect(d.kind).toBe('answer');
  });

  test('an out-of-scope result is still turned down, doubt or not', () => {
    const d = decide({ ...result([['a', 0.2]], 0.9), outOfScope: 'oos:x' }, thresholds);
    expect(d.kind).toBe('fallback');
  });
});
