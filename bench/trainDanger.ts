/**
 * Trains the learned danger-now classifier and writes src/search/dangerModel.json. One command,
 * deterministic:   npm run train:danger            (add -- --cv to print only the cross-validation)
 *
 * Trained on every labelled message written blind for this purpose (TRAINING_FILES): the danger
 * corpora that may be tuned on and the example rounds with their danger labels. Never on the
 * reported-only sets (eval/danger/test.jsonl, check.jsonl, final-a.jsonl, final-b.jsonl; eval/heldout/).
 *
 * The threshold is chosen on out-of-fold predictions (5-fold), beside the rules, as the bot uses
 * them: the lowest probability at which the model adds (beyond the rules' own) no more than
 * MAX_HARD_FALSE_ALARMS of the messages that share words with danger but are not danger now, and
 * no more than MAX_PLAIN_FALSE_ALARMS of ordinary questions.
 *
 *   npm run train:danger -- --cv --by-source   also trains once per danger corpus without it and
 *                                              scores it: how the model does on a writer it never saw
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDangerNow } from '../src/search/danger';
import {
  DangerClassifier,
  dangerFeatures,
  featureValue,
  type DangerModel,
} from '../src/search/dangerClassifier';
import { parseJsonLines } from '../src/search/evaluation';
import { fold } from '../src/search/normalize';

/** Corpora written to tell danger now from look-alikes: their negatives are the hard ones. */
const DANGER_CORPORA = [
  'eval/danger/tune.jsonl',
  'eval/danger/tune2.jsonl',
  'eval/danger/train-w1.jsonl',
  'eval/danger/train-w2.jsonl',
  'eval/danger/train-w3.jsonl',
  'eval/danger/train-w4.jsonl',
];
/** The blind example rounds: mostly ordinary questions, a few hundred danger-now lines. */
const ROUNDS = [1, 2, 3, 4, 5].map((n) => `eval/blind-rounds/round${n}.jsonl`);
export const TRAINING_FILES = process.env.TRAIN_FILES?.split(',') ?? [...DANGER_CORPORA, ...ROUNDS];

const MAX_HARD_FALSE_ALARMS = Number(process.env.MAX_HARD_FA ?? 0.04);
const MAX_PLAIN_FALSE_ALARMS = Number(process.env.MAX_PLAIN_FA ?? 0.005);

export interface Example {
  q: string;
  danger: boolean;
  /** From a danger corpus (its negatives are look-alikes), not an ordinary question. */
  hard: boolean;
  source: string;
}

export function loadExamples(files: string[]): Example[] {
  const seen = new Map<string, Example>();
  const conflicting = new Set<string>();
  for (const file of files) {
    // The example rounds (eval/blind-rounds/) are ordinary questions; the danger corpora's
    // negatives were written to look like danger.
    const hard = !file.includes('blind-rounds');
    for (const line of parseJsonLines<{ q: string; danger?: boolean }>(readFileSync(file, 'utf8'))) {
      const key = fold(line.q).replace(/\s+/g, ' ').trim();
      const danger = line.danger === true;
      const earlier = seen.get(key);
      if (earlier && earlier.danger !== danger) conflicting.add(key);
      if (!earlier) seen.set(key, { q: line.q, danger, hard, source: file });
    }
  }
  // A message labelled both ways says nothing; leave it out.
  return [...seen.entries()].filter(([k]) => !conflicting.has(k)).map(([, e]) => e);
}

interface Params {
  epochs: number;
  l2: number;
  rate: number;
  /** Weight of a danger-now example relative to another (they are few). */
  positiveWeight: number;
  minCount: number;
}

const PARAMS: Params = {
  epochs: Number(process.env.EPOCHS ?? 20),
  l2: Number(process.env.L2 ?? 1e-5),
  rate: Number(process.env.RATE ?? 0.5),
  positiveWeight: Number(process.env.POS_WEIGHT ?? 4),
  minCount: 2,
};

/** A seeded shuffle, so a training run is repeatable. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    const j = (s >>> 0) % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

interface Encoded {
  ids: Int32Array;
  value: number;
  y: number;
}

/** Logistic regression with AdaGrad and L2 over the features seen in at least minCount messages. */
export function fit(examples: Example[], p: Params = PARAMS): { bias: number; weights: Map<string, number> } {
  const featureLists = examples.map((e) => dangerFeatures(e.q));
  const counts = new Map<string, number>();
  for (const fs of featureLists) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [f, n] of counts) if (n >= p.minCount) index.set(f, index.size);
  const rows: Encoded[] = featureLists.map((fs, i) => {
    const ids = fs.map((f) => index.get(f)).filter((id): id is number => id !== undefined);
    return { ids: Int32Array.from(ids), value: featureValue(fs.length), y: examples[i]!.danger ? 1 : 0 };
  });
  const w = new Float64Array(index.size);
  const g2 = new Float64Array(index.size).fill(1e-8);
  let bias = 0;
  let biasG2 = 1e-8;
  for (let epoch = 0; epoch < p.epochs; epoch++) {
    for (const r of shuffled(rows, 1234 + epoch)) {
      let z = bias;
      for (const id of r.ids) z += w[id]! * r.value;
      const prob = 1 / (1 + Math.exp(-z));
      const weight = r.y === 1 ? p.positiveWeight : 1;
      const err = (prob - r.y) * weight;
      for (const id of r.ids) {
        const g = err * r.value + p.l2 * w[id]!;
        g2[id]! += g * g;
        w[id]! -= (p.rate * g) / Math.sqrt(g2[id]!);
      }
      biasG2 += err * err;
      bias -= (p.rate * err) / Math.sqrt(biasG2);
    }
  }
  const weights = new Map<string, number>();
  for (const [f, id] of index)
    if (Math.abs(w[id]!) >= 0.005) weights.set(f, Math.round(w[id]! * 1000) / 1000);
  return { bias: Math.round(bias * 1000) / 1000, weights };
}

/** A fitted model as the bot reads it (the threshold does not matter for probabilities). */
function classifier(model: { bias: number; weights: Map<string, number> }): DangerClassifier {
  return new DangerClassifier({
    about: '',
    bias: model.bias,
    threshold: 0.5,
    weights: Object.fromEntries(model.weights),
  });
}

/** Out-of-fold probabilities (k-fold, folds by a seeded shuffle). */
export function outOfFold(examples: Example[], k = 5): number[] {
  const order = shuffled(
    examples.map((_, i) => i),
    99,
  );
  const probs = new Array<number>(examples.length).fill(0);
  for (let fold = 0; fold < k; fold++) {
    const held = new Set(order.filter((_, j) => j % k === fold));
    const model = classifier(fit(examples.filter((_, i) => !held.has(i))));
    for (const i of held) probs[i] = model.probability(examples[i]!.q);
  }
  return probs;
}

interface Rates {
  recall: number;
  hardFalseAlarms: number;
  plainFalseAlarms: number;
}

function rates(examples: Example[], flagged: boolean[]): Rates {
  let pos = 0,
    caught = 0,
    hardNeg = 0,
    hardFa = 0,
    plainNeg = 0,
    plainFa = 0;
  examples.forEach((e, i) => {
    if (e.danger) {
      pos++;
      if (flagged[i]) caught++;
    } else if (e.hard) {
      hardNeg++;
      if (flagged[i]) hardFa++;
    } else {
      plainNeg++;
      if (flagged[i]) plainFa++;
    }
  });
  const r = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 1000 : 0);
  return {
    recall: r(caught, pos),
    hardFalseAlarms: r(hardFa, hardNeg),
    plainFalseAlarms: r(plainFa, plainNeg),
  };
}

/**
 * The lowest threshold at which the model adds no more than the allowed false alarms to those the
 * rules already raise (messages the model flags and the rules do not).
 */
export function chooseThreshold(examples: Example[], probs: number[], rules: boolean[]): number {
  for (let k = 5; k < 99; k++) {
    const t = k / 100;
    const added = rates(
      examples,
      probs.map((p, i) => !rules[i] && p >= t),
    );
    if (added.hardFalseAlarms <= MAX_HARD_FALSE_ALARMS && added.plainFalseAlarms <= MAX_PLAIN_FALSE_ALARMS)
      return t;
  }
  return 0.99;
}

function main(): void {
  const started = Date.now();
  const examples = loadExamples(TRAINING_FILES);
  const rules = examples.map((e) => isDangerNow(e.q));
  const probs = outOfFold(examples);
  const threshold = chooseThreshold(examples, probs, rules);
  const bySource = new Map<string, number[]>();
  examples.forEach((e, i) => bySource.set(e.source, [...(bySource.get(e.source) ?? []), i]));
  // Rules, model and either, on a group of examples (by index), with the model's verdicts given.
  const scores = (idx: number[], model: (i: number) => boolean) => {
    const ex = idx.map((i) => examples[i]!);
    const ru = idx.map((i) => rules[i]!);
    const mo = idx.map(model);
    return {
      rules: rates(ex, ru),
      model: rates(ex, mo),
      either: rates(
        ex,
        ru.map((r, k) => r || mo[k]!),
      ),
    };
  };
  const outOfFoldVerdict = (i: number) => probs[i]! >= threshold;
  for (const [source, idx] of bySource)
    console.log(JSON.stringify({ set: source, n: idx.length, ...scores(idx, outOfFoldVerdict) }));
  const everyIndex = examples.map((_, i) => i);
  console.log(
    JSON.stringify({ set: 'all (out of fold)', n: examples.length, ...scores(everyIndex, outOfFoldVerdict) }),
  );
  if (process.argv.includes('--by-source')) {
    // Leave one corpus out: how the model does on a writer it has never seen.
    for (const source of DANGER_CORPORA.filter((f) => bySource.has(f))) {
      const model = classifier(fit(examples.filter((e) => e.source !== source)));
      const verdict = (i: number) => model.probability(examples[i]!.q) >= threshold;
      console.log(JSON.stringify({ heldOut: source, ...scores(bySource.get(source)!, verdict) }));
    }
  }
  if (process.argv.includes('--cv')) {
    console.log(JSON.stringify({ threshold, params: PARAMS, ms: Date.now() - started }));
    return;
  }
  const model = fit(examples);
  const out: DangerModel = {
    about:
      `Written by npm run train:danger (bench/trainDanger.ts): do not edit by hand. Trained on ${examples.length} ` +
      `messages (${examples.filter((e) => e.danger).length} danger now) from ${TRAINING_FILES.join(', ')}.`,
    bias: model.bias,
    threshold,
    weights: Object.fromEntries(
      [...model.weights.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    ),
  };
  writeFileSync(
    join(__dirname, '..', 'src', 'search', 'dangerModel.json'),
    JSON.stringify(out, null, 0) + '\n',
  );
  console.log(
    JSON.stringify({ threshold, features: model.weights.size, params: PARAMS, ms: Date.now() - started }),
  );
}

if (require.main === module) main();
