/**
 * Internal. What the name index reads from a node, and how text becomes search terms: the
 * name, the Arabic name, and the other names (aliases, an organisation's acronym, a
 * country's code), split into words of letters and digits and folded (case, diacritics,
 * tashkeel, Arabic letter variants) the same way on both sides.
 */
import type { NodeRecord } from '../../../domain/graph-document';
import { foldForSearch, searchTerms } from '../../../domain/text';
import { int32At, uint8At } from '../columns';

/** Fields in index order, with the weight a match in each carries. */
export const FIELD_BOOSTS = [2, 2, 1.5] as const;
export const FIELD_COUNT = FIELD_BOOSTS.length;

/** Every name a node is found by: name, Arabic name, then aliases, acronym and code. */
export function namesOf(node: NodeRecord): string[] {
  const acronym = node.label === 'Organization' && node.acronym ? [node.acronym] : [];
  const code = node.label === 'Country' ? [node.code] : [];
  return [node.name, node.nameAr, ...(node.aliases ?? []), ...acronym, ...code];
}

/** The text of each field of a node. */
export function fieldTexts(node: NodeRecord): readonly [string, string, string] {
  const names = namesOf(node);
  return [node.name, node.nameAr, names.slice(2).join(' | ')];
}

/** Raw words of a text (split before folding, as the query is split). */
export function tokenize(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u);
}

/**
 * For each code unit below 0x700 (ASCII to the Arabic block), 1 if `tokenize` keeps it in a
 * word (a letter or digit), learnt from tokenize's own pattern: a text of such units can be
 * split by reading this table instead of running the Unicode-property regex.
 */
export const WORD_UNITS = ((): Uint8Array => {
  const table = new Uint8Array(0x700);
  for (let code = 0; code < table.length; code += 1) table[code] = tokenize(`a${String.fromCharCode(code)}a`).length === 1 ? 1 : 0;
  return table;
})();

/** Whether every code unit of `text` from `start` to `end` is in WORD_UNITS' range (else only `tokenize` splits it right). */
export function splitsByTable(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i += 1) if (text.charCodeAt(i) >= WORD_UNITS.length) return false;
  return true;
}

/** The folded terms of a text, as the index and the query see them (empty ones dropped). */
export function termsOf(text: string, fold: (word: string) => string = foldWord): string[] {
  const terms: string[] = [];
  for (const word of tokenize(text)) {
    if (word.length === 0) continue;
    const term = fold(word);
    if (term.length > 0) terms.push(term);
  }
  return terms;
}

/**
 * The whole text folded into one line of terms, for the exact-name comparison: foldForSearch
 * of the whole text, split. A text whose every character foldForSearch keeps or only
 * lower-cases folds the same word by word (nothing it removes can join or split a word),
 * so it takes `termsOf`'s shortcut: folding whole was the largest part of a search's own time.
 */
export function collapse(text: string): string {
  return isPlain(text) ? termsOf(text).join(' ') : searchTerms(text).join(' ');
}

/**
 * Whether collapse(text) is `collapsed`, read character by character (FOLDED_UNIT) so that no
 * folded text is made: the exact-name check asks this of every name of each result that
 * matched the query's terms, and collapsing them all was a tenth of an uncached HTTP search.
 * A text with a character the table does not know is collapsed and compared.
 */
export function collapsesTo(text: string, collapsed: string): boolean {
  if (!foldsByUnit(text)) return collapse(text) === collapsed;
  // foldForSearch's output, split where it is not a word unit, joined by single spaces.
  let at = 0;
  let between = false;
  for (let i = 0; i < text.length; i += 1) {
    const folded = int32At(FOLDED_UNIT, text.charCodeAt(i));
    if (folded === REMOVED) continue;
    if (uint8At(WORD_UNITS, folded) === 0) {
      between = at > 0;
      continue;
    }
    if (between) {
      if (collapsed.charCodeAt(at) !== SPACE) return false;
      at += 1;
      between = false;
    }
    if (collapsed.charCodeAt(at) !== folded) return false;
    at += 1;
  }
  return at === collapsed.length;
}

const SPACE = 0x20;
const REMOVED = -1;
const UNKNOWN = -2;

/**
 * For each code unit below 0x700, what foldForSearch makes of it alone: one code unit below
 * 0x700, or REMOVED (tashkeel, tatweel), or UNKNOWN (Latin-1 to Greek, whose lower-casing and
 * NFKD may depend on neighbours or give several units; anything that folds to more than one
 * unit). Learnt from foldForSearch itself. Over ASCII and the Arabic block foldForSearch works
 * unit by unit (character classes, NFKD's decompositions, marks dropped wherever NFKD puts
 * them), so a text of known units folds to the concatenation of their folds.
 */
const FOLDED_UNIT = ((): Int32Array => {
  const table = new Int32Array(0x700).fill(UNKNOWN);
  for (let code = 0; code < table.length; code += 1) {
    if (code >= 0x80 && code < 0x600) continue;
    const folded = foldForSearch(String.fromCharCode(code));
    if (folded.length === 0) table[code] = REMOVED;
    else if (folded.length === 1 && folded.charCodeAt(0) < table.length) table[code] = folded.charCodeAt(0);
  }
  return table;
})();

function foldsByUnit(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= FOLDED_UNIT.length || int32At(FOLDED_UNIT, code) === UNKNOWN) return false;
  }
  return true;
}

/** Whether foldForSearch keeps or only lower-cases every character of `text`. */
function isPlain(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= FOLD_OF_CHAR.length || uint8At(FOLD_OF_CHAR, code) === 0) return false;
  }
  return true;
}

/** How foldForSearch treats a character on its own: kept, lower-cased, or something else. */
const KEPT = 1;
const LOWERED = 2;

/**
 * For the characters of ASCII and the Arabic block, whether foldForSearch keeps each one or
 * only lower-cases it (read from FOLDED_UNIT): a word made only of such characters folds
 * without running its eight replacements and NFKD (most words of most names).
 */
const FOLD_OF_CHAR = ((): Uint8Array => {
  const table = new Uint8Array(FOLDED_UNIT.length);
  for (let code = 0; code < table.length; code += 1) {
    const folded = int32At(FOLDED_UNIT, code);
    if (folded === code) table[code] = KEPT;
    else if (code < 0x80 && folded === String.fromCharCode(code).toLowerCase().charCodeAt(0)) table[code] = LOWERED;
  }
  return table;
})();

/** foldForSearch of one word, without its replacements where every character is kept or only lower-cased. */
export function foldWord(word: string): string {
  let lowered = false;
  for (let i = 0; i < word.length; i += 1) {
    const code = word.charCodeAt(i);
    const fold = code < FOLD_OF_CHAR.length ? uint8At(FOLD_OF_CHAR, code) : 0;
    if (fold === LOWERED) lowered = true;
    else if (fold !== KEPT) return foldForSearch(word);
  }
  return lowered ? word.toLowerCase() : word;
}
