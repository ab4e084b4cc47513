import { isStopword, stem, words } from './normalize';
import type { QueryTerm } from './vocabulary';

/**
 * Scratch tables for building the knowledge index. A build of 10 000 entries meets a few million
 * term occurrences; these keep them in typed arrays (no Map, no object per term) so the build
 * costs arithmetic, not allocation and garbage collection.
 */

/**
 * The texts of a build split into words once: each distinct word is folded, checked against the
 * stop words and stemmed once, and a text is kept as the ids of its content words.
 */
export class TextWords {
  /** Content words (folded) and their stems, by word id. */
  readonly folded: string[] = [];
  readonly stems: string[] = [];
  /** Word -> id; -1 for a stop word. */
  private readonly ids = new Map<string, number>();

  /** The text's content words as ids; `onNew` sees the stem of each word met for the first time. */
  split(text: string, onNew: (stem: string) => void): number[] {
    const out: number[] = [];
    for (const w of words(text)) {
      let id = this.ids.get(w);
      if (id === undefined) {
        if (isStopword(w)) id = -1;
        else {
          id = this.folded.length;
          this.folded.push(w);
          this.stems.push(stem(w));
          onNew(this.stems[id]!);
        }
        this.ids.set(w, id);
      }
      if (id >= 0) out.push(id);
    }
    return out;
  }
}

/**
 * Every distinct text of a build analysed once, its terms resolved to term ids and kept as
 * (id, weight) pairs in one pool. The same answers and steps recur across entries, and a title or
 * question is needed twice (term frequencies, then the nearest-question probes).
 */
export class AnalysedTexts {
  /** Term ids (-1: a term the index has no id for) and weights of every analysed text, back to back. */
  ids = new Int32Array(1 << 12);
  weights = new Float64Array(1 << 12);
  private used = 0;
  private readonly slots = new Map<string, number>();
  private readonly begins: number[] = [];
  private readonly ends: number[] = [];

  /**
   * @param analyse the index's analysis of a document text
   * @param resolve a term's id (may create it; -1 to leave it out); replaceable between passes
   */
  constructor(
    private readonly analyse: (text: string) => QueryTerm[],
    public resolve: (term: string) => number,
  ) {}

  /** The text's slot, analysing it on first sight. Read `ids`/`weights` after calling: they may grow. */
  slot(text: string): number {
    let s = this.slots.get(text);
    if (s !== undefined) return s;
    const terms = this.analyse(text);
    this.reserve(terms.length);
    const begin = this.used;
    for (const t of terms) {
      this.ids[this.used] = this.resolve(t.term);
      this.weights[this.used] = t.weight;
      this.used++;
    }
    s = this.begins.length;
    this.begins.push(begin);
    this.ends.push(this.used);
    this.slots.set(text, s);
    return s;
  }

  begin(slot: number): number {
    return this.begins[slot] ?? 0;
  }

  end(slot: number): number {
    return this.ends[slot] ?? 0;
  }

  private reserve(n: number): void {
    if (this.used + n <= this.ids.length) return;
    let size = this.ids.length * 2;
    while (size < this.used + n) size *= 2;
    const ids = new Int32Array(size);
    ids.set(this.ids.subarray(0, this.used));
    const weights = new Float64Array(size);
    weights.set(this.weights.subarray(0, this.used));
    this.ids = ids;
    this.weights = weights;
  }
}

/**
 * A sparse accumulator over term ids: a dense value table plus the ids touched since the last
 * reset, in the order first touched (the order a Map would iterate them in).
 */
export class TermAccumulator {
  values = new Float64Array(1 << 10);
  private marks = new Uint8Array(1 << 10);
  readonly touched: number[] = [];

  /** Makes room for ids below n. */
  ensure(n: number): void {
    if (n <= this.values.length) return;
    let size = this.values.length * 2;
    while (size < n) size *= 2;
    const values = new Float64Array(size);
    values.set(this.values);
    const marks = new Uint8Array(size);
    marks.set(this.marks);
    this.values = values;
    this.marks = marks;
  }

  has(id: number): boolean {
    return this.marks[id] === 1;
  }

  /** values[id] += x (from 0 on first touch). */
  add(id: number, x: number): void {
    if (this.marks[id] !== 1) {
      this.marks[id] = 1;
      this.touched.push(id);
      this.values[id] = 0 + x;
    } else this.values[id] = (this.values[id] ?? 0) + x;
  }

  /** values[id] = max(values[id], x) (from 0 on first touch). */
  max(id: number, x: number): void {
    if (this.marks[id] !== 1) {
      this.marks[id] = 1;
      this.touched.push(id);
      this.values[id] = Math.max(0, x);
    } else this.values[id] = Math.max(this.values[id] ?? 0, x);
  }

  /** The touched ids, ascending. */
  sortedIds(): Int32Array {
    return Int32Array.from(this.touched).sort();
  }

  reset(): void {
    for (const id of this.touched) this.marks[id] = 0;
    this.touched.length = 0;
  }
}
