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

/** Whether `other` begins with the first `length` characters of `term`. */
function sharesPrefix(other: string, term: string, length: number): boolean {
  if (other.length < length) return false;
  for (let i = length - 1; i >= 0; i -= 1) if (other.charCodeAt(i) !== term.charCodeAt(i)) return false;
  return true;
}

/**
 * Index of the first term after `from` that does not begin with the first `length`
 * characters of `terms[from]`: galloping, then halving, without building the prefix (a
 * fuzzy walk skips many small subtrees, so most skips end within a few steps).
 */
function skipSubtree(terms: readonly string[], from: number, length: number): number {
  const term = itemAt(terms, from);
  let inside = from;
  let step = 1;
  let outside = from + 1;
  while (outside < terms.length && sharesPrefix(itemAt(terms, outside), term, length)) {
    inside = outside;
    step *= 2;
    outside = from + step;
  }
  outside = Math.min(outside, terms.length);
  while (outside - inside > 1) {
    const middle = (inside + outside) >>> 1;
    if (sharesPrefix(itemAt(terms, middle), term, length)) inside = middle;
    else outside = middle;
  }
  return outside;
}

function commonPrefixLength(a: string, b: string, limit: number): number {
  const bound = Math.min(limit, a.length, b.length);
  let length = 0;
  while (length < bound && a.charCodeAt(length) === b.charCodeAt(length)) length += 1;
  return length;
}

/**
 * Calls `visit(index, distance)` for each term within `maxDistance` edits of `query`. Only
 * the band of the table within `maxDistance` of the diagonal is computed: a cell outside it
 * is more than `maxDistance` by its position alone.
 */
export function forEachFuzzyTerm(
  terms: readonly string[],
  query: string,
  maxDistance: number,
  visit: (index: number, distance: number) => void,
): void {
  const width = query.length + 1;
  const far = maxDistance + 1;
  let rows = new Int32Array(width * 16);
  for (let j = 0; j < width; j += 1) rows[j] = Math.min(j, far);
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
      const low = Math.max(1, depth - maxDistance);
      const high = Math.min(query.length, depth + maxDistance);
      if (low > high) {
        pruned = depth;
        break;
      }
      const code = term.charCodeAt(depth - 1);
      const row = depth * width;
      const above = row - width;
      // The band of the row above: [low - 1 or 1, high - 1 or high], column 0 always.
      const aboveLow = Math.max(1, depth - 1 - maxDistance);
      const aboveHigh = Math.min(query.length, depth - 1 + maxDistance);
      let left = low === 1 ? Math.min(depth, far) : far;
      let smallest = left;
      for (let j = low; j <= high; j += 1) {
        const up = j > aboveHigh ? far : int32At(rows, above + j);
        const diagonal = j - 1 === 0 ? Math.min(depth - 1, far) : j - 1 < aboveLow ? far : int32At(rows, above + j - 1);
        const value = Math.min(up + 1, left + 1, diagonal + (query.charCodeAt(j - 1) === code ? 0 : 1), far);
        rows[row + j] = value;
        left = value;
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
      index = skipSubtree(terms, index, pruned);
      continue;
    }
    valid = term.length;
    const reachable = query.length >= term.length - maxDistance && query.length <= term.length + maxDistance;
    const distance = reachable ? int32At(rows, term.length * width + query.length) : far;
    if (distance <= maxDistance) visit(index, distance);
    index += 1;
  }
}
