/**
 * Internal. The terms of a sorted list within a Levenshtein distance of a query term,
 * found as a walk of the trie the sorted list implies: terms that share a prefix with the
 * previous one reuse its rows of the edit-distance table, and once every cell of a row is
 * past the distance, every term with that prefix is skipped.
 *
 * How much each term shares with the one before it is worked out once, when the list is
 * built (SharedPrefixes), so the walk neither compares strings to know which rows it may
 * reuse nor to find where a subtree ends: at a million relations (300k terms) each skip by
 * binary search read a dozen or more strings scattered over the heap, and a walk took about
 * half a millisecond.
 */
import { int32At, itemAt, uint8At } from '../columns';

/** Blocks of one level of SharedPrefixes per block of the level above. */
const FANOUT = 8;
/** A shared prefix is a byte: longer ones are recorded as this (the walk then only reuses fewer rows). */
const MOST_SHARED = 255;

/**
 * Of a sorted term list, how the trie it implies branches, in bytes: `levels[0][i]` is how
 * many leading code units term `i` shares with the term before it (0 for the first), at most
 * MOST_SHARED; each level above holds the least of each FANOUT entries of the one below, so
 * a skip passes whole blocks of 8, 64, 512 … terms in one read each.
 */
export interface SharedPrefixes {
  readonly levels: readonly Uint8Array[];
}

export function sharedPrefixesOf(terms: readonly string[]): SharedPrefixes {
  const shared = new Uint8Array(terms.length);
  for (let i = 1; i < terms.length; i += 1) shared[i] = commonPrefixLength(itemAt(terms, i - 1), itemAt(terms, i), MOST_SHARED);
  const levels = [shared];
  for (let below = shared; below.length > FANOUT;) {
    const level = new Uint8Array(Math.ceil(below.length / FANOUT)).fill(MOST_SHARED);
    for (let i = 0; i < below.length; i += 1) {
      const block = Math.floor(i / FANOUT);
      level[block] = Math.min(uint8At(level, block), uint8At(below, i));
    }
    levels.push(level);
    below = level;
  }
  return { levels };
}

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

/**
 * Index of the first term after `from` that does not begin with the first `length`
 * characters of `terms[from]` (or the list's length): the first whose shared prefix is less
 * than `length` (beyond MOST_SHARED, possibly one sooner inside the subtree, which the walk
 * only reads again). Up the levels past blocks wholly inside the subtree, then down into the
 * block where it ends: a few reads of each level, however large the subtree.
 */
export function skipSubtree({ levels }: SharedPrefixes, from: number, length: number): number {
  const count = itemAt(levels, 0).length;
  let at = from + 1;
  let level = 0;
  let size = 1;
  // `at` is a multiple of `size`, the block size of `level`.
  for (;;) {
    if (at >= count) return count;
    if (uint8At(itemAt(levels, level), at / size) < length) break;
    at += size;
    if (level + 1 < levels.length && at % (size * FANOUT) === 0) {
      level += 1;
      size *= FANOUT;
    }
  }
  // The block at `at` holds the end; so does one of its FANOUT blocks below.
  while (level > 0) {
    level -= 1;
    size /= FANOUT;
    while (uint8At(itemAt(levels, level), at / size) >= length) at += size;
  }
  return at;
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
  prefixes: SharedPrefixes,
  query: string,
  maxDistance: number,
  visit: (index: number, distance: number) => void,
): void {
  const shared = itemAt(prefixes.levels, 0);
  const width = query.length + 1;
  const far = maxDistance + 1;
  let rows = new Int32Array(width * 16);
  for (let j = 0; j < width; j += 1) rows[j] = Math.min(j, far);
  // Rows 0 … valid hold the table for the first `valid` characters of the term before.
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
    for (let depth = Math.min(valid, uint8At(shared, index)) + 1; depth <= term.length; depth += 1) {
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
    if (pruned > 0) {
      // The terms skipped share `pruned` units with this one, the next fewer: it shares with
      // this one what it shares with the term before it (sorted order).
      valid = pruned - 1;
      index = skipSubtree(prefixes, index, pruned);
      continue;
    }
    valid = term.length;
    const reachable = query.length >= term.length - maxDistance && query.length <= term.length + maxDistance;
    const distance = reachable ? int32At(rows, term.length * width + query.length) : far;
    if (distance <= maxDistance) visit(index, distance);
    index += 1;
  }
}
