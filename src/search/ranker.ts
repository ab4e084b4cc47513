import type { DoubtModel } from './doubt';
import { RANKER_MODEL } from './rankerModel';

/**
 * The learned ranker: a linear model that turns each candidate's views of the question (BM25, the
 * nearest way of asking, the term model, the term classifier, what the fields explain) into a
 * score, and one more option, "none of these", scored from what the question left unexplained.
 * A softmax over the candidates and "none" gives each topic's probability of being what was asked:
 * the ranking and the confidence come from one model, fitted (bench/train.ts, `npm run train`) on
 * thousands of example questions, so the confidence is a calibrated probability (`npm run
 * calibrate` prints the reliability table). Out-of-scope categories are candidates too; choosing
 * one is a refusal.
 */

/** Features of one candidate, relative to the question (all roughly within [0, 1]). */
export const CANDIDATE_FEATURES = [
  /** BM25 normalised by the best a document could score for this question. */
  'bm',
  /** Cosine with the nearest single title, question or keyword line of the document. */
  'best',
  /** The naive-Bayes term model's posterior among the candidates. */
  'posterior',
  /** Share of the question's idf mass the document's title, questions and keywords explain. */
  'coverage',
  /** Same, from the title and keywords alone (what a topic is named). */
  'signature',
  /** bm minus the best bm among the candidates (0 for the leader). */
  'bmGap',
  /** best minus the best "best" among the candidates. */
  'bestGap',
  /** best squared: a near-copy of a known way of asking is much stronger evidence than a loose one. */
  'bestSq',
  /** Mean of the three nearest lines of the document: several close ways of asking, not one lucky line. */
  'best3',
  /** Cosine with the nearest of the editors' own lines (title, keywords, questions), examples left out. */
  'bestOwn',
  /** 1 when the question is a copy (cosine 0.95 or more) of one of the editors' own lines. */
  'ownCopy',
  /** The naive-Bayes posterior from the ways of asking alone (how people ask, not what the answer says). */
  'askedPosterior',
  /** Cosine with the mean of the document's ways of asking. */
  'centroid',
  /** The neighbours' vote: this document's share of the question's ten nearest lines anywhere. */
  'knn',
  /** 1 when the question is a near copy (cosine 0.9 or more) of one of the document's lines. */
  'nearCopy',
  /** How far this candidate's best leads the runner-up's (0 unless it is the leader). */
  'bestLead',
  /** How far this candidate's posterior leads the runner-up's (0 unless it is the leader). */
  'posteriorLead',
  /** 1 for an out-of-scope category. */
  'oos',
  /** best × oos: an out-of-scope category is only a refusal when the question is really like it. */
  'oosBest',
  /** The term classifier's probability (classifier.ts) for this document, among all documents. */
  'classifier',
  /** How far this candidate's classifier probability leads the runner-up's (0 unless it leads). */
  'classifierLead',
] as const;

/** Features of "none of these": how much of the question went unexplained. */
export const NONE_FEATURES = [
  'bias',
  /** Share of the question's terms the knowledge base has never seen. */
  'unknownShare',
  /** Explained idf mass in absolute terms (two rare words = 1): one common word is weak evidence. */
  'evidence',
  /** The best "best" among candidates: a question close to some known way of asking is answerable. */
  'maxBest',
  /** The best coverage among candidates. */
  'maxCoverage',
] as const;

export type CandidateFeatureName = (typeof CANDIDATE_FEATURES)[number];
export type NoneFeatureName = (typeof NONE_FEATURES)[number];
/**
 * A candidate's features as numbers in CANDIDATE_FEATURES order (read them by `FEATURE.bm`, …).
 * An array of doubles, not an object with a field per feature: every question builds one per
 * candidate, and an object boxes each of its numbers on the heap (about a fifth of a question's
 * allocation went to those boxes).
 */
export type CandidateFeatures = number[];
export type NoneFeatures = Record<NoneFeatureName, number>;

/** Each candidate feature's position in CandidateFeatures. */
export const FEATURE = Object.fromEntries(CANDIDATE_FEATURES.map((k, i) => [k, i])) as Record<
  CandidateFeatureName,
  number
>;

/**
 * All 0, held as doubles: made from 0.5 and then zeroed, so that V8 stores it as a double array,
 * and a copy takes fractions without being converted (an array of small integers would be copied
 * again at its first fraction).
 */
const ZERO_FEATURES: number[] = CANDIDATE_FEATURES.map(() => 0.5).fill(0);

/** A new feature array, all 0. */
export function newCandidateFeatures(): CandidateFeatures {
  return ZERO_FEATURES.slice();
}

export interface RankerModel {
  candidate: Record<CandidateFeatureName, number>;
  none: Record<NoneFeatureName, number>;
  /** Doubt about a confident answer (doubt.ts); fitted after the ranker, absent while it is fitted. */
  doubt?: DoubtModel;
}

/** A model's candidate weights in CANDIDATE_FEATURES order, computed once per model. */
const candidateWeights = new WeakMap<RankerModel, number[]>();

/** Linear score of a candidate. */
export function candidateScore(f: CandidateFeatures, model: RankerModel = RANKER_MODEL): number {
  let w = candidateWeights.get(model);
  if (!w) candidateWeights.set(model, (w = CANDIDATE_FEATURES.map((k) => model.candidate[k])));
  let z = 0;
  for (let i = 0; i < w.length; i++) z += w[i]! * f[i]!;
  return z;
}

/** Linear score of "none of these". */
export function noneScore(f: NoneFeatures, model: RankerModel = RANKER_MODEL): number {
  let z = 0;
  for (const k of NONE_FEATURES) z += model.none[k] * f[k];
  return z;
}

/** Softmax over the candidates' scores and "none" (last). */
export function probabilities(scores: ArrayLike<number>, none: number): Float64Array {
  const xs = new Float64Array(scores.length + 1);
  for (let i = 0; i < scores.length; i++) xs[i] = scores[i]!;
  xs[scores.length] = none;
  return softmax(xs);
}

/**
 * Softmax of scores (or log-likelihoods): a distribution over them. A typed array, not number[]:
 * a JS array of probabilities is sometimes all small integers (one certain answer: [1, 0, 0]) and
 * sometimes fractions, two kinds of array to V8, and the search's optimised code was thrown away
 * each time the kind changed (hundreds of times a minute, the search's p99).
 */
export function softmax(xs: ArrayLike<number>): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < xs.length; i++) if (xs[i]! > max) max = xs[i]!;
  const e = new Float64Array(xs.length);
  let z = 0;
  for (let i = 0; i < xs.length; i++) {
    e[i] = Math.exp(xs[i]! - max);
    z += e[i]!;
  }
  for (let i = 0; i < e.length; i++) e[i]! /= z;
  return e;
}
