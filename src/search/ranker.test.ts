import {
  CANDIDATE_FEATURES,
  candidateScore,
  FEATURE,
  newCandidateFeatures,
  probabilities,
  softmax,
  type RankerModel,
} from './ranker';
import { RANKER_MODEL } from './rankerModel';

describe('softmax', () => {
  it('is exp(x - max) / sum, as a Float64Array, in the order given', () => {
    const xs = [2.5, -1, 0.25];
    const e = xs.map((x) => Math.exp(x - 2.5));
    const z = e.reduce((a, b) => a + b, 0);
    const p = softmax(xs);
    expect(p).toBeInstanceOf(Float64Array);
    expect([...p]).toEqual(e.map((x) => x / z));
  });

  it('keeps a certain answer as exactly 1 and 0 (a typed array whatever the values)', () => {
    const p = softmax([0, -2000, -3000]);
    expect(p).toBeInstanceOf(Float64Array);
    expect([...p]).toEqual([1, 0, 0]);
  });

  it('gives nothing for nothing', () => {
    expect(softmax([])).toHaveLength(0);
  });
});

describe('probabilities', () => {
  it('puts "none of these" last and sums to 1', () => {
    const p = probabilities([1, 2], 0.5);
    expect(p).toHaveLength(3);
    expect(p[2]).toBeCloseTo(Math.exp(0.5 - 2) / (Math.exp(-1) + 1 + Math.exp(-1.5)), 12);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

describe('candidate features', () => {
  it('has one position per named feature, in CANDIDATE_FEATURES order', () => {
    CANDIDATE_FEATURES.forEach((name, i) => expect(FEATURE[name]).toBe(i));
    const f = newCandidateFeatures();
    expect(f).toHaveLength(CANDIDATE_FEATURES.length);
    expect(f.every((x) => x === 0)).toBe(true);
  });

  it('gives a new array each time', () => {
    const a = newCandidateFeatures();
    a[FEATURE.bm] = 0.5;
    expect(newCandidateFeatures()[FEATURE.bm]).toBe(0);
  });

  it('scores a candidate as the weighted sum of its named features', () => {
    const f = newCandidateFeatures();
    CANDIDATE_FEATURES.forEach((name, i) => (f[FEATURE[name]] = (i + 1) / 10));
    const expected = CANDIDATE_FEATURES.reduce(
      (z, name) => z + RANKER_MODEL.candidate[name] * f[FEATURE[name]]!,
      0,
    );
    expect(candidateScore(f)).toBeCloseTo(expected, 12);
    // Another model's weights, not the first one's (the weights are kept per model).
    const other: RankerModel = {
      ...RANKER_MODEL,
      candidate: { ...RANKER_MODEL.candidate, bm: RANKER_MODEL.candidate.bm + 1 },
    };
    expect(candidateScore(f, other)).toBeCloseTo(expected + f[FEATURE.bm]!, 12);
  });
});
