import { readFileSync } from 'node:fs';
import { loadForCli } from '../src/cli/loadForCli';
import { parseEvalLines } from '../src/search/evaluation';
const { search } = loadForCli();
for (const file of process.argv.slice(2)) {
  const cases = parseEvalLines(readFileSync(file, 'utf8')).filter((c) => c.expect && (c as {style?: string}).style === 'slang');
  const agg: Record<string, { n: number; unk: number; fuzzy: number; lex: number; words: number; unkWords: number }> = {};
  for (const c of cases) {
    const a = search.ask(c.q);
    const hit = a.decision.kind === 'answer' && a.result.candidates[0]?.id === c.expect ? 'hit' : 'miss';
    const g = (agg[hit] ??= { n: 0, unk: 0, fuzzy: 0, lex: 0, words: 0, unkWords: 0 });
    g.n++;
    const kinds = a.result.terms.map((t) => t.kind);
    if (kinds.includes('unknown')) g.unk++;
    if (kinds.includes('fuzzy')) g.fuzzy++;
    if (kinds.includes('lexicon')) g.lex++;
    g.words += new Set(a.result.terms.map((t) => t.source)).size;
    g.unkWords += new Set(a.result.terms.filter((t) => t.kind === 'unknown' || t.kind === 'fuzzy').map((t) => t.source)).size;
  }
  console.log(file, JSON.stringify(agg));
}
