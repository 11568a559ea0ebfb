/**
 * Internal. The 32-bit string hash of the open-addressing tables (the validator's node codes,
 * `id-codes.ts`; the memory store's relation ids, `store/memory/id-hash.ts`): FNV-1a over the
 * UTF-16 code units from a seed, then murmur3's finalizer. FNV's low bits (the ones a table's
 * mask keeps) depend only on the low bits of each unit; the finalizer mixes the high ones in.
 *
 * Seeded at random, as V8 seeds its own string hash: ids come from clients (curated changes),
 * and ids crafted to collide cannot be written without knowing the seed.
 */
const FNV_OFFSET = 0x811c9dc5;

/** A seed for a table (or a process): random, never stored. */
export function randomSeed(): number {
  return (Math.random() * 0x1_0000_0000) | 0;
}

/** The state a hash starts from under `seed`. */
export function hashStart(seed: number): number {
  return seed ^ FNV_OFFSET;
}

/** FNV-1a over the UTF-16 code units of `text`, continued from `hash`: a concatenation hashes as its parts in turn. */
export function hashOn(hash: number, text: string): number {
  return hashOnRange(hash, text, 0, text.length);
}

/** hashOn over `text`'s code units `start … end` (the hash of that slice, without making it). */
export function hashOnRange(hash: number, text: string, start: number, end: number): number {
  let next = hash;
  for (let i = start; i < end; i += 1) next = Math.imul(next ^ text.charCodeAt(i), 0x01000193);
  return next;
}

/** murmur3's finalizer over the state: the hash, as a signed 32-bit integer. */
export function hashEnd(hash: number): number {
  let next = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  next = Math.imul(next ^ (next >>> 13), 0xc2b2ae35);
  return (next ^ (next >>> 16)) | 0;
}

/** The hash of a whole text under `seed`. */
export function hashOf(text: string, seed: number): number {
  return hashEnd(hashOn(hashStart(seed), text));
}
