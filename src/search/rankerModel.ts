/** Written by `npm run train` (bench/train.ts): do not edit by hand. Fitted on 2689 questions (eval/kb.jsonl, eval/heldout/tune.jsonl and the knowledge base's own). */
import type { RankerModel } from './ranker';

export const RANKER_MODEL: RankerModel = {
  candidate: {
    bm: 0.62,
    best: 0.859,
    posterior: 4.669,
    coverage: 2.33,
    signature: 1.961,
    bmGap: 3.533,
    bestGap: 1.599,
    bestSq: -1.24,
    nearCopy: 0.644,
    bestLead: -0.761,
    posteriorLead: -0.745,
    oos: 0.56,
    oosBest: 3.616,
  },
  none: { bias: 1.885, unknownShare: 3.503, evidence: -2.129, maxBest: 0.74, maxCoverage: 0.253 },
};
