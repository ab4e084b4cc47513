import { stemSwedish } from './stemmer';

/**
 * Text normalisation shared by the index and the query, so both sides agree: Unicode NFKC, lower
 * case, diacritics folded (å/ä -> a, ö -> o: people type "sakerhet" as often as "säkerhet"),
 * punctuation removed, stop words dropped, then Swedish stemming.
 */

const SWEDISH_STOPWORDS = [
  'och',
  'att',
  'det',
  'som',
  'en',
  'ett',
  'på',
  'är',
  'av',
  'för',
  'med',
  'till',
  'den',
  'de',
  'i',
  'om',
  'har',
  'inte',
  'jag',
  'du',
  'vi',
  'ni',
  'han',
  'hon',
  'hen',
  'man',
  'mig',
  'mej',
  'dig',
  'dej',
  'oss',
  'er',
  'sig',
  'min',
  'mitt',
  'mina',
  'din',
  'ditt',
  'dina',
  'vår',
  'vårt',
  'våra',
  'er',
  'ert',
  'era',
  'hans',
  'hennes',
  'deras',
  'sin',
  'sitt',
  'sina',
  'vad',
  'vem',
  'vilka',
  'vilken',
  'vilket',
  'hur',
  'när',
  'var',
  'varför',
  'kan',
  'ska',
  'skall',
  'måste',
  'får',
  'fick',
  'bör',
  'borde',
  'vill',
  'kunde',
  'skulle',
  'gör',
  'göra',
  'gjorde',
  'blir',
  'bli',
  'blev',
  'blivit',
  'varit',
  'vara',
  'finns',
  'fanns',
  'sen',
  'då',
  'så',
  'men',
  'eller',
  'också',
  'även',
  'nu',
  'här',
  'där',
  'this',
  'något',
  'någon',
  'några',
  'nåt',
  'nån',
  'nån',
  'ngn',
  'ngt',
  'alla',
  'allt',
  'andra',
  'annan',
  'annat',
  'mycket',
  'lite',
  'bara',
  'redan',
  'ju',
  'väl',
  'typ',
  'liksom',
  'ens',
  'from',
  'ha',
  'hade',
  'haft',
  'dom',
  'dem',
  'denna',
  'detta',
  'dessa',
  'mot',
  'efter',
  'under',
  'över',
  'vid',
  'utan',
  'sedan',
  'än',
  'hos',
  'ut',
  'upp',
  'in',
  'ner',
  'också',
  'hej',
  'tack',
  'snälla',
  'kolla',
  'fråga',
  'undrar',
  'gäller',
  'egentligen',
  'iaf',
  'asså',
  'alltså',
  'ok',
  'okej',
  'va',
  'e',
  'o',
  'ja',
  'nej',
  'jo',
  'sånt',
  'sådant',
  'sådan',
  'sån',
  'dvs',
  'osv',
  'mm',
  'bla',
  't',
  'ex',
  'tex',
  'även',
  'vart',
  'vars',
  'just',
  'själv',
  'själva',
  'egen',
  'eget',
  'egna',
  'någonting',
  'ingen',
  'inget',
  'inga',
  'kommer',
  'behöver',
  'gjort',
  'göras',
  'gå',
  'går',
  'gick',
  'säga',
  'sa',
  'sagt',
  'tror',
  'tänker',
  'veta',
  'vet',
  'visste',
  // Time fillers: "idag" says nothing about the topic, and made short small-talk examples look alike.
  'idag',
  'igår',
  'imorgon',
  'ikväll',
  'inatt',
  'imorse',
  'ibland',
  'alltid',
  'aldrig',
  'ofta',
  'snart',
];

const ENGLISH_STOPWORDS = [
  'the',
  'a',
  'an',
  'and',
  'or',
  'of',
  'to',
  'in',
  'on',
  'at',
  'for',
  'with',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'i',
  'me',
  'my',
  'you',
  'your',
  'we',
  'our',
  'it',
  'its',
  'this',
  'that',
  'what',
  'who',
  'how',
  'when',
  'where',
  'why',
  'do',
  'does',
  'did',
  'can',
  'could',
  'should',
  'would',
  'will',
  'must',
  'have',
  'has',
  'had',
  'if',
  'about',
  'by',
  'from',
  'as',
  'there',
  'someone',
  'something',
  'some',
  'any',
  'just',
  'am',
  'get',
  'got',
  'please',
  'hi',
  'hello',
  'which',
  'whom',
  'they',
  'them',
  'their',
  'he',
  'she',
  'his',
  'her',
  'not',
  'so',
  // Time fillers carry no topic.
  'today',
  'yesterday',
  'tomorrow',
  'now',
  'always',
  'never',
  'often',
];

const PLAIN = /^[\x20-\x7eåäöÅÄÖàáâòóôéèêëüÉÜ\n\t]*$/;

/** Lower case, NFKC, and å/ä/ö/é… folded to their base letters. */
export function fold(text: string): string {
  // Fast path for plain Swedish and English text (almost all of it): no Unicode normalisation needed.
  if (PLAIN.test(text))
    return text
      .toLowerCase()
      .replace(/[åäàáâ]/g, 'a')
      .replace(/[öòóô]/g, 'o')
      .replace(/[éèêë]/g, 'e')
      .replace(/ü/g, 'u');
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[æ]/g, 'a')
    .replace(/[ø]/g, 'o');
}

const STOPWORDS = new Set([...SWEDISH_STOPWORDS, ...ENGLISH_STOPWORDS].map(fold));
const ENGLISH_MARKERS = new Set(ENGLISH_STOPWORDS.filter((w) => !SWEDISH_STOPWORDS.includes(w)).map(fold));
const SWEDISH_MARKERS = new Set(SWEDISH_STOPWORDS.filter((w) => !ENGLISH_STOPWORDS.includes(w)).map(fold));

/** Folded words of a text, in order, stop words included. Digits are kept ("112", "72"). */
export function words(text: string): string[] {
  const out: string[] = [];
  scanWords(text, (codes, n, source, start) =>
    out.push(start >= 0 ? source.slice(start, start + n) : String.fromCharCode(...codes.subarray(0, n))),
  );
  return out;
}

/**
 * Receives a word from scanWords: its char codes are codes[0, n) (the array is reused between
 * calls); when start >= 0 the word is also source.slice(start, start + n) as it stands.
 */
export type WordVisitor = (codes: Uint16Array, n: number, source: string, start: number) => void;

/**
 * words() without making strings (see WordVisitor). Plain text (almost all of it) is scanned in
 * one pass; wordsByRegex is the definition, and other text goes through it.
 */
export function scanWords(text: string, word: WordVisitor): void {
  if (!PLAIN.test(text)) {
    for (const w of wordsByRegex(text)) {
      // Folding may lengthen a word ("ß" -> "ss").
      if (wordCodes.length < w.length) wordCodes = new Uint16Array(w.length * 2);
      for (let k = 0; k < w.length; k++) wordCodes[k] = w.charCodeAt(k);
      word(wordCodes, w.length, w, 0);
    }
    return;
  }
  if (wordCodes.length < text.length) wordCodes = new Uint16Array(text.length * 2);
  const buf = wordCodes;
  const s = text;
  let n = 0;
  /** Where the word began in s; -1 once it is not a plain slice of s (a letter folded, a number joined). */
  let start = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 32;
    const f = FOLDED[c] ?? c;
    if (isWordChar(f)) {
      if (n === 0) start = i;
      if (f !== c) start = -1;
      buf[n++] = f;
      continue;
    }
    if (n === 0) continue;
    if (isSpace(c) && isDigit(buf[n - 1]!)) {
      // "114 14" is one number: read on from the next digit.
      let j = i + 1;
      while (j < s.length && isSpace(s.charCodeAt(j))) j++;
      if (j < s.length && isDigit(s.charCodeAt(j))) {
        start = -1;
        i = j - 1;
        continue;
      }
    }
    word(buf, n, s, start);
    n = 0;
  }
}

let wordCodes = new Uint16Array(256);

/** What words() does, as regular expressions (scanWords must agree: search.test.ts). */
export function wordsByRegex(text: string): string[] {
  return fold(text)
    .replace(/(\d)\s+(?=\d)/g, '$1') // "114 14" -> "11414"
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

const isDigit = (c: number) => c >= 48 && c <= 57;
/** \s within plain text (tab, newline, space; vertical tab, form feed and return for safety). */
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
/** Letters and digits of folded plain text: a-z and 0-9. */
const isWordChar = (c: number) => (c >= 97 && c <= 122) || isDigit(c);

/** What fold() makes of each character of plain text (all below 256), as char codes: A -> a, Å/ä/é -> a/a/e. */
const FOLDED = Uint16Array.from({ length: 256 }, (_, c) => {
  const ch = String.fromCharCode(c);
  const f = PLAIN.test(ch) ? fold(ch) : ch;
  return f.length === 1 ? f.charCodeAt(0) : c;
});

/** True for words that carry no topic (Swedish and English function words). */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** A folded word's stem. */
export function stem(word: string): string {
  let s = stemMemo.get(word);
  if (s === undefined) {
    s = /^\d+$/.test(word) ? word : (STEM_EXCEPTIONS[word] ?? stemSwedish(word));
    // Bounded: cleared when full (every word anyone types passes through here).
    if (stemMemo.size >= STEM_MEMO_SIZE) stemMemo.clear();
    stemMemo.set(word, s);
  }
  return s;
}

/** Everyday words the stemmer would fold into a domain word ("laga" mat -> "lag", law). */
const STEM_EXCEPTIONS: Record<string, string> = { laga: 'laga', lagade: 'laga', lagat: 'laga' };

/** Stemming is the hot spot of building an index; the same words recur across documents. */
const STEM_MEMO_SIZE = 50_000;
const stemMemo = new Map<string, string>();

/** Content terms of a text: folded, stop words dropped, stemmed. */
export function terms(text: string): string[] {
  return words(text)
    .filter((w) => !isStopword(w))
    .map(stem)
    .filter((t) => t.length > 1);
}

/** How many English-only and Swedish-only function words a text has. */
function languageMarkers(text: string): { en: number; sv: number } {
  let en = 0;
  let sv = 0;
  for (const w of words(text)) {
    if (ENGLISH_MARKERS.has(w)) en++;
    if (SWEDISH_MARKERS.has(w)) sv++;
  }
  return { en, sv };
}

/**
 * Guesses whether a message is English rather than Swedish, from function words and letters only
 * Swedish has. Used to choose the bot's own texts; answers stay Swedish.
 */
export function looksEnglish(text: string): boolean {
  if (/[åäöÅÄÖ]/.test(text)) return false;
  const { en, sv } = languageMarkers(text);
  return en >= 2 && en > sv;
}

/** The opposite guess: Swedish letters or more Swedish than English function words. */
export function looksSwedish(text: string): boolean {
  if (/[åäöÅÄÖ]/.test(text)) return true;
  const { en, sv } = languageMarkers(text);
  return sv >= 1 && sv > en;
}
