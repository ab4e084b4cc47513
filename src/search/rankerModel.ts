/** Written by `npm run train` (bench/train.ts): do not edit by hand. Fitted on 13358 questions (eval/kb.jsonl and the knowledge base's own). */
import type { RankerModel } from './ranker';

export const RANKER_MODEL: RankerModel = {
  candidate: {
    bm: 1.684,
    best: 1.064,
    posterior: 2.92,
    coverage: 3.007,
    signature: 0.537,
    bmGap: 1.656,
    bestGap: 1.019,
    bestSq: -0.456,
    best3: 1.747,
    bestOwn: 0.599,
    ownCopy: 0.329,
    askedPosterior: 2.53,
    centroid: 0.662,
    knn: -0.747,
    nearCopy: 0.264,
    bestLead: -0.226,
    posteriorLead: -2.153,
    oos: 1.165,
    oosBest: 2.419,
  },
  none: { bias: -0.135, unknownShare: 0.059, evidence: -0.19, maxBest: -0.046, maxCoverage: -0.123 },
};
