/**
 * The memory store's record codec reads back every record equal to the one written, keys
 * in their order, whatever mix of shapes comes in: runs of one shape (the shape trie's
 * last-step cache), shapes that share a key path and then part, the same key with values of
 * another kind, arrays of string objects with different key lists, and after clear().
 */
import fc from 'fast-check';
import { RecordCodec } from '../../src/store/memory/record-codec';
import { StringPool } from '../../src/store/memory/string-pool';

const KEYS = ['id', 'type', 'name', 'role', 'sources', 'aliases', 'count', 'flag', 'note', 'extra'] as const;
/** Keys the "table" keeps in columns: read back through the column reader, not the words. */
const COLUMNS = new Set(['id', 'type']);

const sourceArbitrary = fc.oneof(
  fc.record({ doc: fc.constantFrom('doc:000', 'doc:001'), quote: fc.constantFrom('تبادل', 'قمة', 'ورشة عمل') }),
  fc.record({ url: fc.webUrl(), quote: fc.string({ maxLength: 8 }) }),
  fc.record({ quote: fc.string({ maxLength: 4 }), doc: fc.constantFrom('doc:002') }),
);

const valueArbitrary = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('STATED', 'participant', 'host'),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }),
  fc.array(sourceArbitrary, { maxLength: 3 }),
  fc.constant({ nested: [1, 2] }),
);

/** A record: some keys, in a random order, each with any kind of value. */
const recordArbitrary = fc
  .uniqueArray(fc.constantFrom(...KEYS), { minLength: 1, maxLength: KEYS.length })
  .chain((keys) => fc.tuple(fc.constant(keys), fc.array(valueArbitrary, { minLength: keys.length, maxLength: keys.length })))
  .map(([keys, values]) => {
    const record: Record<string, unknown> = {};
    keys.forEach((key, i) => {
      record[key] = COLUMNS.has(key) ? `${key}-column` : values[i];
    });
    return record;
  });

function roundTrip(records: readonly Record<string, unknown>[], clearAfter: number): void {
  const codec = new RecordCodec(new StringPool());
  const isColumn = (key: string): boolean => COLUMNS.has(key);
  const column = (key: string): string => `${key}-column`;
  const written = records.map((record, i) => {
    if (i === clearAfter) codec.clear();
    const start = codec.size;
    return { record, start, shape: codec.encode(record, isColumn), after: i >= clearAfter };
  });
  for (const { record, start, shape, after } of written) {
    // Rows written before a clear() are gone with it.
    if (!after && clearAfter < records.length) continue;
    const decoded = codec.decode(shape, start, column, 0);
    expect(Object.keys(decoded)).toEqual(Object.keys(record));
    expect(decoded).toEqual(record);
    // One value without the rest: a string kept in the words, undefined for anything else
    // (asked twice: the second answer comes from the shape's remembered offset).
    for (const key of KEYS) {
      const value = record[key];
      const expected = typeof value === 'string' && !COLUMNS.has(key) ? value : undefined;
      expect(codec.stringValue(shape, start, key)).toBe(expected);
      expect(codec.stringValue(shape, start, key)).toBe(expected);
    }
  }
}

it('reads every record back equal, keys in order, over runs and mixes of shapes', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(recordArbitrary, fc.integer({ min: 1, max: 4 })), { minLength: 1, maxLength: 12 }),
      fc.nat({ max: 40 }),
      (runs, clearAfter) => {
        // Each record repeated a few times in a row: the runs the last-step cache is for.
        const records = runs.flatMap(([record, times]) => Array.from({ length: times }, () => structuredClone(record)));
        roundTrip(records, clearAfter);
      },
    ),
    { numRuns: 300 },
  );
});

it('keeps records apart whose keys agree but whose value kinds differ', () => {
  roundTrip(
    [
      { role: 'host', sources: [{ doc: 'doc:000', quote: 'قمة' }] },
      { role: 7, sources: [{ quote: 'قمة', doc: 'doc:000' }] },
      { role: 'host', sources: ['a', 'b'] },
      { role: null, sources: [{ url: 'https://example.org/', quote: 'x' }] },
      { role: 'host', sources: [{ doc: 'doc:000', quote: 'قمة' }] },
    ],
    99,
  );
});
