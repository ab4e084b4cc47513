import type { Topic } from '../knowledge/schema';
import {
  candidateScore,
  FEATURE,
  newCandidateFeatures,
  noneScore,
  probabilities,
  softmax,
  type CandidateFeatures,
  type NoneFeatures,
  type RankerModel,
} from './ranker';
import { BuildTexts, ScratchMap, TermAccumulator } from './buildTables';
import { ClassifierExamples, GRAM_WEIGHT, TermClassifier, wordGrams } from './classifier';
import { doubtOf } from './doubt';
import { RANKER_MODEL } from './rankerModel';
import { words } from './normalize';
import { Vocabulary, type LexiconEntry, type QueryTerm } from './vocabulary';
import type { WordList } from './wordList';

/**
 * The knowledge index. An inverted index finds the candidates (documents sharing a term with the
 * question, best BM25 first), so a question costs the same whether the knowledge base has 60
 * entries or 10 000. Each candidate is then seen four ways: BM25 over the topic's weighted
 * fields, the nearest single way someone has asked for it before (people ask in whole
 * sentences), a naive-Bayes term model's posterior, and the term classifier's probability (a
 * regression trained at build on every way of asking, classifier.ts). The learned ranker
 * (ranker.ts) combines them into a probability per candidate, beside "none of these".
 * Out-of-scope categories compete as documents.
 */

export interface Candidate {
  id: string;
  /** The ranker's probability that this topic is what was asked, in [0, 1]. */
  score: number;
}

export interface SearchResult {
  /** Topic candidates, best first (at most `limit`). */
  candidates: Candidate[];
  /** Confidence that candidates[0] is what the user asked for, in [0, 1]. */
  confidence: number;
  /** Query terms, for debugging and the ask CLI. */
  terms: QueryTerm[];
  /** Set when the question is most like an out-of-scope category (its id). */
  outOfScope?: string;
  /** Probability that the question is none of the topics (out of scope or unanswerable). */
  none?: number;
  /** Probability that candidates[0] is wrong while the runner-up or third is right (doubt.ts). */
  doubt?: number;
  /**
   * The question is a copy of one of candidates[0]'s own questions or its title (cosine 0.95 or
   * more), closer than any other topic's own line by OWN_COPY_MARGIN: the knowledge base's editors
   * have said what it means.
   */
  editorsQuestion?: boolean;
  /** The most likely out-of-scope category's probability (a near miss shares words with a topic). */
  outOfScopeScore?: number;
}

/** What the ranker saw for one question (for training and calibration, see bench/train.ts). */
export interface RankingView {
  terms: QueryTerm[];
  candidates: Array<{ id: string; outOfScope: boolean; features: CandidateFeatures }>;
  none: NoneFeatures;
}

/**
 * A sparse vector over term ids, sorted by id. Typed arrays, not Maps: at 10 000 entries the index
 * holds hundreds of thousands of these, and a Map per vector costs several times the memory.
 */
interface Sparse {
  ids: Int32Array;
  values: Float32Array;
}

/** A document's lines (title, questions, keywords) as tf-idf vectors, packed into one pair of arrays. */
interface Probes extends Sparse {
  /** Line k spans ids[starts[k]] .. ids[starts[k + 1]]. */
  starts: Int32Array;
  norms: Float32Array;
}

interface DocEntry {
  topic: IndexDoc;
  outOfScope: boolean;
  /** Weighted term frequencies over all fields. */
  tf: Sparse;
  /** Terms of the title and keywords (what the topic is named), sorted ids. */
  sig: Int32Array;
  /** Sum of tf (the document's length for the term model). */
  mass: number;
  probes: Probes;
  /** Term frequencies over the ways of asking only (questions and examples): the asking model. */
  asked: Sparse;
  askedMass: number;
  /** The mean of the document's question lines (unit tf-idf vectors): the centroid view. */
  centroid: Sparse & { norm: number };
}

const EMPTY_PROBES: Probes = {
  ids: new Int32Array(0),
  values: new Float32Array(0),
  starts: new Int32Array(1),
  norms: new Float32Array(0),
};

/** Term id -> the documents containing it, ascending (the inverted index), as views of one array. */
function invert(docs: DocEntry[], df: number[]): Int32Array[] {
  const starts = new Int32Array(df.length + 1);
  for (let id = 0; id < df.length; id++) starts[id + 1] = starts[id]! + (df[id] ?? 0);
  const all = new Int32Array(starts[df.length]!);
  const fill = starts.slice(0, df.length);
  docs.forEach((d, i) => {
    for (let k = 0; k < d.tf.ids.length; k++) all[fill[d.tf.ids[k]!]!++] = i;
  });
  return Array.from(df, (_, id) => all.subarray(starts[id], starts[id + 1]));
}

/**
 * The probe lines of all documents, inverted: per term, the lines that hold it (numbered across
 * documents, a document's lines from base[d] on) and the term's weight there. A question's dot
 * product with every line is then summed over its own few terms' lines, not over every entry of
 * every line: the cost follows what the question shares, not the size of the knowledge base.
 */
interface LineIndex {
  base: Int32Array;
  starts: Int32Array;
  lines: Int32Array;
  values: Float32Array;
  total: number;
}

function invertLines(docs: DocEntry[], vocab: number): LineIndex {
  const base = new Int32Array(docs.length);
  const starts = new Int32Array(vocab + 1);
  let total = 0;
  docs.forEach((d, i) => {
    base[i] = total;
    total += d.probes.norms.length;
    const ids = d.probes.ids;
    for (let k = 0; k < ids.length; k++) starts[ids[k]! + 1]!++;
  });
  for (let id = 0; id < vocab; id++) starts[id + 1]! += starts[id]!;
  const lines = new Int32Array(starts[vocab]!);
  const values = new Float32Array(starts[vocab]!);
  const fill = starts.slice(0, vocab);
  docs.forEach((d, i) => {
    const p = d.probes;
    for (let line = 0; line < p.norms.length; line++)
      for (let k = p.starts[line]!; k < p.starts[line + 1]!; k++) {
        const at = fill[p.ids[k]!]!++;
        lines[at] = base[i]! + line;
        values[at] = p.values[k]!;
      }
  });
  return { base, starts, lines, values, total };
}

/** Binary search: the value of term id in a sparse vector (0 when absent). */
function valueOf(v: Sparse, id: number): number {
  const i = indexOf(v.ids, id);
  return i >= 0 ? (v.values[i] ?? 0) : 0;
}

function indexOf(ids: Int32Array, id: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = ids[mid]!;
    if (x === id) return mid;
    if (x < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Field weights: what a topic is named and how people ask for it count most. */
const FIELD_WEIGHTS = {
  title: 3,
  titleEn: 1.5,
  questions: 1.2,
  keywords: 2.5,
  steps: 0.4,
  answer: 0.3,
  summaryEn: 0.8,
} as const;

const K1 = 1.2;
/** Weighted tf at which a term counts as fully covered (one mention in a question or keyword). */
const SIGNATURE_TF = FIELD_WEIGHTS.questions;
/** Additive smoothing of the term model. */
const NB_ALPHA = 1;
/** Candidates scored in full per question (the rest share no strong term with it). */
const MAX_CANDIDATES = 40;
/** A term in more than this share of the documents is too common to find candidates with. */
const COMMON_SHARE = 0.2;
/** How much an unknown word counts against the question's explained share, relative to the rarest known word. */
const UNKNOWN_WEIGHT = 0.6;

/** What the index needs of a document: a knowledge topic, or an out-of-scope category. */
export type IndexDoc = Pick<
  Topic,
  'id' | 'title' | 'summaryEn' | 'answer' | 'steps' | 'questions' | 'keywords'
> & {
  /**
   * More ways of asking (knowledge/examples*.yaml): searched like the questions, but kept apart so
   * that the ranker can tell the editors' own lines (what the topic is for) from the many examples.
   */
  examples?: string[];
};

/** A document's ways of asking: its own questions, then its examples. */
const askings = (t: IndexDoc): string[] =>
  t.examples?.length ? [...t.questions, ...t.examples] : t.questions;

export interface IndexOptions {
  synonymGroups: string[][];
  /** Everyday words -> knowledge-base words (knowledge/lexicon.yaml). */
  lexicon?: LexiconEntry[];
  /** Swedish words outside the knowledge base, for compounds and typo checks. */
  wordList?: WordList;
  /**
   * Out-of-scope categories (knowledge/out-of-scope.yaml): indexed like topics so that a question
   * about pay or the weather finds "its" category and is not stretched to fit a security topic.
   */
  outOfScope?: IndexDoc[];
  /** The ranker's weights (tests and training pass their own). */
  model?: RankerModel;
}

export class KnowledgeIndex {
  readonly vocabulary: Vocabulary;
  private readonly docs: DocEntry[] = [];
  /** Term -> id; ids index df, idfs and postings. */
  private readonly termIds = new Map<string, number>();
  private readonly df: number[] = [];
  /** Term id -> documents containing it (indices into docs): the inverted index. */
  private postings: Int32Array[] = [];
  private idfs = new Float64Array(0);
  private readonly maxIdf: number;
  private readonly model: RankerModel;
  /** Out-of-scope categories are always candidates: a refusal must be able to win. */
  private readonly oosDocs: Array<[number, string]> = [];
  /** Per-question scratch (questions are answered one at a time): overlap by document, query weight by term. */
  private readonly overlap = new ScratchMap();
  private readonly queryProbe = new ScratchMap();
  private readonly lineIndex: LineIndex;
  /** Per-question scratch: the question's dot product with each probe line (0: nothing shared). */
  private readonly lineDots = new ScratchMap();
  /** The term classifier over all documents; undefined for a knowledge base too large to train it at build. */
  private readonly classifier: TermClassifier | undefined;
  /** Letter 4-gram -> its number among the classifier's features (after the term ids). */
  private readonly gramIds = new Map<string, number>();

  constructor(topics: Topic[] | IndexDoc[], options: IndexOptions) {
    this.vocabulary = new Vocabulary(options);
    this.model = options.model ?? RANKER_MODEL;
    const oos = new Set((options.outOfScope ?? []).map((d) => d.id));
    const all: IndexDoc[] = [...topics, ...(options.outOfScope ?? [])];
    // Analysing a text is the cost of a build: each distinct text is split once (answers and steps
    // recur across entries), each distinct word analysed once, and terms get ids as first met below.
    const texts = new BuildTexts(this.vocabulary, (term) => {
      let id = this.termIds.get(term);
      if (id === undefined) {
        id = this.df.length;
        this.termIds.set(term, id);
        this.df.push(0);
      }
      return id;
    });
    // A document's texts by id: title sv, title en, summary, answer, steps, questions, keywords.
    const docTexts = all.map((t) =>
      [t.title.sv, t.title.en, t.summaryEn, t.answer, ...t.steps, ...askings(t), ...t.keywords].map((text) =>
        texts.text(text, true),
      ),
    );
    const tf = new TermAccumulator();
    const sig = new TermAccumulator();
    const asked = new TermAccumulator();
    const add = (text: number | undefined, weight: number, signature = false) => {
      const n = texts.termsOf(text ?? -1);
      const { termIds, termWeights } = texts;
      tf.ensure(this.df.length);
      tf.addAll(termIds, termWeights, n, weight);
      if (signature) {
        sig.ensure(this.df.length);
        sig.addAll(termIds, termWeights, n, 0);
      }
    };
    all.forEach((topic, d) => {
      const ids = docTexts[d] ?? [];
      const steps = ids.slice(4, 4 + topic.steps.length);
      const questions = ids.slice(4 + steps.length, 4 + steps.length + askings(topic).length);
      const keywords = ids.slice(4 + steps.length + questions.length);
      tf.reset();
      sig.reset();
      asked.reset();
      asked.ensure(this.df.length);
      add(ids[0], FIELD_WEIGHTS.title, true);
      add(ids[1], FIELD_WEIGHTS.titleEn, true);
      add(ids[2], FIELD_WEIGHTS.summaryEn);
      add(ids[3], FIELD_WEIGHTS.answer);
      steps.forEach((s) => add(s, FIELD_WEIGHTS.steps));
      keywords.forEach((k) => add(k, FIELD_WEIGHTS.keywords, true));
      questions.forEach((q) => add(q, FIELD_WEIGHTS.questions));
      // The asking model: the ways of asking alone (the editors' questions and the examples).
      for (const q of questions) {
        const n = texts.termsOf(q ?? -1);
        asked.ensure(this.df.length);
        asked.addAll(texts.termIds, texts.termWeights, n, 1);
      }
      // Probe lines: the editors' own first (titles, keywords as one line, questions), then the examples.
      docTexts[d] = [ids[0]!, ids[1]!, texts.text(topic.keywords.join(' '), false), ...questions];
      const askedIds = asked.sortedIds();

      // Summed in the order the terms were first met, as a Map of them would iterate.
      const mass = tf.sum();
      const termIds = tf.sortedIds();
      for (let k = 0; k < termIds.length; k++) this.df[termIds[k]!] = (this.df[termIds[k]!] ?? 0) + 1;
      this.docs.push({
        topic,
        outOfScope: oos.has(topic.id),
        tf: { ids: termIds, values: tf.valuesOf(termIds) },
        sig: sig.sortedIds(),
        probes: EMPTY_PROBES,
        mass,
        asked: { ids: askedIds, values: asked.valuesOf(askedIds) },
        askedMass: asked.sum(),
        centroid: { ids: new Int32Array(0), values: new Float32Array(0), norm: 0 },
      });
    });
    this.idfs = Float64Array.from(this.df, (df) => this.idfOf(df));
    this.docs.forEach((d, i) => {
      if (d.outOfScope) this.oosDocs.push([i, d.topic.id]);
    });
    this.maxIdf = this.idfOf(0);
    this.postings = invert(this.docs, this.df);
    // The probes see only terms the documents gave ids to (a joined keyword line may form others).
    texts.resolve = (term) => this.termIds.get(term) ?? -1;
    const line = new TermAccumulator();
    const centroid = new TermAccumulator();
    centroid.ensure(this.df.length);
    this.docs.forEach((doc, d) => {
      doc.probes = this.probes(texts, docTexts[d] ?? [], line);
      doc.centroid = centroidOf(doc.probes, TITLE_LINES, centroid);
    });
    this.lineIndex = invertLines(this.docs, this.df.length);
    this.vocabulary.endBuild();
    this.classifier = this.trainClassifier(all);
  }

  /**
   * The term classifier, trained on every document's titles and ways of asking, each analysed as a
   * question is (with the lexicon's everyday words and typo correction), so it learns from the
   * terms it will be given. Undefined when the knowledge base is too large to train it at build.
   */
  private trainClassifier(all: IndexDoc[]): TermClassifier | undefined {
    const count = all.reduce((n, t) => n + 2 + askings(t).length, 0);
    if (!TermClassifier.affordable(count, all.length)) return undefined;
    // Each distinct word's 4-grams are numbered once (the examples repeat their words many times).
    const byWord = new Map<string, number[]>();
    const learn = (word: string): number[] => {
      let ids = byWord.get(word);
      if (ids === undefined) {
        ids = wordGrams(word).map((gram) => {
          let id = this.gramIds.get(gram);
          if (id === undefined) this.gramIds.set(gram, (id = this.gramIds.size));
          return id;
        });
        byWord.set(word, ids);
      }
      return ids;
    };
    const examples = new ClassifierExamples();
    all.forEach((t, d) => {
      for (const text of [t.title.sv, t.title.en, ...askings(t)])
        examples.add(
          this.classifierFeatures(text, this.knownTerms(this.vocabulary.analyse(text)).known, learn),
          d,
        );
    });
    return TermClassifier.train(examples, this.df.length + this.gramIds.size, all.length);
  }

  /** A question's word's 4-grams that the classifier learned (their numbers); the others are left out. */
  private readonly knownGrams = (word: string): number[] => {
    const ids: number[] = [];
    for (const gram of wordGrams(word)) {
      const id = this.gramIds.get(gram);
      if (id !== undefined) ids.push(id);
    }
    return ids;
  };

  /**
   * What the classifier reads of a text: its known terms, then the distinct 4-grams of its words
   * (numbered by `gramsOf`, after the term ids), in the order met.
   */
  private classifierFeatures(
    text: string,
    known: Array<[number, number, number]>,
    gramsOf: (word: string) => number[],
  ): Array<[number, number, number]> {
    const features = known.slice();
    const seen = new Set<number>();
    for (const word of words(text))
      for (const id of gramsOf(word)) {
        if (seen.has(id)) continue;
        seen.add(id);
        features.push([this.df.length + id, GRAM_WEIGHT, 0]);
      }
    return features;
  }

  /**
   * A question's terms the index knows, as [id, weight, idf] rarest first, each once at its
   * largest weight (repeating a word should not double its pull), and how many distinct terms the
   * question had.
   */
  private knownTerms(terms: QueryTerm[]): { known: Array<[number, number, number]>; distinct: number } {
    const q = new Map<string, number>();
    for (const t of terms) q.set(t.term, Math.max(q.get(t.term) ?? 0, t.weight));
    const known: Array<[number, number, number]> = [];
    for (const [term, w] of q) {
      const id = this.termIds.get(term);
      if (id !== undefined) known.push([id, w, this.idfs[id] ?? 0]);
    }
    known.sort((a, b) => b[2] - a[2] || a[0] - b[0]);
    return { known, distinct: q.size };
  }

  get size(): number {
    return this.docs.length;
  }

  private idfOf(df: number): number {
    const n = this.docs.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Inverse document frequency; an unknown word gets the highest (it is specific, and unexplained). */
  idf(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? this.maxIdf : (this.idfs[id] ?? this.maxIdf);
  }

  /**
   * A document's lines (a title, a question, its keywords) as tf-idf vectors for the
   * nearest-question view: per term the largest weight × idf, packed into one pair of arrays.
   */
  private probes(texts: BuildTexts, lines: number[], line: TermAccumulator): Probes {
    const starts = new Int32Array(lines.length + 1);
    const norms = new Float32Array(lines.length);
    let ids = new Int32Array(256);
    let values = new Float32Array(256);
    let at = 0;
    line.ensure(this.df.length);
    lines.forEach((text, k) => {
      const n = texts.termsOf(text);
      const { termIds, termWeights } = texts;
      line.reset();
      for (let i = 0; i < n; i++) {
        const id = termIds[i]!;
        if (id >= 0) line.max(id, termWeights[i]! * (this.idfs[id] ?? 0));
      }
      norms[k] = Math.sqrt(line.sum(true));
      starts[k] = at;
      if (at + line.count > ids.length) {
        const size = 2 * (at + line.count);
        const moreIds = new Int32Array(size);
        moreIds.set(ids);
        const moreValues = new Float32Array(size);
        moreValues.set(values);
        ids = moreIds;
        values = moreValues;
      }
      at = line.writeSorted(ids, values, at);
    });
    starts[lines.length] = at;
    return { ids: ids.slice(0, at), values: values.slice(0, at), starts, norms };
  }

  /**
   * What the ranker sees for a question: its terms, the candidates with their features, and the
   * features of "none of these". Undefined candidates when no known term was found.
   */
  view(text: string): RankingView {
    const terms = this.vocabulary.analyse(text);
    const { known, distinct } = this.knownTerms(terms);
    const unknown = distinct - known.length;
    const none: NoneFeatures = {
      bias: 1,
      unknownShare: distinct > 0 ? unknown / distinct : 1,
      evidence: 0,
      maxBest: 0,
      maxCoverage: 0,
    };
    if (known.length === 0) return { terms, candidates: [], none };

    // The mass of the question: every term's idf (unknown words at a discount: names, places, filler).
    let totalMass = unknown * UNKNOWN_WEIGHT * this.maxIdf;
    for (const [, w, idf] of known) totalMass += w * idf;

    // Candidates from the inverted index: documents sharing the question's rarer terms, by their
    // idf-weighted overlap. A term found in a large share of the documents finds no candidates
    // (it would touch most of the index) but still counts in the scoring below.
    const common = Math.max(50, this.docs.length * COMMON_SHARE);
    const overlap = this.overlap.reset(this.docs.length);
    for (const [id, w, idf] of known) {
      const list = this.postings[id] ?? [];
      if (list.length > common && overlap.size > 0) continue;
      for (const d of list) overlap.add(d, w * idf);
    }
    // By overlap, then index: the first MAX_CANDIDATES of all, without sorting all.
    const chosen = overlap.top(MAX_CANDIDATES);
    for (const [id] of this.oosDocs) if (!chosen.includes(id)) chosen.push(id);

    const queryProbe = this.queryProbe.reset(this.df.length);
    let queryNorm = 0;
    let bm25Max = 0;
    for (const [id, w, idf] of known) {
      queryProbe.set(id, w * idf);
      queryNorm += w * idf * w * idf;
      bm25Max += w * idf * (K1 + 1);
    }
    queryNorm = Math.sqrt(queryNorm);
    // A question's dot product with each candidate's probe lines is summed one of two equal ways,
    // whichever touches fewer entries: over the lines holding the question's terms (a small base,
    // or rare words), or over the candidates' lines entry by entry (a large base, common words).
    const li = this.lineIndex;
    let termEntries = 0;
    for (const [id] of known) termEntries += li.starts[id + 1]! - li.starts[id]!;
    let lineEntries = 0;
    for (const d of chosen) lineEntries += this.docs[d]!.probes.ids.length;
    const byTerms = termEntries < lineEntries;
    const lineDots = this.lineDots.reset(byTerms ? li.total : 0);
    if (byTerms)
      for (const [id, w, idf] of known)
        for (let k = li.starts[id]!; k < li.starts[id + 1]!; k++)
          lineDots.add(li.lines[k]!, w * idf * li.values[k]!);
    const dots = lineDots.dense();
    const weights = queryProbe.dense();
    const vocab = this.df.length;
    // The nearest lines over all candidates, for the neighbours' vote (see knn below).
    const nearest = new Nearest();
    // Per candidate: its features, and the two log-likelihoods the posteriors come from.
    const features: CandidateFeatures[] = [];
    const logliks = new Float64Array(chosen.length);
    const askedLogliks = new Float64Array(chosen.length);
    const bests = new Float64Array(chosen.length);
    for (let ci = 0; ci < chosen.length; ci++) {
      const d = chosen[ci]!;
      const doc = this.docs[d]!;
      let bm25 = 0;
      let covered = 0;
      let signature = 0;
      let loglik = 0;
      let askedLoglik = 0;
      let centroidDot = 0;
      for (let t = 0; t < known.length; t++) {
        const [id, w, idf] = known[t]!;
        askedLoglik += w * Math.log((valueOf(doc.asked, id) + NB_ALPHA) / (doc.askedMass + NB_ALPHA * vocab));
        centroidDot += w * idf * valueOf(doc.centroid, id);
        const tf = valueOf(doc.tf, id);
        bm25 += (w * idf * (tf * (K1 + 1))) / (tf + K1);
        // A word met only in the long answer text is weak evidence; in a title, question or keyword it is full.
        covered += w * idf * Math.min(1, tf / SIGNATURE_TF);
        if (indexOf(doc.sig, id) >= 0) signature += w * idf;
        loglik += w * Math.log((tf + NB_ALPHA) / (doc.mass + NB_ALPHA * vocab));
      }
      let best = 0;
      let bestOwn = 0;
      // The editors' own lines come first: the title lines, then the topic's questions.
      const own = TITLE_LINES + doc.topic.questions.length;
      let second = 0;
      let third = 0;
      const p = doc.probes;
      const base = li.base[d]!;
      for (let line = 0; line < p.norms.length; line++) {
        const norm = p.norms[line]!;
        let dot = 0;
        if (byTerms) dot = dots[base + line]!;
        else
          for (let k = p.starts[line]!; k < p.starts[line + 1]!; k++)
            dot += weights[p.ids[k]!]! * p.values[k]!;
        if (norm === 0 || dot === 0) continue;
        const cos = queryNorm > 0 ? dot / (norm * queryNorm) : 0;
        if (cos > best) {
          third = second;
          second = best;
          best = cos;
        } else if (cos > second) {
          third = second;
          second = cos;
        } else if (cos > third) third = cos;
        if (line < own && cos > bestOwn) bestOwn = cos;
        if (cos > 0) nearest.offer(cos, ci);
      }
      const f = newCandidateFeatures();
      f[FEATURE.bm] = bm25Max > 0 ? bm25 / bm25Max : 0;
      f[FEATURE.best] = best;
      f[FEATURE.bestSq] = best * best;
      f[FEATURE.best3] = (best + second + third) / 3;
      f[FEATURE.bestOwn] = bestOwn;
      f[FEATURE.ownCopy] = bestOwn >= OWN_COPY ? 1 : 0;
      f[FEATURE.nearCopy] = best >= 0.9 ? 1 : 0;
      f[FEATURE.centroid] =
        doc.centroid.norm > 0 && queryNorm > 0 ? centroidDot / (doc.centroid.norm * queryNorm) : 0;
      f[FEATURE.coverage] = totalMass > 0 ? covered / totalMass : 0;
      f[FEATURE.signature] = totalMass > 0 ? signature / totalMass : 0;
      f[FEATURE.oos] = doc.outOfScope ? 1 : 0;
      f[FEATURE.oosBest] = doc.outOfScope ? best : 0;
      features.push(f);
      logliks[ci] = loglik;
      askedLogliks[ci] = askedLoglik;
      bests[ci] = best;
    }
    // Posteriors over the candidates from the term model and the asking model.
    const posts = softmax(logliks);
    const askedPosts = softmax(askedLogliks);
    let maxBm = -Infinity;
    let maxCoverage = -Infinity;
    for (const f of features) {
      maxBm = Math.max(maxBm, f[FEATURE.bm]!);
      maxCoverage = Math.max(maxCoverage, f[FEATURE.coverage]!);
    }
    // Cosines are never negative, so the largest "best" is the first of the top two.
    const [best1, best2] = topTwo(bests);
    const maxBest = best1;
    const [post1, post2] = topTwo(posts);
    // The classifier's probability per candidate; without a classifier (a knowledge base too large
    // to train one at build) the asking model's posterior, the nearest thing it estimates.
    const classified = this.classifier?.probabilities(this.classifierFeatures(text, known, this.knownGrams));
    const classes = new Float64Array(chosen.length);
    for (let i = 0; i < chosen.length; i++)
      classes[i] = classified ? classified[chosen[i]!]! : askedPosts[i]!;
    const [class1, class2] = topTwo(classes);
    // The neighbours' vote: of the question's nearest lines anywhere, the share (by similarity
    // squared) that belongs to each candidate. With many ways of asking per topic, a topic that
    // owns most of the close neighbours is more likely than one with a single lucky line.
    const vote = new Float64Array(features.length);
    let voteSum = 0;
    for (let k = 0; k < nearest.size; k++) {
      const cos = nearest.cos[k]!;
      vote[nearest.candidate[k]!]! += cos * cos;
      voteSum += cos * cos;
    }
    for (let i = 0; i < features.length; i++) {
      const f = features[i]!;
      const best = f[FEATURE.best]!;
      f[FEATURE.posterior] = posts[i] ?? 0;
      f[FEATURE.askedPosterior] = askedPosts[i] ?? 0;
      f[FEATURE.knn] = voteSum > 0 ? (vote[i] ?? 0) / voteSum : 0;
      f[FEATURE.bestLead] = best === best1 ? best1 - best2 : 0;
      f[FEATURE.posteriorLead] = posts[i] === post1 ? post1 - post2 : 0;
      f[FEATURE.classifier] = classes[i]!;
      f[FEATURE.classifierLead] = classes[i] === class1 ? class1 - class2 : 0;
      f[FEATURE.bmGap] = f[FEATURE.bm]! - maxBm;
      f[FEATURE.bestGap] = best - maxBest;
    }
    none.evidence = Math.min(1, (maxCoverage * totalMass) / (2 * this.maxIdf));
    none.maxBest = maxBest;
    none.maxCoverage = maxCoverage;
    return {
      terms,
      none,
      candidates: chosen.map((d, i) => ({
        id: this.docs[d]!.topic.id,
        outOfScope: this.docs[d]!.outOfScope,
        features: features[i]!,
      })),
    };
  }

  /** Ranks topics for a question. */
  search(text: string, limit = 5): SearchResult {
    const v = this.view(text);
    if (v.candidates.length === 0) return { candidates: [], confidence: 0, terms: v.terms, none: 1 };
    const p = probabilities(
      v.candidates.map((c) => candidateScore(c.features, this.model)),
      noneScore(v.none, this.model),
    );
    // Candidate indices by probability (a stable sort: ties keep the view's order).
    const ranked = v.candidates.map((_, i) => i).sort((a, b) => (p[b] ?? 0) - (p[a] ?? 0));
    const none = p[p.length - 1] ?? 0;
    const candidates: Candidate[] = [];
    for (const i of ranked) {
      const c = v.candidates[i]!;
      if (candidates.length < limit && !c.outOfScope) candidates.push({ id: c.id, score: round(p[i] ?? 0) });
    }
    const first = v.candidates[ranked[0] ?? -1];
    const firstP = p[ranked[0] ?? -1] ?? 0;
    // The question is most like something we do not answer: say so, and say where to ask instead.
    if (first?.outOfScope && firstP > none)
      return { candidates, confidence: 0, terms: v.terms, outOfScope: first.id, none: round(none) };
    // The topic holding the editors' line closest to the question, and the next closest topic's.
    let ownId: string | undefined;
    let own1 = 0;
    let own2 = 0;
    for (const c of v.candidates) {
      if (c.outOfScope) continue;
      const own = c.features[FEATURE.bestOwn]!;
      if (own > own1) {
        own2 = own1;
        own1 = own;
        ownId = c.id;
      } else if (own > own2) own2 = own;
    }
    // `ranked` is by probability: the first out-of-scope category in it is the likeliest.
    const likeliestOos = ranked.find((i) => v.candidates[i]!.outOfScope);
    const outOfScopeScore = likeliestOos === undefined ? 0 : (p[likeliestOos] ?? 0);
    return {
      candidates,
      confidence: candidates[0]?.score ?? 0,
      terms: v.terms,
      none: round(none),
      doubt: round(doubtOf(candidates, this.model.doubt)),
      editorsQuestion: own1 >= OWN_COPY && own1 - own2 >= OWN_COPY_MARGIN && ownId === candidates[0]?.id,
      outOfScopeScore: round(outOfScopeScore),
    };
  }
}

/**
 * The mean of a document's probe lines from `from` on, each as a unit vector (empty lines left
 * out), summed in `sum` (scratch, with room for every term id).
 */
function centroidOf(p: Probes, from: number, sum: TermAccumulator): Sparse & { norm: number } {
  sum.reset();
  let n = 0;
  for (let line = from; line < p.norms.length; line++) {
    const norm = p.norms[line]!;
    if (norm === 0) continue;
    n++;
    for (let k = p.starts[line]!; k < p.starts[line + 1]!; k++) sum.add(p.ids[k]!, p.values[k]! / norm);
  }
  const ids = sum.sortedIds();
  // A loop, not Float32Array.from(ids, f): from() walks its source with an iterator, an object per id.
  const values = new Float32Array(ids.length);
  for (let i = 0; i < ids.length; i++) values[i] = sum.values[ids[i]!]! / Math.max(1, n);
  let sq = 0;
  for (const v of values) sq += v * v;
  return { ids, values, norm: Math.sqrt(sq) };
}

/** A question this close (cosine) to one of a topic's own lines is a copy of it. */
const OWN_COPY = 0.95;

/**
 * A copy decides what a question means only when no other topic's own line is nearly as close:
 * "Vad gör jag om jag blir hotad på jobbet?" is word for word one of hv-akut-hotad-nu's questions
 * (1.0), yet 0.96 from hv-kollega-hotar's "min kollega hotar mig": "jobb" and "kollega" occur in
 * almost every topic, so "hot" carries both lines. Two topics holding the same line stay a
 * question back.
 */
const OWN_COPY_MARGIN = 0.02;

/** Probe lines before the questions: the Swedish and English titles and the keywords as one line. */
const TITLE_LINES = 3;

/** Lines in the neighbours' vote. */
const NEIGHBOURS = 10;

/**
 * The NEIGHBOURS most similar (cosine, candidate) pairs, most similar first; of equal cosines the
 * one offered first. Two typed arrays, not a list of pairs: it is offered every line of every
 * candidate.
 */
class Nearest {
  readonly cos = new Float64Array(NEIGHBOURS);
  readonly candidate = new Int32Array(NEIGHBOURS);
  size = 0;

  offer(cos: number, candidate: number): void {
    if (this.size === NEIGHBOURS && cos <= this.cos[NEIGHBOURS - 1]!) return;
    let at = Math.min(this.size, NEIGHBOURS - 1);
    // Shift the less similar ones down one place (the last falls off when full).
    while (at > 0 && this.cos[at - 1]! < cos) {
      this.cos[at] = this.cos[at - 1]!;
      this.candidate[at] = this.candidate[at - 1]!;
      at--;
    }
    this.cos[at] = cos;
    this.candidate[at] = candidate;
    if (this.size < NEIGHBOURS) this.size++;
  }
}

/** The largest and second-largest of a list (0 when missing). */
function topTwo(xs: ArrayLike<number>): [number, number] {
  let a = 0;
  let b = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    if (x > a) {
      b = a;
      a = x;
    } else if (x > b) b = x;
  }
  return [a, b];
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
