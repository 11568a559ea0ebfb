import fc from 'fast-check';
import { hashOf, hashOfParts, IdHash } from '../../src/store/memory/id-hash';

// The memory store finds relation rows by id through an open-addressing table that deletes
// by shifting entries back; any sequence of adds and deletes must agree with a Map.
describe('IdHash (memory relation ids)', () => {
  it('agrees with a Map over any sequence of adds and deletes', () => {
    const operation = fc.record({ add: fc.boolean(), key: fc.integer({ min: 0, max: 60 }) });
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 300 }), (operations) => {
        const idOfRow: string[] = [];
        const hash = new IdHash((row) => idOfRow[row] ?? '', 4);
        const expected = new Map<string, number>();
        for (const { add, key } of operations) {
          const id = `city:c${key}-PART_OF->city:c${key * 7}`;
          if (add && !expected.has(id)) {
            idOfRow.push(id);
            hash.add(id, idOfRow.length - 1);
            expected.set(id, idOfRow.length - 1);
          } else if (!add && expected.has(id)) {
            hash.delete(id);
            expected.delete(id);
          }
        }
        for (let key = 0; key <= 60; key += 1) {
          const id = `city:c${key}-PART_OF->city:c${key * 7}`;
          expect({ id, row: hash.get(id) }).toEqual({ id, row: expected.get(id) });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('hashes an id given in parts as it hashes the whole id', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { maxLength: 5 }), (parts) => {
        expect(hashOfParts(parts)).toBe(hashOf(parts.join('')));
      }),
    );
  });
});
