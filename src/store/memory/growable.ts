/**
 * Internal. Typed-array columns that grow by doubling, for tables filled one row at a time.
 */

export function ensureInt32(array: Int32Array, length: number): Int32Array {
  if (length <= array.length) return array;
  const grown = new Int32Array(Math.max(length, array.length * 2, 16));
  grown.set(array);
  return grown;
}

export function ensureUint8(array: Uint8Array, length: number): Uint8Array {
  if (length <= array.length) return array;
  const grown = new Uint8Array(Math.max(length, array.length * 2, 16));
  grown.set(array);
  return grown;
}
