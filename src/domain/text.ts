/**
 * Public. Text normalisation shared by provenance checks and search.
 */

/**
 * Unicode's White_Space characters, written out: JavaScript's `\s` also matches U+FEFF (a
 * zero-width format character), which would let a quote with U+FEFF in place of a space
 * pass as verbatim.
 */
const WHITE_SPACE = /[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/gu;

/** Collapses every run of white space (including NBSP and line breaks) to one space. */
export function normalizeWhitespace(text: string): string {
  return text.replace(WHITE_SPACE, ' ').trim();
}

/**
 * Characters no curated text may hold: control characters (but tab and line breaks),
 * bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which
 * can make a name display as something else, and lone surrogates.
 */
const UNSAFE_TEXT =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/** Why a curated text is refused, or undefined when it is fine. */
export function unsafeTextReason(text: string): string | undefined {
  const match = UNSAFE_TEXT.exec(text);
  if (!match) return undefined;
  const code = match[0].codePointAt(0) ?? 0;
  const name =
    code >= 0xd800 && code <= 0xdfff ? 'a lone surrogate' : code >= 0x202a ? 'a bidirectional control character' : 'a control character';
  return `contains ${name} (U+${code.toString(16).toUpperCase().padStart(4, '0')}) at position ${match.index}`;
}

/** Format characters (Unicode category Cf: zero-width spaces, joiners, marks): never in a quote. */
const FORMAT_CHARACTER = /\p{Cf}/u;

/** Words (runs of letters or digits) and characters a quote needs to state a fact. */
export const MIN_QUOTE_WORDS = 3;
export const MIN_QUOTE_CHARACTERS = 12;

/** Why a provenance quote is refused (too short to state a fact, format characters), or undefined. */
export function badQuoteReason(quote: string): string | undefined {
  const format = FORMAT_CHARACTER.exec(quote);
  if (format) {
    const code = format[0].codePointAt(0) ?? 0;
    return `contains the format character U+${code.toString(16).toUpperCase().padStart(4, '0')} at position ${format.index}; quote the text as written`;
  }
  const normalized = normalizeWhitespace(quote);
  const words = normalized.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0).length;
  if (words < MIN_QUOTE_WORDS && normalized.length < MIN_QUOTE_CHARACTERS) {
    return `is too short to state a fact (at least ${MIN_QUOTE_WORDS} words or ${MIN_QUOTE_CHARACTERS} characters)`;
  }
  return undefined;
}

// Arabic tashkeel (harakat, tanwin, shadda, sukun, superscript alef, Quranic marks) and tatweel.
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/gu;
// Latin and other combining diacritics, exposed by NFKD decomposition.
const COMBINING_MARKS = /\p{M}/gu;

/**
 * Urdu and Persian letter forms and their Arabic counterparts: a user in Pakistan types
 * ک and ی where the Arabic source writes ك and ي. Letters Arabic lacks are folded the way
 * Arabic writes them in names (پاکستان → باكستان, کراچی → كراتشي): p as ب, ch as تش, the
 * retroflex ٹ ڈ ڑ as ت د ر, zh as ز. گ stays: Arabic writes g as ج, غ or ك by region.
 */
const PERSO_ARABIC_LETTERS: Readonly<Record<string, string>> = {
  ک: 'ك', // U+06A9 keheh
  ڪ: 'ك', // U+06AA swash kaf
  ی: 'ي', // U+06CC Farsi yeh
  ې: 'ي', // U+06D0 yeh (Pashto)
  ے: 'ي', // U+06D2 yeh barree (Urdu)
  ۓ: 'ي', // U+06D3 yeh barree with hamza
  ہ: 'ه', // U+06C1 heh goal (Urdu)
  ۂ: 'ه', // U+06C2 heh goal with hamza
  ھ: 'ه', // U+06BE heh doachashmee (Urdu aspiration)
  ە: 'ه', // U+06D5 ae
  ۀ: 'ه', // U+06C0 heh with yeh
  ۃ: 'ة', // U+06C3 teh marbuta goal
  پ: 'ب', // U+067E peh
  چ: 'تش', // U+0686 tcheh
  ٹ: 'ت', // U+0679 tteh
  ڈ: 'د', // U+0688 ddal
  ڑ: 'ر', // U+0691 rreh
  ژ: 'ز', // U+0698 jeh
};
const PERSO_ARABIC = new RegExp(`[${Object.keys(PERSO_ARABIC_LETTERS).join('')}]`, 'gu');
// Arabic-Indic (٠–٩) and Extended Arabic-Indic (۰–۹, Persian and Urdu) digits.
const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/gu;

/**
 * Folds text for matching: case, Latin diacritics, Arabic tashkeel and tatweel, Urdu and
 * Persian letter forms (ک → ك, ی → ي, ہ → ه, ۃ → ة, …), Arabic-Indic digits, and the
 * Arabic letter variants people type interchangeably (أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ → و,
 * ئ → ي). Applied to both the indexed names and the query.
 */
export function foldForSearch(text: string): string {
  return text
    .replace(ARABIC_MARKS, '')
    .replace(PERSO_ARABIC, (letter) => PERSO_ARABIC_LETTERS[letter] ?? letter)
    .replace(ARABIC_DIGITS, (digit) => String((digit.codePointAt(0) ?? 0) & 0xf))
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
