/** Written by `npm run train` (bench/train.ts): do not edit by hand. Fitted on 9236 questions (eval/kb.jsonl, eval/heldout/tune.jsonl and the knowledge base's own). */
import type { RankerModel } from './ranker';

export const RANKER_MODEL: RankerModel = {
  candidate: {
    bm: 1.504,
    best: 1.22,
    posterior: 3.154,
    coverage: 3.441,
    signature: 0.726,
    bmGap: 1.531,
    bestGap: 1.191,
    bestSq: -0.559,
    best3: 1.48,
    bestOwn: 0.693,
    ownCopy: 0.348,
    askedPosterior: 2.432,
    centroid: 0.717,
    knn: -0.712,
    nearCopy: 0.314,
    bestLead: -0.427,
    posteriorLead: -2.184,
    oos: 1.136,
    oosBest: 2.819,
  },
  none: { bias: -0.139, unknownShare: 0.069, evidence: -0.245, maxBest: -0.029, maxCoverage: -0.086 },
};
