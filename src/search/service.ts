import { createHash } from 'node:crypto';
import type { KnowledgeBase } from '../knowledge/loader';
import type { OutOfScopeCategory, Topic } from '../knowledge/schema';
import { aboutPastOrPlan, isDangerNow } from './danger';
import { shippedDangerClassifier, type DangerClassifier } from './dangerClassifier';
import { decide, type Decision, type Thresholds } from './decide';
import { KnowledgeIndex, type IndexDoc, type SearchResult } from './index';
import { swedishWordList, type WordList } from './wordList';
import type { RankerModel } from './ranker';

/** What one question produced: the ranking and what the bot should do with it. */
export interface Answer {
  result: SearchResult;
  decision: Decision;
}

/** Questions in, decisions out: the knowledge search as the bot and the CLI use it. */
export class SearchService {
  readonly index: KnowledgeIndex;
  private readonly topics: Map<string, Topic>;
  private readonly outOfScope: Map<string, OutOfScopeCategory>;
  private readonly danger: DangerClassifier;
  /** The last question asked and its answer (see ask). */
  private last: { text: string; answer: Answer } | undefined;

  /** @param parts the word list, ranker weights and danger model, replaceable for measurements (bench/). */
  constructor(
    kb: KnowledgeBase,
    private readonly thresholds: Thresholds,
    parts: { wordList?: WordList; model?: RankerModel; danger?: DangerClassifier } = {},
  ) {
    this.danger = parts.danger ?? shippedDangerClassifier();
    const build = () =>
      new KnowledgeIndex(searchableTopics(kb), {
        synonymGroups: kb.synonymGroups,
        lexicon: kb.lexicon,
        wordList: parts.wordList ?? swedishWordList(),
        model: parts.model,
        outOfScope: outOfScopeDocs(kb),
      });
    // Measurements pass their own word list or weights: those are built as asked, never shared.
    this.index = parts.wordList || parts.model ? build() : sharedIndex(kb, build);
    this.outOfScope = new Map(kb.outOfScope.map((c) => [`oos:${c.id}`, c]));
    this.topics = new Map(kb.topics.map((t) => [t.id, t]));
  }

  /**
   * Ranks and decides. Very long input is cut: the first words carry the question. The last
   * question's answer is kept: one message is asked by the danger check and then by the handler.
   */
  ask(question: string): Answer {
    const text = question.length > MAX_QUERY_CHARS ? question.slice(0, MAX_QUERY_CHARS) : question;
    if (this.last?.text === text) return this.last.answer;
    const result = this.index.search(text, 5);
    const answer = { result, decision: decide(result, this.thresholds) };
    this.last = { text, answer };
    return answer;
  }

  /**
   * Danger now, when any of three independent readers says so: the rules of danger.ts (every
   * phrasing their table names), the learned classifier of dangerClassifier.ts (phrasings nobody
   * listed), or the search, when it finds a topic marked urgent (danger now) likely and nothing in
   * the text says past, plan or hypothetical. A needless 112 line costs a glance; a missing one can
   * cost much more.
   */
  dangerNow(text: string): boolean {
    if (isDangerNow(text) || this.danger.isDangerNow(text)) return true;
    const { result } = this.ask(text);
    const urgent = result.candidates
      .slice(0, 3)
      .some((c) => c.score >= URGENT_LIKELY && this.topics.get(c.id)?.urgent === true);
    return urgent && !result.outOfScope && !aboutPastOrPlan(text);
  }

  topic(id: string): Topic | undefined {
    return this.topics.get(id);
  }

  /** The out-of-scope category a result pointed at ("oos:<id>"), for its redirect text. */
  outOfScopeCategory(id: string | undefined): OutOfScopeCategory | undefined {
    return id ? this.outOfScope.get(id) : undefined;
  }

  /** The id the CLI reports as "the answer": only a confident, unambiguous answer counts. */
  static answerId(decision: Decision): string | null {
    return decision.kind === 'answer' ? decision.topicId : null;
  }
}

/**
 * The out-of-scope categories as the index sees them: documents that only have ways of asking
 * (`keep`: which of them, by position; training leaves some out, bench/rankerData.ts).
 */
export function outOfScopeDocs(kb: KnowledgeBase, keep: (i: number) => boolean = () => true): IndexDoc[] {
  return kb.outOfScope.map((c) => ({
    id: `oos:${c.id}`,
    title: c.title,
    summaryEn: '',
    answer: '',
    steps: [],
    questions: c.questions.filter((_, i) => keep(i)),
    keywords: c.keywords,
  }));
}

/**
 * The last index built with the shipped word list and weights, by a hash of the knowledge it was
 * built from. Building trains the term classifier (seconds); a process that starts a second
 * service on the same knowledge (a second bot instance in one process, as the tests start)
 * shares the first one's index instead. Sharing is safe: an index answers one question at a time
 * (its scratch tables), which one JavaScript thread guarantees.
 */
let shared: { key: string; index: KnowledgeIndex } | undefined;

function sharedIndex(kb: KnowledgeBase, build: () => KnowledgeIndex): KnowledgeIndex {
  const key = createHash('sha256')
    .update(JSON.stringify([searchableTopics(kb), kb.synonymGroups, kb.lexicon, kb.outOfScope]))
    .digest('hex');
  if (shared?.key !== key) shared = { key, index: build() };
  return shared.index;
}

/** The topics as the index sees them: their own questions, and the examples of knowledge/examples*.yaml. */
export function searchableTopics(kb: KnowledgeBase): Array<Topic & IndexDoc> {
  return kb.topics.map((t) => ({ ...t, examples: kb.examples[t.id] ?? [] }));
}

/** An urgent topic at least this likely (ranker probability) counts as a sign of danger now. */
const URGENT_LIKELY = 0.5;

/** Questions longer than this are searched on their beginning only (a pasted e-mail, say). */
export const MAX_QUERY_CHARS = 600;
