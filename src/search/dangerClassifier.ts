import { words } from './normalize';
import SHIPPED from './dangerModel.json';

/**
 * The learned half of the danger-now check: a logistic regression over the words, word pairs and
 * letter 4-grams of a message, trained (`npm run train:danger`, bench/trainDanger.ts) on about two
 * thousand danger-now messages and many thousands of others, all written blind by people who never
 * saw the rules of danger.ts.
 *
 * Why beside the rules: the rules catch every phrasing their table names, but a phrasing nobody
 * listed slips through (recall 0.84 on a blind corpus, the same before and after a round of new
 * rules). The model reads the same signals the rules do (a weapon, a violent verb, "nu", "står
 * utanför", past and plan words pulling the other way) from thousands of examples and weighs them
 * together, so an unlisted phrasing with enough of them is still caught. The bot flags danger when
 * either says so (SearchService.dangerNow).
 */
export interface DangerModel {
  /** What it was trained on (written by the trainer). */
  about: string;
  bias: number;
  /** At or above this probability a message counts as danger now (chosen on out-of-fold predictions). */
  threshold: number;
  /** Weight per feature (see dangerFeatures); a feature not listed weighs 0. */
  weights: Record<string, number>;
}

/** Only the beginning of a very long message is read (as the search does). */
const MAX_CHARS = 1000;

/** The model reads messages of at least this many words (see DangerClassifier.isDangerNow). */
const MIN_WORDS = 2;

/**
 * The features of a message, each present once: folded words ("w:kniv"), pairs of neighbouring
 * words ("b:nu star"), letter 4-grams inside a word with its edges marked ("c:<kni", "c:rok>":
 * compounds and misspellings share them with the words they contain) and a length bucket ("n:2":
 * a few panicked words read differently from a long story).
 */
export function dangerFeatures(text: string): string[] {
  return read(text).features;
}

/** The features of a message and how many words it has. */
function read(text: string): { features: string[]; wordCount: number } {
  const ws = words(text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text);
  const features = new Set<string>();
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    features.add(`w:${w}`);
    if (i > 0) features.add(`b:${ws[i - 1]} ${w}`);
    const padded = `<${w}>`;
    for (let j = 0; j + 4 <= padded.length; j++) features.add(`c:${padded.slice(j, j + 4)}`);
  }
  features.add(`n:${lengthBucket(ws.length)}`);
  return { features: [...features], wordCount: ws.length };
}

function lengthBucket(n: number): number {
  return n <= 3 ? 0 : n <= 8 ? 1 : n <= 20 ? 2 : n <= 45 ? 3 : 4;
}

/** Each feature's value: 1 / √(number of features), so a long story does not outweigh a short cry. */
export function featureValue(count: number): number {
  return count > 0 ? 1 / Math.sqrt(count) : 0;
}

/** A trained model ready to read messages (its weights in a Map: no prototype keys, fast lookups). */
export class DangerClassifier {
  private readonly weights: Map<string, number>;
  readonly threshold: number;
  private readonly bias: number;

  constructor(model: DangerModel) {
    this.weights = new Map(Object.entries(model.weights));
    this.threshold = model.threshold;
    this.bias = model.bias;
  }

  /** The probability that the message describes danger happening now. */
  probability(text: string): number {
    return this.score(dangerFeatures(text));
  }

  private score(features: string[]): number {
    const value = featureValue(features.length);
    let z = this.bias;
    for (const f of features) z += (this.weights.get(f) ?? 0) * value;
    return 1 / (1 + Math.exp(-z));
  }

  /**
   * The verdict at the threshold chosen in training. A single word is left to the rules: alone it
   * carries too little for the model ("meny", "start", "avbryt" look like the panicked fragments it
   * learned from), and the bot's commands are single words ("hjälp" opens the help card, which says
   * 112 too).
   */
  isDangerNow(text: string): boolean {
    const { features, wordCount } = read(text);
    return wordCount >= MIN_WORDS && this.score(features) >= this.threshold;
  }
}

let shipped: DangerClassifier | undefined;

/** The shipped model (src/search/dangerModel.json, written by `npm run train:danger`), read once. */
export function shippedDangerClassifier(): DangerClassifier {
  return (shipped ??= new DangerClassifier(SHIPPED));
}
