/**
 * Internal. Small integer codes for strings (0, 1, 2, … in the order each is first seen), in
 * an open-addressing hash table (linear probing) of hash and code pairs in one Int32Array.
 *
 * The validator codes every node id and every relation end: at a million relations some
 * 2.3 million lookups of fresh strings from JSON.parse. A Map<string, number> took about
 * 0.8 µs a lookup there, most of it cache misses: its chains are about two entries long at
 * that size and each entry sends it to its key string to compare. Here a slot holds the
 * full hash next to the code, so a string is compared only when the hashes agree (almost
 * always the one match): about 0.4 µs a lookup, 0.8 s less at a million relations.
 *
 * The hash (`string-hash.ts`) is seeded per table.
 */
import { hashEnd, hashOf, hashOnRange, hashStart, randomSeed } from './string-hash';

const EMPTY = -1;
/** Words per slot: the hash and the code. */
const SLOT = 2;

export class IdCodes {
  private slots: Int32Array;
  private readonly ids: string[] = [];
  private readonly seed = randomSeed();

  /** @param expected how many distinct strings are expected (the table grows past it). */
  constructor(expected = 16) {
    let size = 16;
    while (size < expected * 2) size *= 2;
    this.slots = new Int32Array(size * SLOT).fill(EMPTY);
  }

  /** How many strings have codes. */
  get size(): number {
    return this.ids.length;
  }

  /** The code of `id`, given the next code if it has none yet. */
  codeOf(id: string): number {
    const hash = hashOf(id, this.seed);
    const at = this.find(id, hash);
    const code = this.slots[at + 1] ?? EMPTY;
    if (code !== EMPTY) return code;
    return this.add(id, hash, at);
  }

  /**
   * The code of `text`'s slice `start … end`, as `codeOf(text.slice(start, end))` gives, but
   * the slice is made only when it gets a new code (the name index reads a million words,
   * most of them seen before).
   */
  codeOfRange(text: string, start: number, end: number): number {
    const hash = hashEnd(hashOnRange(hashStart(this.seed), text, start, end));
    const { slots, ids } = this;
    const mask = slots.length / SLOT - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = slot * SLOT;
      const code = slots[at + 1] ?? EMPTY;
      if (code === EMPTY) return this.add(text.slice(start, end), hash, at);
      const id = ids[code] ?? '';
      if (slots[at] === hash && id.length === length && text.startsWith(id, start)) return code;
    }
  }

  /** The code of `id`, or -1 if it has none. */
  existing(id: string): number {
    return this.slots[this.find(id, hashOf(id, this.seed)) + 1] ?? EMPTY;
  }

  /** The string of a code. */
  idOf(code: number): string | undefined {
    return this.ids[code];
  }

  /** The word offset of `id`'s slot, or of the empty slot where it would go. */
  private find(id: string, hash: number): number {
    const { slots, ids } = this;
    const mask = slots.length / SLOT - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = slot * SLOT;
      const code = slots[at + 1] ?? EMPTY;
      if (code === EMPTY || (slots[at] === hash && ids[code] === id)) return at;
    }
  }

  private add(id: string, hash: number, at: number): number {
    const code = this.ids.push(id) - 1;
    this.slots[at] = hash;
    this.slots[at + 1] = code;
    // Kept at most half full, so probe runs stay short.
    if (this.ids.length * 2 > this.slots.length / SLOT) this.grow();
    return code;
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2).fill(EMPTY);
    const mask = slots.length / SLOT - 1;
    for (let from = 0; from < old.length; from += SLOT) {
      const code = old[from + 1] ?? EMPTY;
      if (code === EMPTY) continue;
      const hash = old[from] ?? 0;
      let slot = hash & mask;
      while (slots[slot * SLOT + 1] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot * SLOT] = hash;
      slots[slot * SLOT + 1] = code;
    }
    this.slots = slots;
  }
}
