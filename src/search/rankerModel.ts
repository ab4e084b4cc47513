/** Written by `npm run train` (bench/train.ts): do not edit by hand. Fitted on 2931 questions (eval/kb.jsonl, eval/heldout/tune.jsonl and the knowledge base's own). */
import type { RankerModel } from './ranker';

export const RANKER_MODEL: RankerModel = {
  candidate: {
    bm: 0.42,
    best: 0.814,
    posterior: 4.703,
    coverage: 2.542,
    signature: 1.855,
    bmGap: 3.214,
    bestGap: 1.762,
    bestSq: -0.825,
    best3: 0,
    knn: 0,
    nearCopy: 1.075,
    bestLead: -0.62,
    posteriorLead: -0.911,
    oos: 0.635,
    oosBest: 3.277,
  },
  none: { bias: 1.854, unknownShare: 3.406, evidence: -2.027, maxBest: 0.948, maxCoverage: 0.038 },
};
