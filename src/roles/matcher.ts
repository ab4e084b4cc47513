import { terms } from '../search/normalize';

/**
 * Finds which catalogue entry (role, responsibility, checklist) a phrase names, by its names and
 * aliases. Terms are folded and stemmed like the knowledge search; a term also matches a longer
 * compound that starts with it ("informationssäkerhet" in "informationssäkerhetsarbetet") and a
 * near-miss spelling (one edit, two for long words).
 */
export interface NamedEntry {
  id: string;
  names: string[];
}

export interface EntryMatch {
  id: string;
  /** Higher = more specific (longer names matched in full). */
  score: number;
  /** Index of the first query term the name matched (the subject of a question comes early). */
  position: number;
}

interface Key {
  id: string;
  terms: string[];
  weight: number;
}

function editDistanceAtMost(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] ?? 0;
    prev[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      prev[j] = Math.min((prev[j] ?? 0) + 1, (prev[j - 1] ?? 0) + 1, diag + cost);
      diag = tmp;
      rowMin = Math.min(rowMin, prev[j] ?? 0);
    }
    if (rowMin > max) return false;
  }
  return (prev[b.length] ?? max + 1) <= max;
}

/** True when a query term can stand for a key term. */
export function termMatches(query: string, key: string): boolean {
  if (query === key) return true;
  if (key.length >= 4 && query.length > key.length && query.startsWith(key)) return true;
  if (
    query.length >= 5 &&
    key.length > query.length &&
    key.startsWith(query) &&
    key.length - query.length <= 3
  )
    return true;
  if (key.length >= 5 && query.length >= 5) return editDistanceAtMost(query, key, key.length >= 9 ? 2 : 1);
  return false;
}

/** Query terms remembered with the key terms they match; cleared when full (people reuse words). */
const MATCH_CACHE_SIZE = 20_000;

export class CatalogueMatcher {
  private readonly keys: Key[] = [];
  /** Every distinct key term, once: many names share words ("säkerhet", "ansvar"). */
  private readonly keyTerms: string[];
  /** Query term -> the key terms it can stand for. termMatches is an edit distance: worth keeping. */
  private readonly matchCache = new Map<string, readonly string[]>();

  constructor(entries: NamedEntry[]) {
    for (const e of entries) {
      for (const name of e.names) {
        const t = [...new Set(terms(name))];
        if (t.length === 0) continue;
        this.keys.push({ id: e.id, terms: t, weight: t.reduce((sum, x) => sum + Math.min(x.length, 12), 0) });
      }
    }
    this.keyTerms = [...new Set(this.keys.flatMap((k) => k.terms))];
  }

  private keyTermsMatching(queryTerm: string): readonly string[] {
    let found = this.matchCache.get(queryTerm);
    if (!found) {
      found = this.keyTerms.filter((kt) => termMatches(queryTerm, kt));
      if (this.matchCache.size >= MATCH_CACHE_SIZE) this.matchCache.clear();
      this.matchCache.set(queryTerm, found);
    }
    return found;
  }

  /** Entries named in the text, best first; an entry counts once, by its best-matching name. */
  match(text: string): EntryMatch[] {
    const q = terms(text);
    // For each key term, the first query position that matches it (what findIndex gave per key).
    const firstPosition = new Map<string, number>();
    q.forEach((qt, i) => {
      for (const kt of this.keyTermsMatching(qt)) if (!firstPosition.has(kt)) firstPosition.set(kt, i);
    });
    const best = new Map<string, EntryMatch>();
    for (const key of this.keys) {
      const positions = key.terms.map((kt) => firstPosition.get(kt) ?? -1).filter((p) => p >= 0);
      const hits = positions.length;
      if (hits === 0) continue;
      const full = hits === key.terms.length;
      // A partial multi-word name counts for little; a full name counts by its length.
      const score = full
        ? key.weight
        : key.terms.length > 1 && hits / key.terms.length >= 0.5
          ? key.weight * 0.3
          : 0;
      if (score > (best.get(key.id)?.score ?? 0))
        best.set(key.id, { id: key.id, score, position: Math.min(...positions) });
    }
    return [...best.values()].sort((a, b) => b.score - a.score);
  }
}
