/** Written by `npm run train` (bench/train.ts): do not edit by hand. Fitted on 2884 questions (eval/kb.jsonl, eval/heldout/tune.jsonl and the knowledge base's own). */
import type { RankerModel } from './ranker';

export const RANKER_MODEL: RankerModel = {
  candidate: {
    bm: 0.396,
    best: 0.903,
    posterior: 4.58,
    coverage: 2.57,
    signature: 1.868,
    bmGap: 3.209,
    bestGap: 1.748,
    bestSq: -1.021,
    nearCopy: 0.59,
    bestLead: -0.546,
    posteriorLead: -0.732,
    oos: 0.615,
    oosBest: 3.325,
  },
  none: { bias: 1.885, unknownShare: 3.406, evidence: -2.056, maxBest: 0.845, maxCoverage: 0.126 },
};
