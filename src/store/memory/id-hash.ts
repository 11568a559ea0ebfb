/**
 * Internal. Relation rows by id without keeping the id strings: an open-addressing hash
 * table (linear probing) of row numbers keyed by a hash of the id, which is compared with
 * the row's id (derived again from its ends and type) only on a hash match. At a million
 * relations a Map of ids would hold some 80 MB of strings; this holds 16 MB of integers (row and hash per slot, half full).
 */
import { hashEnd, hashOn, hashStart, randomSeed } from '../../domain/string-hash';
import { int32At } from './columns';

/** One seed per process: a relation's id hash is computed apart from its table (hashOfParts). */
const START = hashStart(randomSeed());

/** The hash of a whole id, as a signed 32-bit integer. */
export function hashOf(text: string): number {
  return hashEnd(hashOn(START, text));
}

/** The hash of a string given in parts (its concatenation is never built). */
export function hashOfParts(parts: readonly string[]): number {
  let hash = START;
  for (const part of parts) hash = hashOn(hash, part);
  return hashEnd(hash);
}

export class IdHash {
  /** row + 1 per slot; 0 is empty. */
  private slots: Int32Array;
  private hashes: Int32Array;
  private count = 0;

  /** @param idOf the id of a live row. */
  constructor(
    private readonly idOf: (row: number) => string,
    capacity = 16,
  ) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.hashes = new Int32Array(size);
  }

  get(id: string): number | undefined {
    const mask = this.slots.length - 1;
    const hash = hashOf(id);
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = int32At(this.slots, slot);
      if (entry === 0) return undefined;
      if (int32At(this.hashes, slot) === hash && this.idOf(entry - 1) === id) return entry - 1;
    }
  }

  add(id: string, row: number): void {
    this.addHashed(hashOf(id), row);
  }

  /** Adds a row whose id hash the caller computed (hashOf, hashOfParts). */
  addHashed(hash: number, row: number): void {
    if ((this.count + 1) * 2 > this.slots.length) this.grow();
    this.place(hash, row);
    this.count += 1;
  }

  delete(id: string): void {
    const mask = this.slots.length - 1;
    const hash = hashOf(id);
    let slot = hash & mask;
    for (; ; slot = (slot + 1) & mask) {
      const entry = int32At(this.slots, slot);
      if (entry === 0) return;
      if (int32At(this.hashes, slot) === hash && this.idOf(entry - 1) === id) break;
    }
    // Backward-shift deletion: pull later entries of the probe run into the hole.
    let hole = slot;
    for (let next = (hole + 1) & mask; int32At(this.slots, next) !== 0; next = (next + 1) & mask) {
      const home = int32At(this.hashes, next) & mask;
      // The entry at `next` may move to `hole` if its home is not within (hole, next].
      const between = hole <= next ? home > hole && home <= next : home > hole || home <= next;
      if (between) continue;
      this.slots[hole] = int32At(this.slots, next);
      this.hashes[hole] = int32At(this.hashes, next);
      hole = next;
    }
    this.slots[hole] = 0;
    this.count -= 1;
  }

  private place(hash: number, row: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (int32At(this.slots, slot) !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = row + 1;
    this.hashes[slot] = hash;
  }

  private grow(): void {
    const { slots, hashes } = this;
    this.slots = new Int32Array(slots.length * 2);
    this.hashes = new Int32Array(slots.length * 2);
    for (let slot = 0; slot < slots.length; slot += 1) {
      const entry = int32At(slots, slot);
      if (entry !== 0) this.place(int32At(hashes, slot), entry - 1);
    }
  }
}
