/**
 * Fits the confidence model (src/search/confidence.ts) on evaluation questions and prints the
 * weights to paste there, with cross-validated figures so over-fitting shows. Not run in CI.
 *   npm run calibrate -- eval/kb.jsonl ../shared/eval/dev.jsonl
 */
import { readFileSync } from 'node:fs';
import { loadKnowledge } from '../src/knowledge/loader';
import { SearchService } from '../src/search/service';
import { confidenceOf, CONFIDENCE_MODEL, type ConfidenceFeatures } from '../src/search/confidence';
import { parseEvalLines } from '../src/search/evaluation';

type Model = typeof CONFIDENCE_MODEL;
const KEYS = [
  'coverage',
  'best',
  'margin',
  'score',
  'unknownShare',
  'evidence',
  'posterior',
  'oosProximity',
] as const;

const zeroModel = (): Model => ({ bias: 0, ...Object.fromEntries(KEYS.map((k) => [k, 0])) }) as Model;

interface Row {
  f: ConfidenceFeatures;
  label: 0 | 1;
  inScope: boolean;
  /** The question matched an out-of-scope category: never answered, whatever the confidence. */
  oosHit: boolean;
}

/** Out-of-scope questions are few but matter most (a confident wrong answer): they weigh more. */
const OOS_WEIGHT = Number(process.env.OOS_WEIGHT ?? 3);

function fit(rows: Row[], l2 = 0.001, epochs = 4000, lr = 1): Model {
  const w = zeroModel();
  for (let e = 0; e < epochs; e++) {
    const g = zeroModel();
    for (const r of rows) {
      const err = (confidenceOf(r.f, w) - r.label) * (r.inScope ? 1 : OOS_WEIGHT);
      g.bias += err;
      for (const k of KEYS) g[k] += err * r.f[k];
    }
    w.bias -= (lr * g.bias) / rows.length;
    for (const k of KEYS) w[k] -= lr * (g[k] / rows.length + l2 * w[k]);
  }
  return w;
}

function score(
  rows: Row[],
  w: Model,
  threshold: number,
): { top1: number; oosRejected: number; falseRejections: number } {
  const ins = rows.filter((r) => r.inScope);
  const oos = rows.filter((r) => !r.inScope);
  const answered = (r: Row) => !r.oosHit && confidenceOf(r.f, w) >= threshold;
  return {
    top1: ins.filter((r) => r.label === 1 && answered(r)).length / ins.length,
    oosRejected: oos.filter((r) => !answered(r)).length / Math.max(1, oos.length),
    falseRejections: ins.filter((r) => !answered(r)).length / ins.length,
  };
}

const files = process.argv.slice(2);
const { kb } = loadKnowledge('knowledge');
const index = new SearchService(kb, { answerThreshold: 0.5, suggestThreshold: 0.3, ambiguityMargin: 0 })
  .index;
const rows: Row[] = [];
for (const file of files.length ? files : ['eval/kb.jsonl', '../shared/eval/dev.jsonl']) {
  for (const c of parseEvalLines(readFileSync(file, 'utf8'))) {
    const r = index.search(c.q);
    const f = r.features ?? {
      coverage: 0,
      best: 0,
      margin: 0,
      score: 0,
      unknownShare: 1,
      evidence: 0,
      posterior: 0,
      oosProximity: 0,
    };
    const oosHit = r.outOfScope !== undefined;
    rows.push({
      f,
      label: c.expect !== null && !oosHit && r.candidates[0]?.id === c.expect ? 1 : 0,
      inScope: c.expect !== null,
      oosHit,
    });
  }
}

const fitRows = (rs: Row[]) => rs.filter((r) => !r.oosHit);

// Two-fold cross-validation: fit on one half, measure on the other.
const a = rows.filter((_, i) => i % 2 === 0);
const b = rows.filter((_, i) => i % 2 === 1);
const wa = fit(fitRows(a));
const wb = fit(fitRows(b));
const model = fit(fitRows(rows));
const round = (x: number) => Math.round(x * 100) / 100;
console.log(
  'caught by out-of-scope categories: in scope',
  rows.filter((r) => r.inScope && r.oosHit).length,
  'out of scope',
  rows.filter((r) => !r.inScope && r.oosHit).length,
  'of',
  rows.filter((r) => !r.inScope).length,
);
console.log(
  'rank-1 accuracy (ceiling for top1):',
  round(rows.filter((r) => r.inScope && r.label).length / rows.filter((r) => r.inScope).length),
);
for (const t of [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6]) {
  const cv1 = score(b, wa, t);
  const cv2 = score(a, wb, t);
  const all = score(rows, model, t);
  console.log(
    `threshold ${t}: cross-validated top1 ${round((cv1.top1 + cv2.top1) / 2)} oosRejected ${round((cv1.oosRejected + cv2.oosRejected) / 2)}` +
      ` | fitted on all: top1 ${round(all.top1)} oosRejected ${round(all.oosRejected)} falseRejections ${round(all.falseRejections)}`,
  );
}
console.log(
  'CONFIDENCE_MODEL =',
  JSON.stringify(Object.fromEntries(Object.entries(model).map(([k, v]) => [k, round(v)]))),
);
