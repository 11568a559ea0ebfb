/**
 * Seeded randomness for the synthetic graphs: the same seed gives the same graph and the
 * same query inputs on every run and in every child process, so engines answer the same
 * questions and their answers can be compared.
 */

/** The item at `index` of a list the generator keeps that index within. */
export function at<T>(items: readonly T[], index: number): T {
  if (index < 0 || index >= items.length) throw new RangeError(`synthetic graph: index ${index} outside a list of ${items.length}`);
  return items[index] as T;
}

/** mulberry32: small, fast, and good enough for picking graph shapes (not for crypto). */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  pick<T>(items: readonly T[]): T {
    return at(items, this.int(items.length));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }
}

/**
 * Zipf-distributed indices in [0, n): index 0 is the biggest hub. Sampling is a binary search
 * over cumulative weights, so a draw costs O(log n) whatever the skew.
 */
export class Zipf {
  private readonly cumulative: Float64Array;

  constructor(
    readonly n: number,
    exponent: number,
  ) {
    this.cumulative = new Float64Array(n);
    let sum = 0;
    for (let i = 0; i < n; i += 1) {
      sum += 1 / Math.pow(i + 1, exponent);
      this.cumulative[i] = sum;
    }
  }

  sample(rng: Rng): number {
    const target = rng.next() * (this.cumulative[this.n - 1] ?? 0);
    let low = 0;
    let high = this.n - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.cumulative[middle] ?? Infinity) < target) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
