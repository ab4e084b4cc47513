/**
 * Doubt about a confident answer: the probability that the top topic is wrong while the right one
 * is the runner-up or third, so that "Menade du…?" with the top three would have led the person to
 * the right procedure and the answer would not.
 *
 * The ranker's probabilities are calibrated on average, but its confidently wrong answers sit at
 * 0.85–0.92 between topics that people describe alike (an elected official's online hate against
 * an employee's, a bribe against pressure, sensitive against security-classified information): no
 * answer threshold separates them from the right answers at the same confidence. What does is how
 * far the top leads the runner-up, how strong the runner-up is, and how often the ranker has
 * mistaken the one for the other before. A small logistic model over those three, fitted by
 * `npm run train` on the knowledge base's example questions, each asked of an index without it
 * (bench/rankerData.ts, fitDoubt), gives that probability; decide() asks instead of answering at or
 * above SEARCH_DOUBT_THRESHOLD.
 */

export const DOUBT_FEATURES = [
  'bias',
  /** log(top / runner-up): how far the top leads. */
  'logRatio',
  /** The runner-up's probability: a real contender, or a long tail. */
  'runnerUp',
  /** How often an answer of the top topic was, in training, a question for the runner-up. */
  'pairRate',
] as const;

export type DoubtFeatureName = (typeof DOUBT_FEATURES)[number];
export type DoubtFeatures = Record<DoubtFeatureName, number>;

export interface DoubtModel {
  weights: DoubtFeatures;
  /**
   * Keyed by pairKey(top, runner-up): of the training questions the ranker answered with `top`,
   * the share that were asked for `runner-up` (pairs seen at least twice; others count as 0).
   */
  pairRates: Record<string, number>;
}

/** The key of an ordered pair of topics in DoubtModel.pairRates. */
export const pairKey = (top: string, runnerUp: string): string => `${top}>${runnerUp}`;

/** Keeps log(top / runner-up) finite when the runner-up's probability rounds to 0. */
const FLOOR = 1e-4;

/** The features for a ranked list (best first); undefined when there is no runner-up. */
export function doubtFeatures(
  ranked: ReadonlyArray<{ id: string; score: number }>,
  pairRates: Readonly<Record<string, number>>,
): DoubtFeatures | undefined {
  const [top, second] = ranked;
  if (!top || !second) return undefined;
  const key = pairKey(top.id, second.id);
  return {
    bias: 1,
    logRatio: Math.log(Math.max(top.score, FLOOR) / Math.max(second.score, FLOOR)),
    runnerUp: second.score,
    // Own property only: a topic id is data, and "constructor>toString" must not find a prototype member.
    pairRate: Object.hasOwn(pairRates, key) ? (pairRates[key] ?? 0) : 0,
  };
}

/** The model's probability for features (a logistic function of a weighted sum). */
export function doubtProbability(f: DoubtFeatures, weights: DoubtFeatures): number {
  let z = 0;
  for (const k of DOUBT_FEATURES) z += weights[k] * f[k];
  return 1 / (1 + Math.exp(-z));
}

/** The doubt about answering with ranked[0]: 0 without a model or a runner-up. */
export function doubtOf(ranked: ReadonlyArray<{ id: string; score: number }>, model?: DoubtModel): number {
  if (!model) return 0;
  const f = doubtFeatures(ranked, model.pairRates);
  return f ? doubtProbability(f, model.weights) : 0;
}
