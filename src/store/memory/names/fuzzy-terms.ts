/**
 * Internal. The terms of a sorted list within a Levenshtein distance of a query term,
 * found as a walk of the trie the sorted list implies: terms that share a prefix with the
 * previous one reuse its rows of the edit-distance table, and once every cell of a row is
 * past the distance, every term with that prefix is skipped by one binary search.
 */
import { int32At, itemAt } from '../columns';

/** Index of the first term not less than `text`. */
export function lowerBound(terms: readonly string[], text: string, from = 0): number {
  let low = from;
  let high = terms.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (itemAt(terms, middle) < text) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Index of the first term at or after `from` that does not start with `prefix`. */
export function endOfPrefix(terms: readonly string[], prefix: string, from: number): number {
  const last = prefix.charCodeAt(prefix.length - 1);
  if (last < 0xffff) return lowerBound(terms, prefix.slice(0, -1) + String.fromCharCode(last + 1), from);
  let index = from;
  while (index < terms.length && itemAt(terms, index).startsWith(prefix)) index += 1;
  return index;
}

function commonPrefixLength(a: string, b: string, limit: number): number {
  const bound = Math.min(limit, a.length, b.length);
  let length = 0;
  while (length < bound && a.charCodeAt(length) === b.charCodeAt(length)) length += 1;
  return length;
}

/** Calls `visit(index, distance)` for each term within `maxDistance` edits of `query`. */
export function forEachFuzzyTerm(
  terms: readonly string[],
  query: string,
  maxDistance: number,
  visit: (index: number, distance: number) => void,
): void {
  const width = query.length + 1;
  let rows = new Int32Array(width * 16);
  for (let j = 0; j < width; j += 1) rows[j] = j;
  let previous = '';
  // Rows 0 … valid hold the table for the first `valid` characters of `previous`.
  let valid = 0;
  let index = 0;
  while (index < terms.length) {
    const term = itemAt(terms, index);
    if ((term.length + 1) * width > rows.length) {
      const grown = new Int32Array((term.length + 1) * width * 2);
      grown.set(rows);
      rows = grown;
    }
    let pruned = 0;
    for (let depth = commonPrefixLength(previous, term, valid) + 1; depth <= term.length; depth += 1) {
      const code = term.charCodeAt(depth - 1);
      const row = depth * width;
      const above = row - width;
      rows[row] = depth;
      let smallest = depth;
      for (let j = 1; j < width; j += 1) {
        const substitute = int32At(rows, above + j - 1) + (query.charCodeAt(j - 1) === code ? 0 : 1);
        const value = Math.min(int32At(rows, above + j) + 1, int32At(rows, row + j - 1) + 1, substitute);
        rows[row + j] = value;
        if (value < smallest) smallest = value;
      }
      if (smallest > maxDistance) {
        pruned = depth;
        break;
      }
    }
    previous = term;
    if (pruned > 0) {
      valid = pruned - 1;
      index = endOfPrefix(terms, term.slice(0, pruned), index);
      continue;
    }
    valid = term.length;
    const distance = int32At(rows, term.length * width + query.length);
    if (distance <= maxDistance) visit(index, distance);
    index += 1;
  }
}
