/**
 * Compact fingerprints of answers, so that the two engines' answers can be compared across
 * processes without shipping every row: a count plus a hash of the sorted rows.
 */

/** FNV-1a, 32 bits: enough to tell two answer sets apart. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** `count:hash` of a set of rows (order does not matter). */
export function fingerprint(rows: readonly string[]): string {
  return `${rows.length}:${fnv1a([...rows].sort().join('\n'))}`;
}

/** What each engine reports for one question; compared per question by the parent. */
export type Answer = string;
