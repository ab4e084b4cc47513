import { readFileSync } from 'node:fs';
import { loadForCli } from '../src/cli/loadForCli';
import { parseEvalLines } from '../src/search/evaluation';
const t0 = Date.now();
const { search } = loadForCli();
console.log('load ms', Date.now() - t0);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const ix = search.index as any;
for (const file of process.argv.slice(2)) {
  const cases = parseEvalLines(readFileSync(file, 'utf8')).filter((c) => c.expect);
  let lr = 0, n = 0;
  for (const c of cases) {
    const q = new Map<string, number>();
    for (const t of search.index.vocabulary.analyse(c.q)) q.set(t.term, Math.max(q.get(t.term) ?? 0, t.weight));
    const known: Array<[number, number, number]> = [];
    for (const [term, w] of q) { const id = ix.termIds.get(term); if (id !== undefined) known.push([id, w, 0]); }
    const p = ix.classifier.probabilities(known);
    let best = -1, bp = -1;
    for (let d = 0; d < p.length; d++) if (!ix.docs[d].outOfScope && p[d] > bp) { bp = p[d]; best = d; }
    n++; if (ix.docs[best].topic.id === c.expect) lr++;
  }
  console.log(file.split('/').pop(), n, 'lr', (lr / n).toFixed(3));
}
