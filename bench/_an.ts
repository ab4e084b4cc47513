import { loadForCli } from '../src/cli/loadForCli';
import { searchableTopics } from '../src/search/service';
const { kb, search } = loadForCli();
const texts = searchableTopics(kb).flatMap((t) => [...t.questions, ...(t.examples ?? [])]);
const t0 = performance.now();
let n = 0;
for (const t of texts) n += search.index.vocabulary.analyse(t).length;
console.log(texts.length, n, (performance.now() - t0).toFixed(0), 'ms');
