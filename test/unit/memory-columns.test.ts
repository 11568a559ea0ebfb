/**
 * The memory store's galloping search over an ascending column (`firstAtLeast`): the first
 * entry at least a value, from a given start, equal to a plain scan for every start, end and
 * value over columns with runs of equal values, gaps, and lengths across the steps' powers of two.
 */
import { firstAtLeast } from '../../src/store/memory/columns';

/** The first index of `from … end` whose value is at least `value`, by a plain scan. */
function scan(values: Int32Array, from: number, end: number, value: number): number {
  let at = from;
  while (at < end && (values[at] ?? 0) < value) at += 1;
  return at;
}

/** An ascending column of `length` values with repeats and gaps, from a seeded generator. */
function ascending(length: number, seed: number): Int32Array {
  const values = new Int32Array(length);
  let state = seed;
  let value = 0;
  for (let i = 0; i < length; i += 1) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    // A third of the steps repeat the value, the rest jump by 1 to 4.
    value += state % 3 === 0 ? 0 : 1 + (state % 4);
    values[i] = value;
  }
  return values;
}

it.each([0, 1, 2, 3, 7, 8, 9, 31, 64, 65, 200])('finds what a plain scan finds in an ascending column of %i', (length) => {
  const values = ascending(length, length + 1);
  const top = (values[length - 1] ?? 0) + 2;
  const wrong: string[] = [];
  for (let from = 0; from <= length; from += 1) {
    for (const end of [from, Math.min(from + 1, length), Math.min(from + 5, length), length]) {
      for (let value = -1; value <= top; value += 1) {
        const found = firstAtLeast(values, from, end, value);
        const expected = scan(values, from, end, value);
        if (found !== expected) wrong.push(`from ${from} end ${end} value ${value}: ${found}, not ${expected}`);
      }
    }
  }
  expect(wrong.slice(0, 5)).toEqual([]);
});
