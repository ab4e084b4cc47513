import { readFileSync } from 'node:fs';
import { loadForCli } from '../src/cli/loadForCli';
import { evaluate, parseEvalLines } from '../src/search/evaluation';
const { search } = loadForCli();
const B = 'eval/blind-rounds/';
const usual = ['eval/heldout/dev.jsonl', 'eval/heldout/tune.jsonl', B + 'round5.jsonl', B + 'round6-pairs.jsonl', ...[7, 8, 9, 10].map((r) => `${B}round${r}-check.jsonl`)];
const extra = [...[11, 12, 13, 14].map((r) => `${B}round${r}-check.jsonl`), B + 'round14.jsonl'];
const f3 = (x: number) => x.toFixed(4);
let agg = { n: 0, inScope: 0, top1: 0, useful: 0, wrong: 0, oosN: 0, oosAns: 0 };
for (const file of [...usual, ...extra]) {
  const { summary: s } = evaluate(search, parseEvalLines(readFileSync(file, 'utf8')));
  const r = s as unknown as Record<string, number>;
  console.log(file.replace(/.*\//, '').padEnd(22), f3(r.top1!), f3(r.usefulFirstReply!), f3(r.wrongAnswers!), f3(r.oosAnswered!), 'n', r.inScope, r.oosN);
  if (usual.includes(file)) {
    agg.inScope += r.inScope!; agg.top1 += r.top1! * r.inScope!; agg.useful += r.usefulFirstReply! * r.inScope!; agg.wrong += r.wrongAnswers! * r.inScope!;
    agg.oosN += r.oosN!; agg.oosAns += r.oosAnswered! * r.oosN!;
  }
}
console.log('USUAL', f3(agg.top1 / agg.inScope), f3(agg.useful / agg.inScope), f3(agg.wrong / agg.inScope), f3(agg.oosAns / agg.oosN));
