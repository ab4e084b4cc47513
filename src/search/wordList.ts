import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stemSwedish } from './stemmer';

/**
 * Swedish words the knowledge base does not use: the Hunspell sv_SE word list shipped by the npm
 * package `dictionary-sv` (LGPL-3.0, read unmodified from node_modules at run time). It lets the
 * search split a compound whose parts the knowledge base never saw on their own
 * ("beredskapsplanering" -> beredskap + planering) and tells a real word ("regn") from a typo of
 * a knowledge-base word ("regl"), so real words are not "corrected" into something else.
 */
export interface WordList {
  /** True when the stem is a Swedish word (base forms, folded and stemmed). */
  hasStem(stem: string): boolean;
  readonly size: number;
}

let shared: WordList | undefined;

/** The shared word list, read once per process (about 150 000 base forms). */
export function swedishWordList(): WordList {
  shared ??= loadWordList(join(dirname(require.resolve('dictionary-sv')), 'index.dic'));
  return shared;
}

/** Reads a Hunspell .dic file: one "word/FLAGS" per line after a count. Proper nouns are skipped. */
export function loadWordList(file: string): WordList {
  const stems = new Set<string>();
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const slash = line.indexOf('/');
    const word = slash >= 0 ? line.slice(0, slash) : line.trim();
    // Names ("Stockholm") and abbreviations would split ordinary words into nonsense parts.
    if (word.length < 2 || !/^[a-zåäöéü]+$/.test(word)) continue;
    // The words are lower case already: folding is a few letters (cheaper than Unicode normalisation).
    stems.add(
      stemSwedish(word.replace(/[åä]/g, 'a').replace(/ö/g, 'o').replace(/é/g, 'e').replace(/ü/g, 'u')),
    );
  }
  return { hasStem: (s: string) => stems.has(s), size: stems.size };
}

/** A word list that knows no words (for generated benchmark knowledge bases and tests). */
export const EMPTY_WORD_LIST: WordList = { hasStem: () => false, size: 0 };
