/**
 * Public. Text normalisation shared by provenance checks and search.
 */

/** Collapses every run of white space (including NBSP and line breaks) to one space. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

// Arabic tashkeel (harakat, tanwin, shadda, sukun, superscript alef, Quranic marks) and tatweel.
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/gu;
// Latin and other combining diacritics, exposed by NFKD decomposition.
const COMBINING_MARKS = /\p{M}/gu;

/**
 * Folds text for matching: case, Latin diacritics, Arabic tashkeel and tatweel, and the
 * Arabic letter variants people type interchangeably (أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ → و,
 * ئ → ي). Applied to both the indexed names and the query.
 */
export function foldForSearch(text: string): string {
  return text
    .replace(ARABIC_MARKS, '')
    .replace(/[أإآٱ]/gu, 'ا')
    .replace(/ى/gu, 'ي')
    .replace(/ة/gu, 'ه')
    .replace(/ؤ/gu, 'و')
    .replace(/ئ/gu, 'ي')
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase();
}

/** Splits folded text into search terms (letters and digits of any script). */
export function searchTerms(text: string): string[] {
  return foldForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length > 0);
}
