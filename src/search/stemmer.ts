/**
 * The Snowball stemmer for Swedish (snowballstem.org/algorithms/swedish), run on text that is
 * already lower-cased and folded (å/ä -> a, ö -> o): users often type without diacritics, so the
 * index and the query are folded the same way before stemming.
 */

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'ä', 'å', 'ö']);
const S_ENDING = new Set([
  'b',
  'c',
  'd',
  'f',
  'g',
  'h',
  'j',
  'k',
  'l',
  'm',
  'n',
  'o',
  'p',
  'r',
  't',
  'v',
  'y',
]);

const STEP1_SUFFIXES = [
  'heterna',
  'hetens',
  'anden',
  'heten',
  'heter',
  'arnas',
  'ernas',
  'ornas',
  'andes',
  'arens',
  'andet',
  'arna',
  'erna',
  'orna',
  'ande',
  'arne',
  'aste',
  'aren',
  'ades',
  'erns',
  'ade',
  'are',
  'ern',
  'ens',
  'het',
  'ast',
  'ad',
  'en',
  'ar',
  'er',
  'or',
  'as',
  'es',
  'at',
  // Beyond Snowball: the definite forms -et and -an ("hotet", "beslutet", "skolan", "anmälan") so
  // they meet their base forms (Snowball leaves them; in chat questions they are everywhere).
  'et',
  'an',
  'a',
  'e',
].sort((a, b) => b.length - a.length);

/** Step 1's suffixes by their last letter, in the same order (longest first). */
const STEP1_BY_LAST = new Map<string, string[]>();
for (const suffix of STEP1_SUFFIXES) {
  const last = suffix[suffix.length - 1] ?? '';
  STEP1_BY_LAST.set(last, [...(STEP1_BY_LAST.get(last) ?? []), suffix]);
}
const NO_SUFFIXES: string[] = [];

const STEP2_ENDINGS = ['dd', 'gd', 'nn', 'dt', 'gt', 'kt', 'tt'];
const STEP3_SUFFIXES = ['lig', 'els', 'ig'];

/** Start of region R1: after the first non-vowel that follows a vowel, but at least at index 3. */
function regionR1(word: string): number {
  for (let i = 1; i < word.length; i++) {
    if (!VOWELS.has(word[i] ?? '') && VOWELS.has(word[i - 1] ?? '')) return Math.max(3, i + 1);
  }
  return word.length;
}

/** Stems one lower-case word. Words shorter than 3 letters are returned as they are. */
export function stemSwedish(input: string): string {
  let word = input;
  if (word.length < 3) return word;
  const r1 = regionR1(word);

  // Step 1: the longest suffix found in R1.
  let step1Done = false;
  for (const suffix of STEP1_BY_LAST.get(word[word.length - 1] ?? '') ?? NO_SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= r1) {
      word = word.slice(0, -suffix.length);
      step1Done = true;
      break;
    }
  }
  if (
    !step1Done &&
    word.endsWith('s') &&
    word.length - 1 >= r1 &&
    S_ENDING.has(word[word.length - 2] ?? '')
  ) {
    word = word.slice(0, -1);
  }

  // Step 2: undouble a final consonant pair in R1.
  if (word.length - 2 >= r1) {
    for (const e of STEP2_ENDINGS) {
      if (word.endsWith(e)) {
        word = word.slice(0, -1);
        break;
      }
    }
  }

  // Step 3.
  if (word.endsWith('fullt') && word.length - 5 >= r1) word = word.slice(0, -1);
  else if ((word.endsWith('löst') || word.endsWith('lost')) && word.length - 4 >= r1)
    word = word.slice(0, -1);
  else {
    for (const suffix of STEP3_SUFFIXES) {
      if (word.endsWith(suffix) && word.length - suffix.length >= r1) {
        word = word.slice(0, -suffix.length);
        break;
      }
    }
  }
  return word;
}
