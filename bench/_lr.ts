import { readFileSync } from 'node:fs';
import { loadForCli } from '../src/cli/loadForCli';
import { parseEvalLines } from '../src/search/evaluation';
import { searchableTopics } from '../src/search/service';
const { kb, search } = loadForCli();
const voc = search.index.vocabulary;
const BIGRAMS = process.env.BI === '1';
const fid = new Map<string, number>();
function feats(text: string, grow: boolean): [Int32Array, Float64Array] {
  const terms = voc.analyse(text);
  const m = new Map<string, number>();
  for (const t of terms) m.set(t.term, Math.max(m.get(t.term) ?? 0, t.weight));
  if (BIGRAMS) {
    const ex = terms.filter((t) => t.kind !== 'compound');
    for (let i = 0; i + 1 < ex.length; i++) m.set(ex[i]!.term + '_' + ex[i + 1]!.term, 0.7);
  }
  const ids: number[] = [], vals: number[] = [];
  let sq = 0;
  for (const [k, v] of m) {
    let id = fid.get(k);
    if (id === undefined) { if (!grow) continue; id = fid.size; fid.set(k, id); }
    ids.push(id); vals.push(v); sq += v * v;
  }
  const n = Math.sqrt(sq) || 1;
  return [Int32Array.from(ids), Float64Array.from(vals, (v) => v / n)];
}
const classes: string[] = [];
const data: Array<[Int32Array, Float64Array, number]> = [];
for (const t of searchableTopics(kb)) {
  const c = classes.push(t.id) - 1;
  for (const q of [...t.questions, ...(t.examples ?? []), t.title.sv, t.title.en]) { const [i, v] = feats(q, true); data.push([i, v, c]); }
}
for (const o of kb.outOfScope) {
  const c = classes.push('oos:' + o.id) - 1;
  for (const q of o.questions) { const [i, v] = feats(q, true); data.push([i, v, c]); }
}
const C = classes.length, V = fid.size;
console.log('classes', C, 'features', V, 'examples', data.length);
const W = new Float64Array(V * C), G = new Float64Array(V * C) , B = new Float64Array(C), GB = new Float64Array(C);
const LR = Number(process.env.LRATE ?? 0.5), L2 = Number(process.env.L2 ?? 1e-5), EPOCHS = Number(process.env.EP ?? 8);
let seed = 1; const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const order = data.map((_, i) => i);
const s = new Float64Array(C);
function scores(ids: Int32Array, vals: Float64Array) {
  for (let c = 0; c < C; c++) s[c] = B[c]!;
  for (let k = 0; k < ids.length; k++) { const base = ids[k]! * C, v = vals[k]!; for (let c = 0; c < C; c++) s[c] += W[base + c]! * v; }
  let mx = -Infinity; for (let c = 0; c < C; c++) mx = Math.max(mx, s[c]!);
  let z = 0; for (let c = 0; c < C; c++) { s[c] = Math.exp(s[c]! - mx); z += s[c]!; }
  for (let c = 0; c < C; c++) s[c] /= z;
  return s;
}
const SKIP = Number(process.env.SKIP ?? 0);
const t0 = Date.now();
for (let e = 0; e < EPOCHS; e++) {
  for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [order[i], order[j]] = [order[j]!, order[i]!]; }
  for (const i of order) {
    const [ids, vals, y] = data[i]!;
    const p = scores(ids, vals);
    for (let c = 0; c < C; c++) {
      const g = p[c]! - (c === y ? 1 : 0);
      if (Math.abs(g) < SKIP) continue;
      GB[c] += g * g; B[c] -= (LR * g) / Math.sqrt(GB[c]! + 1e-8);
      for (let k = 0; k < ids.length; k++) {
        const at = ids[k]! * C + c; const gg = g * vals[k]! + L2 * W[at]!;
        G[at] += gg * gg; W[at] -= (LR * gg) / Math.sqrt(G[at]! + 1e-8);
      }
    }
  }
}
console.log('train ms', Date.now() - t0);
for (const file of process.argv.slice(2)) {
  const cases = parseEvalLines(readFileSync(file, 'utf8')).filter((c) => c.expect);
  let lr = 0, srch = 0, either = 0, n = 0;
  for (const c of cases) {
    const [ids, vals] = feats(c.q, false);
    const p = scores(ids, vals);
    let best = -1, bp = -1; for (let k = 0; k < C; k++) if (!classes[k]!.startsWith('oos:') && p[k]! > bp) { bp = p[k]!; best = k; }
    const a = search.ask(c.q);
    const okL = classes[best] === c.expect, okS = a.result.candidates[0]?.id === c.expect;
    n++; if (okL) lr++; if (okS) srch++; if (okL || okS) either++;
  }
  console.log(file.split('/').pop(), n, 'lr', (lr / n).toFixed(3), 'search', (srch / n).toFixed(3), 'either', (either / n).toFixed(3));
}
