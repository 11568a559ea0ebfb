/**
 * Internal. Typed-array columns for the memory store's tables: reads that return a number
 * (an index outside a column is a bug in the store, so it throws instead of reading
 * `undefined`), and growth by doubling for tables filled one row at a time.
 *
 * One reader per array type keeps each one monomorphic, so V8 inlines it into the
 * traversal loops as a plain typed-array load.
 */

function outOfRange(index: number, length: number): never {
  throw new RangeError(`memory store: row ${index} is outside a column of ${length}`);
}

export function int32At(column: Int32Array, index: number): number {
  return column[index] ?? outOfRange(index, column.length);
}

export function uint8At(column: Uint8Array, index: number): number {
  return column[index] ?? outOfRange(index, column.length);
}

export function float64At(column: Float64Array, index: number): number {
  return column[index] ?? outOfRange(index, column.length);
}

/** The element of a plain array whose index the caller keeps in range. */
export function itemAt<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined && !(index in items)) outOfRange(index, items.length);
  return item as T;
}

export function growInt32(column: Int32Array<ArrayBuffer>, length: number): Int32Array<ArrayBuffer> {
  if (length <= column.length) return column;
  const grown = new Int32Array(Math.max(length, column.length * 2, 16));
  grown.set(column);
  return grown;
}

export function growUint8(column: Uint8Array<ArrayBuffer>, length: number): Uint8Array<ArrayBuffer> {
  if (length <= column.length) return column;
  const grown = new Uint8Array(Math.max(length, column.length * 2, 16));
  grown.set(column);
  return grown;
}

export function growFloat64(column: Float64Array<ArrayBuffer>, length: number): Float64Array<ArrayBuffer> {
  if (length <= column.length) return column;
  const grown = new Float64Array(Math.max(length, column.length * 2, 16));
  grown.set(column);
  return grown;
}

/**
 * The first entry of `from … end` (ascending) at least `value`, or `end`: steps of 1, 2,
 * 4… from `from`, then a binary search in the last step, so targets close together cost
 * a few reads each however long the run.
 */
export function firstAtLeast(values: Int32Array, from: number, end: number, value: number): number {
  if (from >= end || int32At(values, from) >= value) return from;
  // Invariant: values[below] < value, and high is end or values[high] >= value.
  let below = from;
  let step = 1;
  let high = from + 1;
  while (high < end && int32At(values, high) < value) {
    below = high;
    step *= 2;
    high = from + step;
  }
  if (high > end) high = end;
  while (high - below > 1) {
    const middle = (below + high) >>> 1;
    if (int32At(values, middle) < value) below = middle;
    else high = middle;
  }
  return high;
}
