/**
 * How sure the search is that its top topic is what was asked, in [0, 1]. A logistic model over a
 * few interpretable features, fitted by bench/calibrate.ts on the evaluation questions (in scope:
 * "was rank 1 right?"; out of scope: always "no"). Refit after large content changes.
 */
export interface ConfidenceFeatures {
  /** Share of the question's weight (idf; unknown words included) that the top topic explains. */
  coverage: number;
  /** Cosine similarity with the nearest single way of asking for the top topic. */
  best: number;
  /** Ranking-score lead of the top topic over the runner-up. */
  margin: number;
  /** The top topic's ranking score. */
  score: number;
  /** Share of the question's terms the knowledge base has never seen. */
  unknownShare: number;
  /** Explained weight in absolute terms (two rare words = 1): one common word is weak evidence. */
  evidence: number;
  /** The term model's probability for the top topic among all topics. */
  posterior: number;
  /** Nearest out-of-scope example's similarity minus the top topic's nearest question's (negative = ours). */
  oosProximity: number;
}

/** Fitted weights; see bench/calibrate.ts for how (and the figures it printed). */
export const CONFIDENCE_MODEL = {
  bias: -1.27,
  coverage: 0.71,
  best: -1.46,
  margin: 3.34,
  score: 0.2,
  unknownShare: -2.82,
  evidence: -0.32,
  posterior: 2.37,
  oosProximity: -3.13,
};

/** The model's probability that the top topic is right. */
export function confidenceOf(f: ConfidenceFeatures, model = CONFIDENCE_MODEL): number {
  const z =
    model.bias +
    model.coverage * f.coverage +
    model.best * f.best +
    model.margin * f.margin +
    model.score * f.score +
    model.unknownShare * f.unknownShare +
    model.evidence * f.evidence +
    model.posterior * f.posterior +
    model.oosProximity * f.oosProximity;
  return 1 / (1 + Math.exp(-z));
}
