import { fitDoubt, pairRates, type Answered } from '../bench/rankerData';
import { doubtOf, pairKey } from '../src/search/doubt';

const answered = (expect: string, top3: Array<[string, number]>): Answered => ({
  expect,
  top3: top3.map(([id, p]) => ({ id, p })),
});

describe('pair rates', () => {
  test('the share of a topic’s answers that were asked for another, for pairs seen at least twice', () => {
    const rates = pairRates([
      answered('a', [['a', 0.9]]),
      answered('b', [['a', 0.8]]),
      answered('b', [['a', 0.7]]),
      answered('c', [['a', 0.6]]), // once: not a pattern
      answered('b', [['b', 0.9]]),
    ]);
    expect(rates).toEqual({ [pairKey('a', 'b')]: 0.5 });
  });
});

describe('fitting the doubt model', () => {
  /**
   * A toy ranker: topics x and y are confused when the lead is small; z is never confused. A fixed
   * sequence, no randomness, so two fits must agree exactly.
   */
  function toy(): Answered[] {
    const rows: Answered[] = [];
    for (let i = 0; i < 400; i++) {
      const lead = 0.5 + (i % 10) * 0.05; // 0.5 .. 0.95
      const second = (1 - lead) * 0.8;
      // Small leads between x and y are wrong half the time; large ones never.
      const wrong = lead < 0.7 && i % 2 === 0;
      if (i % 3 === 0)
        rows.push(
          answered('z', [
            ['z', lead],
            ['x', second],
            ['y', 0.01],
          ]),
        );
      else
        rows.push(
          answered(wrong ? 'y' : 'x', [
            ['x', lead],
            ['y', second],
            ['z', 0.01],
          ]),
        );
    }
    return rows;
  }

  test('learns that a small lead over an often-confused runner-up is doubtful', () => {
    const model = fitDoubt(toy());
    expect(model.weights.logRatio).toBeLessThan(0);
    expect(model.pairRates[pairKey('x', 'y')]).toBeGreaterThan(0);
    expect(model.pairRates[pairKey('z', 'x')]).toBeUndefined();
    const close = doubtOf(
      [
        { id: 'x', score: 0.55 },
        { id: 'y', score: 0.36 },
      ],
      model,
    );
    const clear = doubtOf(
      [
        { id: 'x', score: 0.95 },
        { id: 'y', score: 0.04 },
      ],
      model,
    );
    const neverConfused = doubtOf(
      [
        { id: 'z', score: 0.55 },
        { id: 'x', score: 0.36 },
      ],
      model,
    );
    expect(close).toBeGreaterThan(0.3);
    expect(clear).toBeLessThan(close);
    expect(neverConfused).toBeLessThan(close);
  });

  test('is deterministic', () => {
    expect(fitDoubt(toy(), { iterations: 300 })).toEqual(fitDoubt(toy(), { iterations: 300 }));
  });

  test('questions without a runner-up teach nothing and do not break the fit', () => {
    const model = fitDoubt([answered('a', [['a', 0.9]]), ...toy()]);
    expect(Object.values(model.weights).every(Number.isFinite)).toBe(true);
  });
});
