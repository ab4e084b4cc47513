import type { Topic } from '../knowledge/schema';
import { confidenceOf, type ConfidenceFeatures } from './confidence';
import { Vocabulary, type QueryTerm } from './vocabulary';

/**
 * The knowledge index. A topic's ranking score adds three views of the question: BM25 over the
 * topic's weighted fields, the nearest single way someone has asked for it before (people ask in
 * whole sentences), and a naive-Bayes term model's posterior. Out-of-scope categories compete as
 * documents. Confidence in [0, 1] (confidence.ts) says how likely the winner is right.
 */

export interface Candidate {
  id: string;
  /** Ranking score: W_BM + W_BEST + W_NB at most (higher is better; compare, don't read as a probability). */
  score: number;
}

export interface SearchResult {
  /** Candidates, best first (at most `limit`). */
  candidates: Candidate[];
  /** Confidence that candidates[0] is what the user asked for, in [0, 1]. */
  confidence: number;
  /** Query terms, for debugging and the ask CLI. */
  terms: QueryTerm[];
  /** What the confidence was computed from (for calibration, see bench/calibrate.ts). */
  features?: ConfidenceFeatures;
  /** Set when the question is most like an out-of-scope category (its id). */
  outOfScope?: string;
}

interface Probe {
  terms: Map<string, number>;
  norm: number;
}

interface DocEntry {
  topic: IndexDoc;
  outOfScope: boolean;
  /** Weighted term frequencies over all fields. */
  tf: Map<string, number>;
  /** Sum of tf (the document's length for the term model). */
  mass: number;
  probes: Probe[];
}

/** Field weights: what a topic is named and how people ask for it count most. */
const FIELD_WEIGHTS = {
  title: 3,
  titleEn: 1.5,
  questions: 1.2,
  keywords: 2.5,
  steps: 0.4,
  answer: 0.3,
  summaryEn: 0.6,
} as const;

const K1 = 1.2;
/** Weighted tf at which a term counts as fully covered (one mention in a question or keyword). */
const SIGNATURE_TF = FIELD_WEIGHTS.questions;
/**
 * Weights of the three views in the ranking score (a sum, not a mix: chosen by `npm run eval`,
 * where rank-1 accuracy was flat within ±0.01 around these values).
 */
const W_BM = 0.8;
/** Share from the best single-question match. */
const W_BEST = 0.2;
/** Share from the term model's posterior (naive Bayes over titles, questions and keywords). */
const W_NB = 0.5;
/** Additive smoothing of the term model. */
const NB_ALPHA = 1;

/** What the index needs of a document: a knowledge topic, or an out-of-scope category. */
export type IndexDoc = Pick<
  Topic,
  'id' | 'title' | 'summaryEn' | 'answer' | 'steps' | 'questions' | 'keywords'
>;

export interface IndexOptions {
  synonymGroups: string[][];
  /**
   * Out-of-scope categories (knowledge/out-of-scope.yaml): indexed like topics so that a question
   * about pay or the weather finds "its" category and is not stretched to fit a security topic.
   */
  outOfScope?: IndexDoc[];
}

export class KnowledgeIndex {
  readonly vocabulary: Vocabulary;
  private readonly docs: DocEntry[] = [];
  private readonly df = new Map<string, number>();

  private readonly idfCache = new Map<string, number>();
  private readonly maxIdf: number;

  constructor(topics: Topic[], options: IndexOptions) {
    this.vocabulary = new Vocabulary(options.synonymGroups);
    const oos = new Set((options.outOfScope ?? []).map((d) => d.id));
    const all: IndexDoc[] = [...topics, ...(options.outOfScope ?? [])];
    for (const t of all) {
      for (const text of [
        t.title.sv,
        t.title.en,
        t.summaryEn,
        t.answer,
        ...t.steps,
        ...t.questions,
        ...t.keywords,
      ]) {
        this.vocabulary.addText(text);
      }
    }
    for (const topic of all) {
      const tf = new Map<string, number>();
      const add = (text: string, weight: number) => {
        for (const q of this.indexTerms(text)) tf.set(q.term, (tf.get(q.term) ?? 0) + weight * q.weight);
      };
      add(topic.title.sv, FIELD_WEIGHTS.title);
      add(topic.title.en, FIELD_WEIGHTS.titleEn);
      add(topic.summaryEn, FIELD_WEIGHTS.summaryEn);
      add(topic.answer, FIELD_WEIGHTS.answer);
      topic.steps.forEach((s) => add(s, FIELD_WEIGHTS.steps));
      topic.keywords.forEach((k) => add(k, FIELD_WEIGHTS.keywords));
      topic.questions.forEach((q) => add(q, FIELD_WEIGHTS.questions));

      for (const term of tf.keys()) this.df.set(term, (this.df.get(term) ?? 0) + 1);
      let mass = 0;
      for (const v of tf.values()) mass += v;
      this.docs.push({ topic, outOfScope: oos.has(topic.id), tf, probes: [], mass });
    }
    this.maxIdf = this.idfOf(0);
    for (const doc of this.docs) {
      const { topic } = doc;
      doc.probes = [topic.title.sv, topic.title.en, ...topic.questions, topic.keywords.join(' ')].map(
        (text) => this.probe(this.indexTerms(text)),
      );
    }
  }

  get size(): number {
    return this.docs.length;
  }

  private indexTerms(text: string): QueryTerm[] {
    return this.vocabulary.analyse(text, { fuzzy: false });
  }

  private idfOf(df: number): number {
    const n = this.docs.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Inverse document frequency; an unknown word gets the highest (it is specific, and unexplained). */
  idf(term: string): number {
    let v = this.idfCache.get(term);
    if (v === undefined) {
      v = this.idfOf(this.df.get(term) ?? 0);
      this.idfCache.set(term, v);
    }
    return v;
  }

  private probe(terms: QueryTerm[]): Probe {
    const m = new Map<string, number>();
    for (const t of terms) m.set(t.term, Math.max(m.get(t.term) ?? 0, t.weight * this.idf(t.term)));
    let norm = 0;
    for (const v of m.values()) norm += v * v;
    return { terms: m, norm: Math.sqrt(norm) };
  }

  /** Ranks topics for a question. */
  search(text: string, limit = 5): SearchResult {
    const terms = this.vocabulary.analyse(text);
    // One weight per distinct term: repeating a word should not double its pull.
    const q = new Map<string, number>();
    for (const t of terms) q.set(t.term, Math.max(q.get(t.term) ?? 0, t.weight));
    const known = [...q.entries()].filter(([term]) => this.df.has(term));
    if (known.length === 0) return { candidates: [], confidence: 0, terms };

    // The mass of the question: every term's idf (unknown words at a discount: names, places, filler).
    let totalMass = 0;
    for (const [term, w] of q)
      totalMass += this.df.has(term) ? w * this.idf(term) : UNKNOWN_WEIGHT * this.maxIdf;

    const queryProbe = this.probe(
      known.map(([term, weight]) => ({ term, weight, source: term, kind: 'exact' })),
    );
    const scored = this.docs.map((doc) => {
      let bm25 = 0;
      let bm25Max = 0;
      let covered = 0;
      for (const [term, w] of known) {
        const idf = this.idf(term);
        const tf = doc.tf.get(term) ?? 0;
        bm25 += w * idf * ((tf * (K1 + 1)) / (tf + K1));
        bm25Max += w * idf * (K1 + 1);
        // A word met only in the long answer text is weak evidence; in a title, question or keyword it is full.
        covered += w * idf * Math.min(1, tf / SIGNATURE_TF);
      }
      let best = 0;
      for (const p of doc.probes) {
        let dot = 0;
        for (const [term, v] of queryProbe.terms) dot += v * (p.terms.get(term) ?? 0);
        const cos = p.norm > 0 && queryProbe.norm > 0 ? dot / (p.norm * queryProbe.norm) : 0;
        if (cos > best) best = cos;
      }
      const bm = bm25Max > 0 ? bm25 / bm25Max : 0;
      // Term model (multinomial naive Bayes): how likely this topic is to produce the question's words.
      let loglik = 0;
      const vocab = this.df.size;
      for (const [term, w] of known)
        loglik += w * Math.log(((doc.tf.get(term) ?? 0) + NB_ALPHA) / (doc.mass + NB_ALPHA * vocab));
      return {
        id: doc.topic.id,
        outOfScope: doc.outOfScope,
        bm,
        loglik,
        coverage: totalMass > 0 ? covered / totalMass : 0,
        best,
        score: 0,
        posterior: 0,
      };
    });
    // Posterior over topics from the term model (softmax of log-likelihoods).
    const maxLog = Math.max(...scored.map((s) => s.loglik));
    let z = 0;
    for (const s of scored) z += Math.exp(s.loglik - maxLog);
    for (const s of scored) {
      s.posterior = Math.exp(s.loglik - maxLog) / z;
      s.score = W_BM * s.bm + W_BEST * s.best + W_NB * s.posterior;
    }
    scored.sort((a, b) => b.score - a.score);
    const topics = scored.filter((c) => !c.outOfScope && c.score > 0);
    const candidates = topics.slice(0, limit).map((c) => ({ id: c.id, score: round(c.score) }));
    const first = scored[0];
    // The question is most like something we do not answer: say so, and say where to ask instead.
    if (first?.outOfScope) return { candidates, confidence: 0, terms, outOfScope: first.id };
    const nearestOos = Math.max(0, ...scored.filter((c) => c.outOfScope).map((c) => c.best));
    const top = topics[0];
    const second = scored[1];
    if (!top || top.score <= 0) return { candidates: [], confidence: 0, terms };
    const unknown = [...q.keys()].filter((t) => !this.df.has(t)).length;
    const features: ConfidenceFeatures = {
      coverage: top.coverage,
      best: top.best,
      margin: top.score - (second?.score ?? 0),
      score: top.score,
      unknownShare: q.size > 0 ? unknown / q.size : 0,
      evidence: Math.min(1, (top.coverage * totalMass) / (2 * this.maxIdf)),
      posterior: top.posterior,
      // How much closer the nearest out-of-scope example is than the nearest way of asking for the top topic.
      oosProximity: nearestOos - top.best,
    };
    return {
      candidates,
      confidence: round(confidenceOf(features)),
      features,
      terms,
    };
  }
}

/** How much an unknown word counts against the confidence, relative to the rarest known word. */
const UNKNOWN_WEIGHT = 0.6;

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
