/** Written by `npm run train` (bench/train.ts): do not edit by hand. Fitted on 11379 questions (eval/kb.jsonl and the knowledge base's own). */
import type { RankerModel } from './ranker';

export const RANKER_MODEL: RankerModel = {
  candidate: {
    bm: 1.682,
    best: 1.07,
    posterior: 3.029,
    coverage: 3.197,
    signature: 0.6,
    bmGap: 1.672,
    bestGap: 1.035,
    bestSq: -0.573,
    best3: 1.744,
    bestOwn: 0.658,
    ownCopy: 0.269,
    askedPosterior: 2.483,
    centroid: 0.763,
    knn: -0.761,
    nearCopy: 0.438,
    bestLead: -0.362,
    posteriorLead: -2.258,
    oos: 1.104,
    oosBest: 2.43,
  },
  none: { bias: -0.129, unknownShare: 0.068, evidence: -0.19, maxBest: -0.034, maxCoverage: -0.113 },
};
