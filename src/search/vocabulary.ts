import Fuse from 'fuse.js';
import { fold, isStopword, stem, words } from './normalize';

/**
 * What the search knows of the language of the knowledge base: every stem in it, the synonym
 * table and compound splitting, and fuse.js for typo tolerance on single words (its strength:
 * whole sentences are ranked by the index, see index.ts).
 */
export interface QueryTerm {
  term: string;
  /** How sure we are the user meant this term: 1 exact, lower for fuzzy corrections and compound parts. */
  weight: number;
  /** The folded word the term came from. */
  source: string;
  kind: 'exact' | 'synonym' | 'compound' | 'fuzzy' | 'unknown';
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
const FUZZY_THRESHOLD = 0.3;

export class Vocabulary {
  private readonly stems = new Set<string>();
  private readonly stemList: string[] = [];
  private readonly singleSynonyms = new Map<string, string[]>();
  private readonly phraseSynonyms: Array<{ phrase: string[]; canonical: string[] }> = [];
  private fuse: Fuse<string> | undefined;
  private readonly fuzzyCache = new Map<string, string | undefined>();
  private readonly splitCache = new Map<string, string[] | undefined>();

  /** @param synonymGroups groups of words or phrases that mean the same; the first is canonical. */
  constructor(synonymGroups: string[][]) {
    for (const group of synonymGroups) {
      const [head, ...rest] = group;
      if (head === undefined) continue;
      const canonical = this.phraseStems(head);
      if (canonical.length === 0) continue;
      for (const alt of rest) {
        const altStems = this.phraseStems(alt);
        if (altStems.length === 0) continue;
        if (altStems.length === 1) {
          const key = altStems[0] ?? '';
          const prev = this.singleSynonyms.get(key) ?? [];
          this.singleSynonyms.set(key, [...prev, ...canonical.filter((c) => !prev.includes(c))]);
        } else {
          this.phraseSynonyms.push({ phrase: altStems, canonical });
        }
      }
    }
    // Longest phrases first, so "sociala medier" wins over "medier".
    this.phraseSynonyms.sort((a, b) => b.phrase.length - a.phrase.length);
  }

  private phraseStems(text: string): string[] {
    return words(text)
      .filter((w) => !isStopword(w))
      .map(stem);
  }

  /** Adds the stems of an indexed text (call for every document before searching). */
  addText(text: string): void {
    for (const w of words(text)) {
      if (isStopword(w)) continue;
      const s = stem(w);
      if (s.length < 2 || this.stems.has(s)) continue;
      this.stems.add(s);
      this.stemList.push(s);
    }
    this.fuse = undefined;
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

  /** Replaces multi-word synonyms in a stem sequence by their canonical stems. */
  applyPhrases(stems: string[]): string[] {
    if (this.phraseSynonyms.length === 0) return stems;
    const out: string[] = [];
    for (let i = 0; i < stems.length;) {
      const hit = this.phraseSynonyms.find(({ phrase }) => phrase.every((p, k) => stems[i + k] === p));
      if (hit) {
        out.push(...hit.canonical);
        i += hit.phrase.length;
      } else {
        out.push(stems[i] ?? '');
        i++;
      }
    }
    return out;
  }

  /**
   * Splits a Swedish compound into known stems ("informationssakerhetsincidenten" ->
   * information, sakerhet, incident), allowing the linking -s-. Undefined when no full split exists.
   */
  splitCompound(word: string, depth = 0): string[] | undefined {
    const key = `${depth > 0 ? '+' : ''}${word}`;
    if (this.splitCache.has(key)) return this.splitCache.get(key);
    let result: string[] | undefined;
    if (depth > 0 && word.length >= MIN_PART && this.stems.has(stem(word))) result = [stem(word)];
    else if (depth < 4 && word.length >= MIN_PART * 2) {
      for (let i = word.length - MIN_PART; i >= MIN_PART && !result; i--) {
        const left = word.slice(0, i);
        const rest = word.slice(i);
        const leftStem = [left, left.endsWith('s') ? left.slice(0, -1) : '']
          .filter((l) => l.length >= MIN_PART)
          .map((l) => (this.stems.has(l) ? l : this.stems.has(stem(l)) ? stem(l) : ''))
          .find((l) => l !== '');
        if (!leftStem) continue;
        const right = this.splitCompound(rest, depth + 1);
        if (right) result = [leftStem, ...right];
      }
    }
    this.splitCache.set(key, result);
    return result;
  }

  /** The closest known stem to a misspelt one (fuse.js over the vocabulary), if close enough. */
  correct(term: string): string | undefined {
    if (term.length < FUZZY_MIN_LENGTH) return undefined;
    if (this.fuzzyCache.has(term)) return this.fuzzyCache.get(term);
    this.fuse ??= new Fuse(this.stemList, {
      includeScore: true,
      threshold: FUZZY_THRESHOLD,
      ignoreLocation: true,
      minMatchCharLength: 3,
    });
    // fuse.js finds near spellings; an edit-distance check keeps only real typos (not other words).
    const maxEdits = term.length >= 9 ? 2 : 1;
    const best = this.fuse
      .search(term, { limit: 8 })
      .filter((r) => r.item[0] === term[0] && editDistance(r.item, term) <= maxEdits)
      .sort((a, b) => (a.score ?? 1) - (b.score ?? 1))[0];
    const hit = best && (best.score ?? 1) <= FUZZY_THRESHOLD ? best.item : undefined;
    this.fuzzyCache.set(term, hit);
    return hit;
  }

  /**
   * Turns text into weighted query terms: exact stems, synonyms, compound parts, typo corrections,
   * and unknown words (kept, so the confidence can see how much of the question went unexplained).
   */
  analyse(text: string, options: { fuzzy: boolean } = { fuzzy: true }): QueryTerm[] {
    const folded = words(text).filter((w) => !isStopword(w));
    const stems = this.applyPhrases(folded.map(stem));
    const out: QueryTerm[] = [];
    stems.forEach((s, i) => {
      const source = folded[i] ?? s;
      if (s.length < 2) return;
      const syn = this.singleSynonyms.get(s);
      if (syn) {
        for (const c of syn) out.push({ term: c, weight: 1, source, kind: 'synonym' });
        if (this.stems.has(s) && !syn.includes(s)) out.push({ term: s, weight: 0.5, source, kind: 'exact' });
        return;
      }
      if (this.stems.has(s)) {
        out.push({ term: s, weight: 1, source, kind: 'exact' });
        const parts = source.length >= 8 ? this.splitCompound(source) : undefined;
        // Splitting a known word only helps when every part is a real word, not a stray syllable.
        if (parts && parts.length > 1 && parts.every(partOk)) {
          for (const p of parts)
            for (const c of this.canonical(p)) out.push({ term: c, weight: 0.5, source, kind: 'compound' });
        }
        return;
      }
      const parts = this.splitCompound(source);
      if (parts && parts.length > 1 && parts.every(partOk)) {
        for (const p of parts)
          for (const c of this.canonical(p)) out.push({ term: c, weight: 0.8, source, kind: 'compound' });
        return;
      }
      const fixed = options.fuzzy ? this.correct(s) : undefined;
      if (fixed) {
        for (const c of this.canonical(fixed)) out.push({ term: c, weight: 0.6, source, kind: 'fuzzy' });
        return;
      }
      out.push({ term: s, weight: 1, source, kind: 'unknown' });
    });
    return out;
  }
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
