import { grow } from './buildTables';
import { words } from './normalize';

/**
 * The term classifier: a softmax regression (multinomial logistic regression) from a question to
 * the document it asks for, trained at every build on the documents' ways of asking (the editors'
 * questions, the examples and the titles), so an edited knowledge base never holds a stale model.
 * Where the naive-Bayes posteriors of index.ts count how often a word occurs with a topic, the
 * regression learns how much it tells one topic from the others: "jobbet" in every topic's
 * examples comes to weigh nothing, "lappis" a lot, and a word can count against a topic. It reads
 * the question's terms (as the index analyses them) and the letter 4-grams of its words, which
 * carry what stems and the typo correction miss: "lappisen", "snutarna", "jobbmobilen" share
 * 4-grams with the words the examples used. On the blind rounds' check parts it alone ranks
 * about as well as the rest of the search, and the two are wrong on different questions, so it is
 * one more view for the ranker (ranker.ts), not a replacement.
 */

/**
 * Passes over the examples. Over terms alone 8 were needed (4 fell short: top-1 on the usual check
 * sets 0.944 vs 0.947; 12 added nothing). With the letter 4-grams, 4: they are most of the build,
 * and 4 passes already gained more (0.957) than 8 over terms alone; 8 were not tried.
 */
const EPOCHS = 4;
/** AdaGrad's step size. */
const STEP = 0.5;
/** L2 penalty per update: keeps a word seen in one example from deciding alone. */
const L2 = 1e-5;
/**
 * Gradients smaller than this are not applied: once a class is ruled out for an example its
 * gradient is tiny, and skipping it halves the training time with the same accuracy.
 */
const MIN_GRADIENT = 1e-3;
/**
 * Training costs examples × classes × epochs and the model holds features × classes weights: past
 * these bounds (about four times the shipped knowledge base's 36 000 examples × 81 documents and
 * 36 000 features × 81) the build would take 20 s or more, and the index ranks without it
 * (see KnowledgeIndex).
 */
const MAX_WORK = 12_000_000;
const MAX_WEIGHTS = 6_000_000;

/**
 * What the classifier reads of a question: [feature id, weight, …], each feature once. The index's
 * known terms ([term id, weight, idf]) come first, then letter 4-grams (ids from the vocabulary's
 * size on, see wordGrams).
 */
export type Features = ReadonlyArray<readonly [number, number, number]>;

/**
 * A 4-gram's weight beside a term's 1: a word of 8 letters gives 7 of them, which together should
 * not outweigh the word itself. Chosen on the check parts (0.2 and 0.4 alike, 0.2 a little better
 * on the long stories of round 14).
 */
export const GRAM_WEIGHT = 0.2;

/** The letter 4-grams of one folded word of four letters or more, between boundary marks ("#lap", "lapp", …, "pis#"). */
export function wordGrams(word: string): string[] {
  if (word.length < 4) return [];
  const marked = `#${word}#`;
  const grams: string[] = [];
  for (let i = 0; i + 4 <= marked.length; i++) grams.push(marked.slice(i, i + 4));
  return grams;
}

/** The distinct letter 4-grams of a text's words (wordGrams of each), in the order met. */
export function letterGrams(text: string): string[] {
  return [...new Set(words(text).flatMap(wordGrams))];
}

/** The training examples: each a unit vector over feature ids, with its document's index. */
export class ClassifierExamples {
  private ids: Int32Array = new Int32Array(1 << 16);
  private values: Float64Array = new Float64Array(1 << 16);
  private used = 0;
  readonly starts: number[] = [0];
  readonly labels: number[] = [];

  /** Adds one way of asking, analysed as a question is, for document `label`. */
  add(features: Features, label: number): void {
    let sq = 0;
    for (const [, weight] of features) sq += weight * weight;
    if (sq === 0) return;
    const norm = Math.sqrt(sq);
    if (this.used + features.length > this.ids.length)
      [this.ids, this.values] = grow(this.ids, this.values, this.used + features.length, this.used);
    for (const [id, weight] of features) {
      this.ids[this.used] = id;
      this.values[this.used++] = weight / norm;
    }
    this.starts.push(this.used);
    this.labels.push(label);
  }

  get size(): number {
    return this.labels.length;
  }

  termIds(): Int32Array {
    return this.ids.subarray(0, this.used);
  }

  termValues(): Float64Array {
    return this.values.subarray(0, this.used);
  }
}

export class TermClassifier {
  private constructor(
    private readonly classes: number,
    /** Feature id -> its row of weights (-1: never in a way of asking). */
    private readonly rowOf: Int32Array,
    /** Row r's weight for class c at r * classes + c. */
    private readonly weights: Float32Array,
    private readonly bias: Float64Array,
  ) {}

  /** Whether a build can afford to train on this many examples of this many classes. */
  static affordable(examples: number, classes: number): boolean {
    return examples * classes <= MAX_WORK;
  }

  /**
   * Fits the regression (AdaGrad, a fixed shuffle: the same examples give the same model).
   * Undefined when the examples are too many for a build (MAX_WORK, MAX_WEIGHTS).
   */
  static train(examples: ClassifierExamples, vocab: number, classes: number): TermClassifier | undefined {
    const ids = examples.termIds();
    const values = examples.termValues();
    const rowOf = new Int32Array(vocab).fill(-1);
    let rows = 0;
    for (let k = 0; k < ids.length; k++) if (rowOf[ids[k]!] === -1) rowOf[ids[k]!] = rows++;
    if (!TermClassifier.affordable(examples.size, classes) || rows * classes > MAX_WEIGHTS) return undefined;
    const w = new Float32Array(rows * classes);
    const g2 = new Float32Array(rows * classes);
    const bias = new Float64Array(classes);
    const biasG2 = new Float64Array(classes);
    const p = new Float64Array(classes);
    const order = Int32Array.from(examples.labels, (_, i) => i);
    let seed = 1;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
    for (let epoch = 0; epoch < EPOCHS; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        const t = order[i]!;
        order[i] = order[j]!;
        order[j] = t;
      }
      for (let e = 0; e < order.length; e++) {
        const x = order[e]!;
        const from = examples.starts[x]!;
        const to = examples.starts[x + 1]!;
        const label = examples.labels[x]!;
        for (let c = 0; c < classes; c++) p[c] = bias[c]!;
        for (let k = from; k < to; k++) {
          const base = rowOf[ids[k]!]! * classes;
          const v = values[k]!;
          for (let c = 0; c < classes; c++) p[c]! += w[base + c]! * v;
        }
        softmaxInPlace(p);
        for (let c = 0; c < classes; c++) {
          const g = p[c]! - (c === label ? 1 : 0);
          if (Math.abs(g) < MIN_GRADIENT) continue;
          biasG2[c]! += g * g;
          bias[c]! -= (STEP * g) / Math.sqrt(biasG2[c]! + 1e-8);
          for (let k = from; k < to; k++) {
            const at = rowOf[ids[k]!]! * classes + c;
            const gk = g * values[k]! + L2 * w[at]!;
            g2[at]! += gk * gk;
            w[at]! -= (STEP * gk) / Math.sqrt(g2[at]! + 1e-8);
          }
        }
      }
    }
    return new TermClassifier(classes, rowOf, Float32Array.from(w), bias);
  }

  /**
   * The probability of each class (document index) for what the classifier reads of a question;
   * features no way of asking held are left out.
   */
  probabilities(features: Features): Float64Array {
    const classes = this.classes;
    const p = new Float64Array(classes);
    p.set(this.bias);
    let sq = 0;
    for (const [id, weight] of features) if ((this.rowOf[id] ?? -1) >= 0) sq += weight * weight;
    const norm = Math.sqrt(sq);
    if (norm > 0)
      for (const [id, weight] of features) {
        const row = this.rowOf[id] ?? -1;
        if (row < 0) continue;
        const base = row * classes;
        const v = weight / norm;
        for (let c = 0; c < classes; c++) p[c]! += this.weights[base + c]! * v;
      }
    softmaxInPlace(p);
    return p;
  }
}

function softmaxInPlace(xs: Float64Array): void {
  let max = -Infinity;
  for (let i = 0; i < xs.length; i++) if (xs[i]! > max) max = xs[i]!;
  let z = 0;
  for (let i = 0; i < xs.length; i++) {
    xs[i] = Math.exp(xs[i]! - max);
    z += xs[i]!;
  }
  for (let i = 0; i < xs.length; i++) xs[i]! /= z;
}
