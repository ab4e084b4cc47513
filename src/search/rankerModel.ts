/** Written by `npm run train` (bench/train.ts): do not edit by hand. Fitted on 2366 questions (eval/kb.jsonl, eval/heldout/tune.jsonl and the knowledge base's own). */
import type { RankerModel } from './ranker';

export const RANKER_MODEL: RankerModel = {
  candidate: {
    bm: 0.475,
    best: 0.97,
    posterior: 4.585,
    coverage: 2.399,
    signature: 1.801,
    bmGap: 3.562,
    bestGap: 1.812,
    bestSq: -0.885,
    nearCopy: 0.742,
    bestLead: -0.856,
    posteriorLead: -0.258,
    oos: 0.684,
    oosBest: 3.254,
  },
  none: { bias: 2, unknownShare: 3.504, evidence: -2.557, maxBest: 0.842, maxCoverage: 0.562 },
};
