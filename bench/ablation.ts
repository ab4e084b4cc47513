/**
 * What each part of the search adds: the evaluation summary with and without the Swedish word
 * list, the concept lexicon and the learned ranker's weights (hand-set weights instead).
 *   npm run ablation -- eval/heldout/tune.jsonl
 */
import { readFileSync } from 'node:fs';
import { loadConfig } from '../src/config';
import { loadKnowledge } from '../src/knowledge/loader';
import { evaluate, parseEvalLines } from '../src/search/evaluation';
import { SearchService } from '../src/search/service';
import type { RankerModel } from '../src/search/ranker';
import { EMPTY_WORD_LIST, swedishWordList } from '../src/search/wordList';

/** Hand-set weights: roughly the old fixed blend (BM25 + nearest question + term model). */
const HAND: RankerModel = {
  candidate: {
    bm: 4,
    best: 2,
    posterior: 2.5,
    coverage: 2,
    signature: 1,
    bmGap: 2,
    bestGap: 1,
    bestSq: 0,
    best3: 0,
    knn: 0,
    bestOwn: 0,
    ownCopy: 0,
    askedPosterior: 0,
    centroid: 0,
    nearCopy: 0,
    bestLead: 0,
    posteriorLead: 0,
    oos: 0,
    oosBest: 0,
    classifier: 0,
    classifierLead: 0,
  },
  none: { bias: 3, unknownShare: 2, evidence: -2, maxBest: -2, maxCoverage: -2 },
};

const files = process.argv.slice(2);
const { kb } = loadKnowledge('knowledge');
const thresholds = loadConfig({}).search;
const variants: Array<[string, { wordList: boolean; lexicon: boolean; model?: RankerModel }]> = [
  ['all', { wordList: true, lexicon: true }],
  ['without word list', { wordList: false, lexicon: true }],
  ['without lexicon', { wordList: true, lexicon: false }],
  ['without word list and lexicon', { wordList: false, lexicon: false }],
  ['hand-set ranker weights', { wordList: true, lexicon: true, model: HAND }],
];
for (const [name, v] of variants) {
  const search = new SearchService({ ...kb, lexicon: v.lexicon ? kb.lexicon : [] }, thresholds, {
    wordList: v.wordList ? swedishWordList() : EMPTY_WORD_LIST,
    model: v.model,
  });
  for (const file of files) {
    const { summary } = evaluate(search, parseEvalLines(readFileSync(file, 'utf8')));
    const rest: Partial<typeof summary> = { ...summary };
    delete rest.byStyle;
    console.log(JSON.stringify({ variant: name, file, ...rest }));
  }
}
