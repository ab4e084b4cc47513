/**
 * `npm run eval -- FILE.jsonl` scores the search on lines {"q": "...", "expect": "<topic id>" | null}.
 * Prints each miss, then as its LAST line one JSON summary. Exits 0 whatever the score.
 */
import { readFileSync } from 'node:fs';
import { loadForCli } from './loadForCli';
import { evaluate, parseEvalLines } from '../search/evaluation';

const file = process.argv[2];
if (!file) {
  console.error('Användning: npm run eval -- FIL.jsonl');
  process.exit(1);
}
const { search } = loadForCli();
const cases = parseEvalLines(readFileSync(file, 'utf8'));
const { summary, misses } = evaluate(search, cases);
for (const m of misses) {
  console.log(
    `MISS ${JSON.stringify(m.q)} expected=${m.expect ?? 'null'} got=${m.answer ?? 'null'} ` +
      `conf=${m.confidence} top=${m.candidates.slice(0, 3).join(',')}`,
  );
}
console.log(JSON.stringify(summary));
