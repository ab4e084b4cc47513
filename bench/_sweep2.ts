import { readFileSync } from 'node:fs';
import { loadForCli } from '../src/cli/loadForCli';
import { parseEvalLines } from '../src/search/evaluation';
const { search } = loadForCli();
const sets = process.argv.slice(2).map((f) => ({ f, rows: parseEvalLines(readFileSync(f, 'utf8')).map((c) => ({ c, a: search.ask(c.q) })) }));
for (const x of [0, 0.15, 0.18, 0.2, 0.22, 0.25]) {
  const out: string[] = [];
  for (const s of sets) {
    let n = 0, useful = 0, oosN = 0, oosClar = 0, fb = 0;
    for (const { c, a } of s.rows) {
      let d = a.decision;
      if (d.kind === 'clarify' && (a.result.candidates[0]?.score ?? 0) < x) d = { kind: 'fallback', confidence: 0 };
      if (c.expect === null) { oosN++; if (d.kind === 'clarify') oosClar++; continue; }
      n++;
      if (d.kind === 'answer' && d.topicId === c.expect) useful++;
      else if (d.kind === 'clarify' && d.options.includes(c.expect)) useful++;
      if (d.kind === 'fallback') fb++;
    }
    out.push(`${s.f.split('/').pop()!.slice(0, 7)} useful ${(useful / n).toFixed(3)} fb ${(fb / n).toFixed(3)} oosClar ${(oosClar / Math.max(1, oosN)).toFixed(3)}`);
  }
  console.log(x, out.join(' | '));
}
