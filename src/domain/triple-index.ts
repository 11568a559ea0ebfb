/**
 * Internal. A hash table from a triple of small non-negative integers to an integer (open
 * addressing, linear probing, all in one Int32Array): the validator finds repeated
 * relations by (from, type, to) as codes, not by their id strings, which at a million
 * relations would each be built, flattened and hashed.
 */
const EMPTY = -1;
/** Words per slot: three keys and the value. */
const SLOT = 4;

export class TripleIndex {
  private slots: Int32Array;
  private count = 0;

  constructor(expected = 16) {
    let size = 16;
    while (size < expected * 2) size *= 2;
    this.slots = new Int32Array(size * SLOT).fill(EMPTY);
  }

  /** The value of (a, b, c), or -1. */
  get(a: number, b: number, c: number): number {
    const slots = this.slots;
    const mask = slots.length / SLOT - 1;
    for (let slot = hash(a, b, c) & mask; ; slot = (slot + 1) & mask) {
      const at = slot * SLOT;
      const first = slots[at] ?? EMPTY;
      if (first === EMPTY) return EMPTY;
      if (first === a && slots[at + 1] === b && slots[at + 2] === c) return slots[at + 3] ?? EMPTY;
    }
  }

  /** Sets the value of (a, b, c) (values are non-negative). */
  set(a: number, b: number, c: number, value: number): void {
    if ((this.count + 1) * 2 > this.slots.length / SLOT) this.grow();
    if (this.place(this.slots, a, b, c, value)) this.count += 1;
  }

  /** Writes the entry; true if it was new. */
  private place(slots: Int32Array, a: number, b: number, c: number, value: number): boolean {
    const mask = slots.length / SLOT - 1;
    for (let slot = hash(a, b, c) & mask; ; slot = (slot + 1) & mask) {
      const at = slot * SLOT;
      const first = slots[at] ?? EMPTY;
      const found = first === a && slots[at + 1] === b && slots[at + 2] === c;
      if (first !== EMPTY && !found) continue;
      slots[at] = a;
      slots[at + 1] = b;
      slots[at + 2] = c;
      slots[at + 3] = value;
      return !found;
    }
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2).fill(EMPTY);
    for (let at = 0; at < old.length; at += SLOT) {
      const a = old[at] ?? EMPTY;
      if (a !== EMPTY) this.place(slots, a, old[at + 1] ?? 0, old[at + 2] ?? 0, old[at + 3] ?? 0);
    }
    this.slots = slots;
  }
}

function hash(a: number, b: number, c: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) >>> 0;
}
