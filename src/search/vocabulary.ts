import { fold, isStopword, looksEnglish, stem, words } from './normalize';
import { LruCache } from './lru';
import { EMPTY_WORD_LIST, type WordList } from './wordList';

/**
 * What the search knows of the language of the knowledge base: every stem in it, the synonym
 * table, the concept lexicon (everyday words -> knowledge-base words), compound splitting backed
 * by a Swedish word list, and typo correction through a trigram index over the stems.
 */

/**
 * English words spelled like a Swedish word of the knowledge base: English "hot" (warm, popular) is
 * not Swedish "hot" (threat). Dropped from questions that look English; English speakers write
 * "threat", which the lexicon maps.
 */
const ENGLISH_FALSE_FRIENDS = new Set(['hot']);

export interface QueryTerm {
  term: string;
  /** How sure we are the user meant this term: 1 exact, lower for fuzzy corrections and compound parts. */
  weight: number;
  /** The folded word the term came from. */
  source: string;
  kind: 'exact' | 'synonym' | 'lexicon' | 'compound' | 'fuzzy' | 'unknown';
}

/** A lexicon entry as the vocabulary needs it: everyday words and what they mean in the knowledge base. */
export interface LexiconEntry {
  means: string[];
  words: string[];
}

export interface VocabularyOptions {
  /** Groups of words or phrases that mean the same; the first is canonical. */
  synonymGroups: string[][];
  /** Everyday words mapped to knowledge-base words (question side only). */
  lexicon?: LexiconEntry[];
  /** Real Swedish words outside the knowledge base (compound parts; not typos). */
  wordList?: WordList;
}

const MIN_PART = 3;
/**
 * Compound parts must be real words: 4 letters or more, or one of these short domain words
 * ("mordhot", "jävsfråga"). Otherwise "öppettider" splits into "opp" + "tid" and looks relevant.
 */
const SHORT_PARTS = new Set(['hot', 'jav', 'mut', 'rsa', 'kia', 'imy', 'dso', 'brb', 'gdpr', 'lag', 'nis']);
const partOk = (p: string) => p.length >= 4 || SHORT_PARTS.has(p);
/** Shorter words are too often other real words one letter away ("regn" vs "regl"). */
const FUZZY_MIN_LENGTH = 5;

/** Endings of an inflected acronym ("RSA:n", "KIA:s", "SMS:et", "IT:ns"), longest first. */
const ACRONYM_ENDINGS = ['ens', 'ets', 'en', 'et', 'ns', 'n', 's'];
/** Longer unknown words are left to compound splitting and typo correction. */
const MAX_INFLECTED_LENGTH = 8;
/** Lexicon words are evidence for a concept, a little weaker than the knowledge base's own word. */
const LEXICON_WEIGHT = 0.8;
/** Query-side caches: enough for a day's distinct words, bounded so memory stays flat. */
const CACHE_SIZE = 5000;

interface Phrase {
  phrase: string[];
  canonical: string[];
  kind: 'synonym' | 'lexicon';
}

export class Vocabulary {
  private readonly stems = new Set<string>();
  private readonly stemList: string[] = [];
  private readonly singleSynonyms = new Map<string, string[]>();
  private readonly singleLexicon = new Map<string, string[]>();
  /** Multi-word synonyms and lexicon phrases by their first stem, longest first. */
  private readonly phrases = new Map<string, Phrase[]>();
  private readonly wordList: WordList;
  /** Trigram -> indices into stemList; built on the first typo, rebuilt after addText. */
  private trigrams: Map<string, number[]> | undefined;
  private readonly fuzzyCache = new LruCache<string, string | undefined>(CACHE_SIZE);
  private readonly splitCache = new LruCache<string, string[] | undefined>(CACHE_SIZE);
  /** Document-side analysis per word: bounded by the knowledge base's own words, reset on addText. */
  private readonly docWords = new Map<string, QueryTerm[]>();

  constructor(options: VocabularyOptions | string[][]) {
    const o: VocabularyOptions = Array.isArray(options) ? { synonymGroups: options } : options;
    this.wordList = o.wordList ?? EMPTY_WORD_LIST;
    for (const group of o.synonymGroups) {
      const [head, ...rest] = group;
      if (head !== undefined) this.addMapping(head ? [head] : [], rest, 'synonym');
    }
    for (const entry of o.lexicon ?? []) this.addMapping(entry.means, entry.words, 'lexicon');
    // Longest phrases first, so "sociala medier" wins over "medier".
    for (const list of this.phrases.values()) list.sort((a, b) => b.phrase.length - a.phrase.length);
  }

  private addMapping(targets: string[], alternatives: string[], kind: 'synonym' | 'lexicon'): void {
    const canonical = [...new Set(targets.flatMap((t) => this.phraseStems(t)))];
    if (canonical.length === 0) return;
    const singles = kind === 'synonym' ? this.singleSynonyms : this.singleLexicon;
    for (const alt of alternatives) {
      const altStems = this.phraseStems(alt);
      if (altStems.length === 0) continue;
      // A lexicon phrase that is one content word among function words ("göra en anmälan") would
      // claim that common word everywhere: a phrase must keep two content words.
      if (kind === 'lexicon' && altStems.length === 1 && words(alt).length > 1) continue;
      if (altStems.length === 1) {
        const key = altStems[0] ?? '';
        const prev = singles.get(key) ?? [];
        singles.set(key, [...prev, ...canonical.filter((c) => !prev.includes(c))]);
      } else {
        const first = altStems[0] ?? '';
        const list = this.phrases.get(first) ?? [];
        list.push({ phrase: altStems, canonical, kind });
        this.phrases.set(first, list);
      }
    }
  }

  private phraseStems(text: string): string[] {
    return words(text)
      .filter((w) => !isStopword(w))
      .map(stem);
  }

  /** Adds the stems of an indexed text (call for every document before searching). */
  addText(text: string): void {
    for (const w of words(text)) if (!isStopword(w)) this.addStem(stem(w));
  }

  /** Adds one stem of an indexed text (for a caller that splits and stems texts itself). */
  addStem(s: string): void {
    if (s.length < 2 || this.stems.has(s)) return;
    this.stems.add(s);
    this.stemList.push(s);
    this.trigrams = undefined;
    this.docWords.clear();
  }

  /** Drops what only building an index needed (call when the index is built). */
  endBuild(): void {
    this.docWords.clear();
  }

  has(term: string): boolean {
    return this.stems.has(term);
  }

  get size(): number {
    return this.stems.size;
  }

  /** Maps a stem to its canonical synonym stems (itself when it has none). */
  canonical(term: string): string[] {
    return this.singleSynonyms.get(term) ?? [term];
  }

  /**
   * Splits a Swedish compound into stems ("informationssakerhetsincidenten" -> information,
   * sakerhet, incident), allowing the linking -s-. Parts may be knowledge-base stems or words from
   * the word list ("beredskapsplanering" -> beredskap + planering); at least one part must be a
   * knowledge-base stem. Undefined when no full split exists.
   */
  splitCompound(word: string): string[] | undefined {
    if (this.splitCache.has(word)) return this.splitCache.get(word);
    const parts = this.split(word, 0);
    const result = parts && parts.some((p) => this.stems.has(p)) ? parts : undefined;
    this.splitCache.set(word, result);
    return result;
  }

  private known(part: string): string | undefined {
    if (this.stems.has(part)) return part;
    const s = stem(part);
    if (this.stems.has(s)) return s;
    // Word-list parts must be real words of some length: short ones split too much ("opp", "tid").
    if (part.length >= 4 && this.wordList.hasStem(s)) return s;
    return undefined;
  }

  private stemOrWord(s: string): boolean {
    return this.stems.has(s) || this.wordList.hasStem(s);
  }

  private split(word: string, depth: number): string[] | undefined {
    if (depth > 0 && word.length >= MIN_PART) {
      const whole = this.known(word);
      if (whole) return [whole];
    }
    if (depth >= 4 || word.length < MIN_PART * 2) return undefined;
    // A part is known only through a stem or word-list stem that begins it (a stem is a beginning of
    // its word, at least MIN_PART long): parts shorter than the shortest such beginning are not tried.
    let shortest = MIN_PART;
    while (shortest <= word.length - MIN_PART && !this.stemOrWord(word.slice(0, shortest))) shortest++;
    for (let i = word.length - MIN_PART; i >= shortest; i--) {
      const left = word.slice(0, i);
      // The part as written, else without a linking -s- ("sakerhets" + "incident").
      const leftStem =
        this.known(left) ??
        (left.endsWith('s') && i - 1 >= MIN_PART ? this.known(left.slice(0, -1)) : undefined);
      if (!leftStem) continue;
      const right = this.split(word.slice(i), depth + 1);
      if (right) return [leftStem, ...right];
    }
    return undefined;
  }

  private trigramIndex(): Map<string, number[]> {
    if (this.trigrams) return this.trigrams;
    const index = new Map<string, number[]>();
    this.stemList.forEach((s, i) => {
      for (const g of new Set(trigramsOf(s))) {
        const list = index.get(g);
        if (list) list.push(i);
        else index.set(g, [i]);
      }
    });
    this.trigrams = index;
    return index;
  }

  /**
   * The closest known stem to a misspelt one, if close enough: candidates sharing trigrams with the
   * word (an inverted index, so the cost does not grow with the whole vocabulary), then an
   * edit-distance check that keeps only real typos. Real Swedish words are not corrected.
   */
  correct(term: string): string | undefined {
    if (term.length < FUZZY_MIN_LENGTH) return undefined;
    if (this.fuzzyCache.has(term)) return this.fuzzyCache.get(term);
    let hit: string | undefined;
    if (!this.wordList.hasStem(term)) {
      const index = this.trigramIndex();
      const grams = [...new Set(trigramsOf(term))];
      const shared = new Map<number, number>();
      for (const g of grams) for (const i of index.get(g) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
      const maxEdits = term.length >= 9 ? 2 : 1;
      // Each edit destroys at most three trigrams; fewer shared than that cannot be within reach.
      const minShared = Math.max(1, grams.length - 3 * maxEdits);
      let bestDistance = maxEdits + 1;
      for (const [i, n] of shared) {
        if (n < minShared) continue;
        const candidate = this.stemList[i] ?? '';
        if (candidate[0] !== term[0] || Math.abs(candidate.length - term.length) > maxEdits) continue;
        const d = editDistance(candidate, term);
        if (d < bestDistance || (d === bestDistance && hit !== undefined && candidate < hit)) {
          bestDistance = d;
          hit = candidate;
        }
      }
      if (bestDistance > maxEdits) hit = undefined;
    }
    this.fuzzyCache.set(term, hit);
    return hit;
  }

  /**
   * A short word or acronym with a Swedish ending the stemmer leaves on ("rsan", "kians", "gdprn",
   * typed without the colon of "RSA:n"): the known word it is built on, if any.
   */
  private uninflected(word: string): string | undefined {
    if (word.length > MAX_INFLECTED_LENGTH) return undefined;
    for (const ending of ACRONYM_ENDINGS) {
      if (!word.endsWith(ending) || word.length - ending.length < 2) continue;
      const base = word.slice(0, -ending.length);
      if (this.stems.has(base)) return base;
    }
    return undefined;
  }

  /**
   * Turns text into weighted query terms: exact stems, synonyms, lexicon concepts, compound parts,
   * typo corrections, and unknown words (kept, so the confidence can see how much of the question
   * went unexplained). Documents are analysed with `query: false` (no typos, no lexicon).
   */
  analyse(text: string, options: { fuzzy: boolean } = { fuzzy: true }): QueryTerm[] {
    let folded = words(text).filter((w) => !isStopword(w));
    // A question in English: its false friends are not the Swedish words ("it's so hot in here").
    if (options.fuzzy && folded.some((w) => ENGLISH_FALSE_FRIENDS.has(w)) && looksEnglish(text))
      folded = folded.filter((w) => !ENGLISH_FALSE_FRIENDS.has(w));
    return this.analyseWords(folded, folded.map(stem), options.fuzzy);
  }

  /** analyse() of a text already split into its content words (folded, stop words dropped) and their stems. */
  analyseWords(folded: string[], stems: string[], query: boolean): QueryTerm[] {
    const out: QueryTerm[] = [];
    for (let i = 0; i < stems.length;) {
      const phrase = this.phrases
        .get(stems[i] ?? '')
        ?.find((p) => (query || p.kind === 'synonym') && p.phrase.every((x, k) => stems[i + k] === x));
      if (phrase) {
        const source = folded.slice(i, i + phrase.phrase.length).join(' ');
        const weight = phrase.kind === 'lexicon' ? LEXICON_WEIGHT : 1;
        for (const c of phrase.canonical) out.push({ term: c, weight, source, kind: phrase.kind });
        i += phrase.phrase.length;
        continue;
      }
      const source = folded[i] ?? '';
      if (query) this.word(source, stems[i] ?? '', true, out);
      else out.push(...this.documentWord(source, stems[i] ?? ''));
      i++;
    }
    return out;
  }

  /**
   * What one word of a document text gives when no synonym phrase begins at it (a document text's
   * terms are these, word by word, unless beginsSynonymPhrase is true of one of its stems).
   * @param cache keep the answer until the build ends (false: the caller keeps its own)
   */
  documentWord(source: string, stem: string, cache = true): QueryTerm[] {
    let terms = this.docWords.get(source);
    if (!terms) {
      terms = [];
      this.word(source, stem, false, terms);
      if (cache) this.docWords.set(source, terms);
    }
    return terms;
  }

  /** True when a multi-word synonym begins with this stem (document-side analysis then reads on). */
  beginsSynonymPhrase(stem: string): boolean {
    return this.phrases.get(stem)?.some((p) => p.kind === 'synonym') ?? false;
  }

  private word(source: string, s: string, query: boolean, out: QueryTerm[]): void {
    if (s.length < 2) return;
    const syn = this.singleSynonyms.get(s);
    if (syn) {
      for (const c of syn) out.push({ term: c, weight: 1, source, kind: 'synonym' });
      if (this.stems.has(s) && !syn.includes(s)) out.push({ term: s, weight: 0.5, source, kind: 'exact' });
      return;
    }
    const lex = query ? this.singleLexicon.get(s) : undefined;
    if (lex) {
      for (const c of lex) out.push({ term: c, weight: LEXICON_WEIGHT, source, kind: 'lexicon' });
      if (this.stems.has(s) && !lex.includes(s)) out.push({ term: s, weight: 1, source, kind: 'exact' });
      return;
    }
    if (this.stems.has(s)) {
      out.push({ term: s, weight: 1, source, kind: 'exact' });
      const parts = source.length >= 8 ? this.splitCompound(source) : undefined;
      // Splitting a known word only helps when every part is a real word, not a stray syllable.
      if (parts && parts.length > 1 && parts.every(partOk)) {
        for (const p of parts)
          if (this.stems.has(p))
            for (const c of this.canonical(p)) out.push({ term: c, weight: 0.5, source, kind: 'compound' });
      }
      return;
    }
    const parts = this.splitCompound(source);
    if (parts && parts.length > 1 && parts.every(partOk)) {
      for (const p of parts) {
        if (!this.stems.has(p)) {
          out.push({ term: p, weight: 0.5, source, kind: 'unknown' });
          continue;
        }
        for (const c of this.canonical(p)) out.push({ term: c, weight: 0.8, source, kind: 'compound' });
        const lexParts = query ? this.singleLexicon.get(p) : undefined;
        for (const c of lexParts ?? []) out.push({ term: c, weight: 0.6, source, kind: 'lexicon' });
      }
      return;
    }
    const base = query ? this.uninflected(source) : undefined;
    if (base) {
      for (const c of this.canonical(base)) out.push({ term: c, weight: 0.9, source, kind: 'exact' });
      return;
    }
    const fixed = query ? this.correct(s) : undefined;
    if (fixed) {
      for (const c of this.canonical(fixed)) out.push({ term: c, weight: 0.6, source, kind: 'fuzzy' });
      return;
    }
    out.push({ term: s, weight: 1, source, kind: 'unknown' });
  }
}

/** Trigrams of a word with boundary marks ("hot" -> " ho", "hot", "ot "). */
function trigramsOf(word: string): string[] {
  const w = ` ${word} `;
  const out: string[] = [];
  for (let i = 0; i + 3 <= w.length; i++) out.push(w.slice(i, i + 3));
  return out;
}

/** Levenshtein distance (small strings only: single words). */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return row[b.length] ?? 0;
}

/** Folds and stems a single keyword (exported for tests and tools). */
export function keyOf(word: string): string {
  return stem(fold(word));
}
