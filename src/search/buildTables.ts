import { isStopword, scanWords, stem } from './normalize';
import type { QueryTerm, Vocabulary } from './vocabulary';

/**
 * Scratch tables for building the knowledge index. A build of 10 000 entries meets a few million
 * term occurrences; these keep them in arrays indexed by number (no Map or object per term, text
 * or document) so the build costs arithmetic, not hashing, allocation and garbage collection.
 */

/**
 * The texts of a build: each distinct text split into words once; each distinct word folded,
 * checked against the stop words and stemmed once, and its document-side terms analysed and
 * resolved to term ids once. A text's terms are then its words' terms one after the other, as
 * Vocabulary.analyse gives them (a text in which a multi-word synonym may begin is analysed whole).
 */
export class BuildTexts {
  /** The terms of the text last asked for (termsOf). Overwritten by the next call; may be replaced. */
  termIds: Int32Array = new Int32Array(1 << 10);
  termWeights: Float64Array = new Float64Array(1 << 10);

  /** Resolved term ids (-1: no id) and weights of words and whole texts, back to back. */
  private ids: Int32Array = new Int32Array(1 << 12);
  private weights: Float64Array = new Float64Array(1 << 12);
  private used = 0;
  /** Per word id: the folded word, its stem, where its resolved terms are (begin -1: not yet). */
  private readonly folded: string[] = [];
  private readonly stems: string[] = [];
  private readonly wordBegin: number[] = [];
  private readonly wordEnd: number[] = [];
  /** Per word id: whether a multi-word synonym may begin at it; whether its stem was added. */
  private readonly wordPhrase: boolean[] = [];
  private readonly learned: boolean[] = [];
  private readonly words = new WordTable((w) => (isStopword(w) ? -1 : this.newWord(w)));
  /** Per text id: its content words (word ids in a pool), whether a synonym phrase may begin in it, its resolved terms if so. */
  private textWords: Int32Array = new Int32Array(1 << 12);
  private textWordsUsed = 0;
  private readonly textWordBegin: number[] = [];
  private readonly textPhrase: boolean[] = [];
  private readonly textBegin: number[] = [];
  private readonly textEnd: number[] = [];
  private readonly textIds = new Map<string, number>();

  /**
   * @param resolve a term's id (may create it; -1 to leave the term out); replaceable between passes
   */
  constructor(
    private readonly vocabulary: Vocabulary,
    public resolve: (term: string) => number,
  ) {}

  /**
   * The id of a text, split into words on first sight. With `learn` the stem of each new word is
   * added to the vocabulary (Vocabulary.addText of the index's own texts, in the same order).
   */
  text(text: string, learn: boolean): number {
    let id = this.textIds.get(text);
    if (id !== undefined) return id;
    const begin = this.textWordsUsed;
    let phrase = false;
    scanWords(text, (codes, n, source, start) => {
      const wid = this.words.find(codes, n, source, start);
      if (wid < 0) return;
      // A stem is first met with the first of its words: adding at each word's first sight keeps the order.
      if (learn && !this.learned[wid]) {
        this.learned[wid] = true;
        this.vocabulary.addStem(this.stems[wid]!);
      }
      if (this.textWordsUsed === this.textWords.length) {
        const more = new Int32Array(this.textWords.length * 2);
        more.set(this.textWords);
        this.textWords = more;
      }
      this.textWords[this.textWordsUsed++] = wid;
      phrase ||= this.wordPhrase[wid]!;
    });
    id = this.textWordBegin.length;
    this.textIds.set(text, id);
    this.textWordBegin.push(begin);
    this.textPhrase.push(phrase);
    this.textBegin.push(-1);
    this.textEnd.push(-1);
    return id;
  }

  private newWord(w: string): number {
    const s = stem(w);
    this.folded.push(w);
    this.stems.push(s);
    this.wordBegin.push(-1);
    this.wordEnd.push(-1);
    this.wordPhrase.push(this.vocabulary.beginsSynonymPhrase(s));
    this.learned.push(false);
    return this.folded.length - 1;
  }

  /**
   * Puts the text's terms in termIds/termWeights and returns how many there are. Call once every
   * stem of the index's texts has been added.
   */
  termsOf(textId: number): number {
    const begin = this.textWordBegin[textId] ?? 0;
    const end = this.textWordBegin[textId + 1] ?? this.textWordsUsed;
    if (!this.textPhrase[textId]) {
      let n = 0;
      for (let i = begin; i < end; i++) {
        const w = this.textWords[i]!;
        if (this.wordBegin[w] === -1) {
          this.wordBegin[w] = this.used;
          this.append(this.vocabulary.documentWord(this.folded[w]!, this.stems[w]!, false));
          this.wordEnd[w] = this.used;
        }
        n = this.copy(this.wordBegin[w]!, this.wordEnd[w]!, n);
      }
      return n;
    }
    if (this.textBegin[textId] === -1) {
      const folded: string[] = [];
      const stems: string[] = [];
      for (let i = begin; i < end; i++) {
        folded.push(this.folded[this.textWords[i]!]!);
        stems.push(this.stems[this.textWords[i]!]!);
      }
      this.textBegin[textId] = this.used;
      this.append(this.vocabulary.analyseWords(folded, stems, false));
      this.textEnd[textId] = this.used;
    }
    return this.copy(this.textBegin[textId]!, this.textEnd[textId]!, 0);
  }

  /** Resolves terms into the pool. */
  private append(terms: QueryTerm[]): void {
    if (this.used + terms.length > this.ids.length) {
      const [ids, weights] = grow(this.ids, this.weights, this.used + terms.length, this.used);
      this.ids = ids;
      this.weights = weights;
    }
    for (const t of terms) {
      this.ids[this.used] = this.resolve(t.term);
      this.weights[this.used] = t.weight;
      this.used++;
    }
  }

  /** Copies pool[begin, end) to the output at n; returns the new output length. */
  private copy(begin: number, end: number, n: number): number {
    const m = n + end - begin;
    if (m > this.termIds.length) {
      const [ids, weights] = grow(this.termIds, this.termWeights, m, n);
      this.termIds = ids;
      this.termWeights = weights;
    }
    // A loop, not set(subarray): most copies are one or two terms, and a view per copy is garbage.
    for (let i = begin, o = n; i < end; i++, o++) {
      this.termIds[o] = this.ids[i]!;
      this.termWeights[o] = this.weights[i]!;
    }
    return m;
  }
}

/**
 * Folded words -> ids, found by their char codes: a word seen before costs a hash and a compare,
 * not a new string (a build of 10 000 entries reads over a million words, a few ten thousand distinct).
 */
class WordTable {
  /** Open addressing: entry + 1 per slot, 0 when empty. */
  private slots = new Int32Array(1 << 12);
  private readonly hashes: number[] = [];
  private readonly spelling: string[] = [];
  private readonly ids: number[] = [];

  /** @param idOf the id of a word met for the first time */
  constructor(private readonly idOf: (word: string) => number) {}

  /** The id of the word codes[0, n) (source.slice(start, start + n) when start >= 0). */
  find(codes: Uint16Array, n: number, source: string, start: number): number {
    let h = 0x811c9dc5;
    for (let k = 0; k < n; k++) h = Math.imul(h ^ codes[k]!, 0x01000193);
    h >>>= 0;
    const mask = this.slots.length - 1;
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const e = this.slots[at]! - 1;
      if (e < 0) break;
      if (this.hashes[e] === h && same(this.spelling[e]!, codes, n)) return this.ids[e]!;
    }
    const word = start >= 0 ? source.slice(start, start + n) : String.fromCharCode(...codes.subarray(0, n));
    const id = this.idOf(word);
    this.hashes.push(h);
    this.spelling.push(word);
    this.ids.push(id);
    if (this.ids.length * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(this.ids.length - 1);
    return id;
  }

  private place(e: number): void {
    const mask = this.slots.length - 1;
    let at = this.hashes[e]! & mask;
    while (this.slots[at] !== 0) at = (at + 1) & mask;
    this.slots[at] = e + 1;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let e = 0; e < this.ids.length; e++) this.place(e);
  }
}

function same(word: string, codes: Uint16Array, n: number): boolean {
  if (word.length !== n) return false;
  for (let k = 0; k < n; k++) if (word.charCodeAt(k) !== codes[k]) return false;
  return true;
}

/** Larger copies of a pair of arrays (at least `need` long), keeping their first `keep` entries. */
export function grow(
  ids: Int32Array,
  weights: Float64Array,
  need: number,
  keep: number,
): [Int32Array, Float64Array] {
  let size = ids.length * 2;
  while (size < need) size *= 2;
  const i = new Int32Array(size);
  i.set(ids.subarray(0, keep));
  const w = new Float64Array(size);
  w.set(weights.subarray(0, keep));
  return [i, w];
}

/**
 * A sparse accumulator over term ids: a dense value table plus the ids touched since the last
 * reset, in the order first touched (the order a Map would iterate them in).
 */
export class TermAccumulator {
  values = new Float64Array(1 << 10);
  private marks = new Uint8Array(1 << 10);
  private touched = new Int32Array(1 << 10);
  count = 0;

  /** Makes room for ids below n. */
  ensure(n: number): void {
    if (n <= this.values.length) return;
    let size = this.values.length * 2;
    while (size < n) size *= 2;
    const values = new Float64Array(size);
    values.set(this.values);
    const marks = new Uint8Array(size);
    marks.set(this.marks);
    const touched = new Int32Array(size);
    touched.set(this.touched);
    this.values = values;
    this.marks = marks;
    this.touched = touched;
  }

  /** values[id] += x (from 0 on first touch). */
  add(id: number, x: number): void {
    if (this.marks[id] !== 1) {
      this.marks[id] = 1;
      this.touched[this.count++] = id;
      this.values[id] = 0 + x;
    } else this.values[id] = (this.values[id] ?? 0) + x;
  }

  /** add(ids[k], weight * weights[k]) for k below n, in order. */
  addAll(ids: Int32Array, weights: Float64Array, n: number, weight: number): void {
    for (let k = 0; k < n; k++) {
      const id = ids[k]!;
      const x = weight * weights[k]!;
      if (this.marks[id] !== 1) {
        this.marks[id] = 1;
        this.touched[this.count++] = id;
        this.values[id] = 0 + x;
      } else this.values[id] = this.values[id]! + x;
    }
  }

  /** values[id] = max(values[id], x) (from 0 on first touch). */
  max(id: number, x: number): void {
    if (this.marks[id] !== 1) {
      this.marks[id] = 1;
      this.touched[this.count++] = id;
      this.values[id] = Math.max(0, x);
    } else this.values[id] = Math.max(this.values[id] ?? 0, x);
  }

  /** The sum of the values (of their squares), added in the order first touched. */
  sum(squares = false): number {
    let total = 0;
    for (let i = 0; i < this.count; i++) {
      const v = this.values[this.touched[i]!]!;
      total += squares ? v * v : v;
    }
    return total;
  }

  /** The touched ids, ascending. */
  sortedIds(): Int32Array {
    return this.touched.slice(0, this.count).sort();
  }

  /** The values of these ids (as 32-bit floats). */
  valuesOf(ids: Int32Array): Float32Array {
    const out = new Float32Array(ids.length);
    for (let i = 0; i < ids.length; i++) out[i] = this.values[ids[i]!]!;
    return out;
  }

  /**
   * Writes the touched ids, ascending, and their values to ids/values from `at` (room for
   * `count` more is the caller's); returns the end. Insertion sort: a line has a few terms.
   */
  writeSorted(ids: Int32Array, values: Float32Array, at: number): number {
    for (let i = 0; i < this.count; i++) {
      const id = this.touched[i]!;
      let k = at + i;
      while (k > at && ids[k - 1]! > id) {
        ids[k] = ids[k - 1]!;
        k--;
      }
      ids[k] = id;
    }
    for (let k = at; k < at + this.count; k++) values[k] = this.values[ids[k]!]!;
    return at + this.count;
  }

  reset(): void {
    for (let i = 0; i < this.count; i++) this.marks[this.touched[i]!] = 0;
    this.count = 0;
  }
}

/**
 * A Map from small integers (documents, term ids) to numbers for one question at a time: a dense
 * table reused between questions, so a question allocates nothing for it at any index size.
 */
export class ScratchMap {
  private values = new Float64Array(0);
  private marks = new Uint8Array(0);
  private keys = new Int32Array(0);
  size = 0;

  /** Empties the map for keys below n. */
  reset(n: number): this {
    for (let i = 0; i < this.size; i++) {
      this.marks[this.keys[i]!] = 0;
      this.values[this.keys[i]!] = 0;
    }
    this.size = 0;
    if (this.values.length < n) {
      this.values = new Float64Array(n);
      this.marks = new Uint8Array(n);
      this.keys = new Int32Array(n);
    }
    return this;
  }

  get(key: number): number | undefined {
    return this.marks[key] === 1 ? this.values[key] : undefined;
  }

  /**
   * The values by key, 0 where unset (reset zeroes what was set): for a hot loop that multiplies
   * by the value, one array read instead of a lookup and a branch. Valid until the next reset.
   */
  dense(): Float64Array {
    return this.values;
  }

  set(key: number, value: number): void {
    if (this.marks[key] !== 1) {
      this.marks[key] = 1;
      this.keys[this.size++] = key;
    }
    this.values[key] = value;
  }

  /** value += x, from 0 (as map.set(key, (map.get(key) ?? 0) + x)). */
  add(key: number, x: number): void {
    this.set(key, (this.get(key) ?? 0) + x);
  }

  /**
   * The `k` keys with the largest values, largest first, ties by smaller key: what sorting all
   * entries by (value descending, key ascending) and taking the first k gives.
   */
  top(k: number): number[] {
    const out: number[] = [];
    const before = (a: number, b: number) => {
      const va = this.values[a]!;
      const vb = this.values[b]!;
      return va > vb || (va === vb && a < b);
    };
    for (let i = 0; i < this.size; i++) {
      const key = this.keys[i]!;
      if (out.length === k && !before(key, out[k - 1]!)) continue;
      let lo = 0;
      let hi = out.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (before(out[mid]!, key)) lo = mid + 1;
        else hi = mid;
      }
      out.splice(lo, 0, key);
      if (out.length > k) out.pop();
    }
    return out;
  }
}
