/**
 * Training rows for the learned ranker (src/search/ranker.ts) and the fit itself, shared by
 * `npm run train` (bench/train.ts) and `npm run calibrate` (bench/calibrate.ts). Deterministic:
 * the same knowledge files and question files give the same weights.
 */
import { readFileSync } from 'node:fs';
import type { KnowledgeBase } from '../src/knowledge/loader';
import { parseEvalLines } from '../src/search/evaluation';
import { KnowledgeIndex, type RankingView } from '../src/search/index';
import {
  CANDIDATE_FEATURES,
  NONE_FEATURES,
  candidateScore,
  noneScore,
  probabilities,
  type RankerModel,
} from '../src/search/ranker';
import {
  DOUBT_FEATURES,
  doubtFeatures,
  pairKey,
  type DoubtFeatures,
  type DoubtModel,
} from '../src/search/doubt';
import { MAX_QUERY_CHARS, outOfScopeDocs, searchableTopics } from '../src/search/service';
import { swedishWordList } from '../src/search/wordList';

export interface Row {
  source: string;
  view: RankingView;
  /** null: out of scope (refusing is right). */
  expect: string | null;
  style?: string;
}

/** Three decimals: what the bot's probabilities and the written models keep. */
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Candidates per row used in the fit: the rest have near-zero probability anyway. */
const FIT_CANDIDATES = 15;
/** Folds for the knowledge base's own example questions (each is asked of an index without it). */
const FOLDS = 5;

export function buildIndex(
  kb: KnowledgeBase,
  keep: (i: number) => boolean = () => true,
  model?: RankerModel,
): KnowledgeIndex {
  const topics = searchableTopics(kb).map((t) => ({
    ...t,
    questions: t.questions.filter((_, i) => keep(i)),
    examples: (t.examples ?? []).filter((_, i) => keep(i)),
  }));
  return new KnowledgeIndex(topics, {
    synonymGroups: kb.synonymGroups,
    lexicon: kb.lexicon,
    wordList: swedishWordList(),
    outOfScope: outOfScopeDocs(kb, keep),
    model,
  });
}

/**
 * Rows from the knowledge base's own example questions, each asked of an index built without it
 * (5-fold), and from question files asked of the full index.
 */
export function buildRows(kb: KnowledgeBase, files: string[]): Row[] {
  const rows: Row[] = [];
  for (let f = 0; f < FOLDS; f++) {
    const index = buildIndex(kb, (i) => i % FOLDS !== f);
    for (const t of searchableTopics(kb)) {
      t.questions.forEach((q, i) => {
        if (i % FOLDS === f) rows.push({ source: 'kb-questions', view: index.view(q), expect: t.id });
      });
      (t.examples ?? []).forEach((q, i) => {
        if (i % FOLDS === f) rows.push({ source: 'kb-examples', view: index.view(q), expect: t.id });
      });
    }
    for (const c of kb.outOfScope)
      c.questions.forEach((q, i) => {
        if (i % FOLDS === f) rows.push({ source: 'kb-out-of-scope', view: index.view(q), expect: null });
      });
  }
  const full = buildIndex(kb);
  const ids = new Set(kb.topics.map((t) => t.id));
  for (const file of files) {
    for (const c of parseEvalLines(readFileSync(file, 'utf8'))) {
      // A question for a topic the knowledge base does not have yet teaches nothing.
      if (c.expect !== null && !ids.has(c.expect)) continue;
      rows.push({
        source: file,
        view: full.view(c.q.slice(0, MAX_QUERY_CHARS)),
        expect: c.expect,
        style: c.style,
      });
    }
  }
  return rows;
}

/** The candidates a fit looks at: the leading ones and every out-of-scope category. */
const fitCandidates = (row: Row) => row.view.candidates.filter((c, i) => i < FIT_CANDIDATES || c.outOfScope);

/** Which options (candidate indices, and cands.length for "none") are right for a row. */
function correct(row: Row, cands: Row['view']['candidates']): number[] {
  const n = cands.length;
  if (row.expect === null) {
    const out = [n];
    cands.forEach((c, i) => {
      if (c.outOfScope) out.push(i);
    });
    return out;
  }
  const i = cands.findIndex((c) => c.id === row.expect);
  return i >= 0 ? [i] : [];
}

/**
 * Fits the ranker: softmax over each row's candidates and "none", maximising the probability of
 * the right option(s), with L2 regularisation. Full-batch gradient descent with momentum.
 */
export function fit(
  rows: Row[],
  options: { l2?: number; iterations?: number; oosWeight?: number } = {},
): RankerModel {
  const l2 = options.l2 ?? 0.001;
  const iterations = options.iterations ?? 600;
  const oosWeight = options.oosWeight ?? 2;
  const C = CANDIDATE_FEATURES.length;
  const N = NONE_FEATURES.length;
  // Flat arrays: the fit runs hundreds of passes over thousands of rows.
  const data = rows
    .map((r) => {
      const cands = fitCandidates(r);
      const n = cands.length;
      const right = new Set(correct(r, cands));
      const x = new Float64Array(n * C);
      cands.forEach((c, i) => x.set(c.features, i * C));
      const none = Float64Array.from(NONE_FEATURES.map((k) => r.view.none[k]));
      return { n, right, x, none, weight: r.expect === null ? oosWeight : 1 };
    })
    .filter((d) => d.right.size > 0 && d.n > 0);
  const total = data.reduce((a, d) => a + d.weight, 0);
  const w = new Float64Array(C + N);
  const vel = new Float64Array(C + N);
  const g = new Float64Array(C + N);
  const p = new Float64Array(Math.max(1, ...data.map((d) => d.n + 1)));
  const lr = 0.5;
  const momentum = 0.9;
  for (let it = 0; it < iterations; it++) {
    g.fill(0);
    for (const d of data) {
      let max = -Infinity;
      for (let i = 0; i < d.n; i++) {
        let z = 0;
        for (let j = 0; j < C; j++) z += w[j]! * d.x[i * C + j]!;
        p[i] = z;
        if (z > max) max = z;
      }
      let zn = 0;
      for (let j = 0; j < N; j++) zn += w[C + j]! * d.none[j]!;
      p[d.n] = zn;
      if (zn > max) max = zn;
      let sum = 0;
      for (let i = 0; i <= d.n; i++) {
        p[i] = Math.exp(p[i]! - max);
        sum += p[i]!;
      }
      let pRight = 0;
      for (let i = 0; i <= d.n; i++) {
        p[i] = p[i]! / sum;
        if (d.right.has(i)) pRight += p[i]!;
      }
      for (let i = 0; i <= d.n; i++) {
        const pi = p[i]!;
        const delta = d.weight * (pi - (d.right.has(i) ? pi / Math.max(pRight, 1e-12) : 0));
        if (delta === 0) continue;
        if (i < d.n) for (let j = 0; j < C; j++) g[j]! += delta * d.x[i * C + j]!;
        else for (let j = 0; j < N; j++) g[C + j]! += delta * d.none[j]!;
      }
    }
    for (let j = 0; j < C + N; j++) {
      vel[j] = momentum * vel[j]! - lr * (g[j]! / total + l2 * w[j]!);
      w[j]! += vel[j]!;
    }
  }
  return {
    candidate: Object.fromEntries(CANDIDATE_FEATURES.map((k, j) => [k, w[j]!])) as RankerModel['candidate'],
    none: Object.fromEntries(NONE_FEATURES.map((k, j) => [k, w[C + j]!])) as RankerModel['none'],
  };
}

export interface Prediction {
  row: Row;
  /** The top topic (not an out-of-scope category) and its probability. */
  top?: string;
  p: number;
  /** The top three topics' probabilities and ids. */
  top3: Array<{ id: string; p: number }>;
  /** An out-of-scope category outranks "none" and every topic. */
  refusedAsOos: boolean;
  none: number;
}

/** What a model makes of a row (the same arithmetic as KnowledgeIndex.search). */
export function predict(row: Row, model: RankerModel): Prediction {
  const c = row.view.candidates;
  if (c.length === 0) return { row, p: 0, top3: [], refusedAsOos: false, none: 1 };
  const p = probabilities(
    c.map((x) => candidateScore(x.features, model)),
    noneScore(row.view.none, model),
  );
  const none = p[p.length - 1] ?? 0;
  const ranked = c.map((x, i) => ({ ...x, p: p[i] ?? 0 })).sort((a, b) => b.p - a.p);
  const topics = ranked.filter((x) => !x.outOfScope);
  const first = ranked[0];
  return {
    row,
    top: topics[0]?.id,
    p: topics[0]?.p ?? 0,
    top3: topics.slice(0, 3).map((x) => ({ id: x.id, p: x.p })),
    refusedAsOos: first !== undefined && first.outOfScope && first.p > none,
    none,
  };
}

/** A question the ranker answered: what was asked, and its top three topics with probabilities. */
export interface Answered {
  expect: string;
  top3: Array<{ id: string; p: number }>;
}

/** An answered question's top three as the bot ranks them: probabilities rounded as KnowledgeIndex.search rounds them. */
export function rankedOf(a: Answered): Array<{ id: string; score: number }> {
  return a.top3.map((c) => ({ id: c.id, score: round3(c.p) }));
}

/** What the doubt model predicts: the top topic is wrong and the right one is second or third. */
export function doubtLabel(a: Answered): boolean {
  const ids = a.top3.map((c) => c.id);
  return ids[0] !== a.expect && ids.includes(a.expect);
}

/** The in-scope questions a ranker answered with a topic (not refused as out of scope): what the doubt model learns from. */
export function answeredOf(preds: readonly Prediction[]): Answered[] {
  return preds.flatMap((x) =>
    x.row.expect === null || x.refusedAsOos || x.top === undefined
      ? []
      : [{ expect: x.row.expect, top3: x.top3 }],
  );
}

/** A pair counts in DoubtModel.pairRates once the ranker has confused it this often. */
const MIN_PAIR_COUNT = 2;
/** Folds for the doubt model: a question's pair rate is counted without the questions of its fold. */
const DOUBT_FOLDS = 5;

/** Of the answers of each topic, the share that were asked for each other topic (pairKey → share). */
export function pairRates(answered: readonly Answered[]): Record<string, number> {
  const confused = new Map<string, { top: string; n: number }>();
  const asTop = new Map<string, number>();
  for (const a of answered) {
    const top = a.top3[0]?.id;
    if (top === undefined) continue;
    asTop.set(top, (asTop.get(top) ?? 0) + 1);
    if (top === a.expect) continue;
    const key = pairKey(top, a.expect);
    const pair = confused.get(key) ?? { top, n: 0 };
    pair.n++;
    confused.set(key, pair);
  }
  const rates: Record<string, number> = {};
  for (const [key, { top, n }] of [...confused].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    if (n >= MIN_PAIR_COUNT) rates[key] = round3(n / asTop.get(top)!);
  return rates;
}

/**
 * Fits the doubt model (src/search/doubt.ts) on answered questions: logistic regression of "the top
 * topic is wrong and the right one is second or third" on doubtFeatures. Each question's pair rate
 * comes from the other folds (cross-fitting), or the model would learn that a question's own
 * confusion predicts itself; the model keeps the rates of all questions. Features are standardised
 * for the fit and the weights turned back, so the model applies to raw features.
 */
export function fitDoubt(answered: readonly Answered[], options: { iterations?: number } = {}): DoubtModel {
  const usable = answered.filter((a) => a.top3.length >= 2);
  const X: DoubtFeatures[] = [];
  const y: number[] = [];
  for (let f = 0; f < DOUBT_FOLDS; f++) {
    const rates = pairRates(usable.filter((_, i) => i % DOUBT_FOLDS !== f));
    usable.forEach((a, i) => {
      if (i % DOUBT_FOLDS !== f) return;
      X.push(doubtFeatures(rankedOf(a), rates)!);
      y.push(doubtLabel(a) ? 1 : 0);
    });
  }
  const keys = DOUBT_FEATURES.filter((k) => k !== 'bias');
  const mean = keys.map((k) => X.reduce((s, x) => s + x[k], 0) / Math.max(X.length, 1));
  const sd = keys.map((k, j) =>
    Math.max(Math.sqrt(X.reduce((s, x) => s + (x[k] - mean[j]!) ** 2, 0) / Math.max(X.length, 1)), 1e-9),
  );
  const rows = X.map((x) => [1, ...keys.map((k, j) => (x[k] - mean[j]!) / sd[j]!)]);
  const w = new Array<number>(keys.length + 1).fill(0);
  const iterations = options.iterations ?? 3000;
  const lr = 0.5;
  const l2 = 1e-3;
  for (let it = 0; it < iterations; it++) {
    const g = new Array<number>(w.length).fill(0);
    rows.forEach((r, i) => {
      const p = 1 / (1 + Math.exp(-r.reduce((s, v, j) => s + v * w[j]!, 0)));
      r.forEach((v, j) => (g[j]! += (p - y[i]!) * v));
    });
    for (let j = 0; j < w.length; j++)
      w[j]! -= lr * (g[j]! / Math.max(rows.length, 1) + (j > 0 ? l2 * w[j]! : 0));
  }
  // Back to raw features: w·(x - mean)/sd = Σ (w/sd)·x + (bias - Σ w·mean/sd).
  const weights = { bias: w[0]! } as DoubtFeatures;
  keys.forEach((k, j) => {
    weights[k] = w[j + 1]! / sd[j]!;
    weights.bias -= (w[j + 1]! * mean[j]!) / sd[j]!;
  });
  return { weights, pairRates: pairRates(usable) };
}

/** Prints a model as the TypeScript module src/search/rankerModel.ts. */
export function modelSource(model: RankerModel, note: string): string {
  const obj = (o: Record<string, number>) =>
    `{ ${Object.entries(o)
      .map(([k, v]) => `${k}: ${round3(v)}`)
      .join(', ')} }`;
  return `/** Written by \`npm run train\` (bench/train.ts): do not edit by hand. ${note} */
import type { RankerModel } from './ranker';

export const RANKER_MODEL: RankerModel = {
  candidate: ${obj(model.candidate)},
  none: ${obj(model.none)},${
    model.doubt
      ? `
  doubt: {
    weights: ${obj(model.doubt.weights)},
    pairRates: ${JSON.stringify(model.doubt.pairRates)},
  },`
      : ''
  }
};
`;
}
