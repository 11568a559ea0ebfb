/**
 * Internal. What the name index reads from a node, and how text becomes search terms: the
 * name, the Arabic name, and the other names (aliases, an organisation's acronym, a
 * country's code), split into words of letters and digits and folded (case, diacritics,
 * tashkeel, Arabic letter variants) the same way on both sides.
 */
import type { NodeRecord } from '../../../domain/graph-document';
import { foldForSearch, searchTerms } from '../../../domain/text';

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

/** The folded terms of a text, as the index and the query see them (empty ones dropped). */
export function termsOf(text: string, fold: (word: string) => string = foldForSearch): string[] {
  const terms: string[] = [];
  for (const word of tokenize(text)) {
    if (word.length === 0) continue;
    const term = fold(word);
    if (term.length > 0) terms.push(term);
  }
  return terms;
}

/** The whole text folded into one line of terms, for the exact-name comparison. */
export function collapse(text: string): string {
  return searchTerms(text).join(' ');
}

/** A folding function that remembers its answers: names repeat words a lot. */
export function memoFold(): (word: string) => string {
  const folded = new Map<string, string>();
  return (word) => {
    let term = folded.get(word);
    if (term === undefined) {
      term = foldForSearch(word);
      folded.set(word, term);
    }
    return term;
  };
}
