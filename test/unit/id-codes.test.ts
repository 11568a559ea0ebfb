import fc from 'fast-check';
import { IdCodes } from '../../src/domain/id-codes';
import { hashOf } from '../../src/domain/string-hash';

// The validator codes node ids through an open-addressing table of its own: any sequence of
// strings must get the codes a Map handing out 0, 1, 2, … in first-seen order gives.
describe('IdCodes (validator node codes)', () => {
  it('agrees with a Map over any sequence of strings, through growth', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ maxLength: 8 }),
            fc.integer({ min: 0, max: 80 }).map((n) => `city:c${n}`),
          ),
          { maxLength: 400 },
        ),
        (ids) => {
          const codes = new IdCodes(2);
          const expected = new Map<string, number>();
          for (const id of ids) {
            if (!expected.has(id)) expected.set(id, expected.size);
            expect(codes.codeOf(id)).toBe(expected.get(id));
          }
          expect(codes.size).toBe(expected.size);
          for (const [id, code] of expected) {
            expect(codes.existing(id)).toBe(code);
            expect(codes.idOf(code)).toBe(id);
          }
          expect(codes.existing('not:coded-\u0000')).toBe(-1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('codes a slice of a text as the slice itself, without making it first', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 12 }), fc.nat(), fc.nat()), { maxLength: 200 }), (cuts) => {
        const codes = new IdCodes(2);
        const expected = new Map<string, number>();
        for (const [text, a, b] of cuts) {
          const start = text.length === 0 ? 0 : a % (text.length + 1);
          const end = start + (text.length === 0 ? 0 : b % (text.length - start + 1));
          const slice = text.slice(start, end);
          if (!expected.has(slice)) expected.set(slice, expected.size);
          expect(codes.codeOfRange(text, start, end)).toBe(expected.get(slice));
          // Both ways of asking give one code.
          expect(codes.codeOf(slice)).toBe(expected.get(slice));
        }
        for (const [slice, code] of expected) expect(codes.idOf(code)).toBe(slice);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps apart strings that start in the same slot', () => {
    // A table made for one string has 16 slots: fifty ids share them (and grow it) and keep their codes.
    const codes = new IdCodes(1);
    const ids = Array.from({ length: 50 }, (_, i) => `person:p${i}`);
    ids.forEach((id, i) => expect(codes.codeOf(id)).toBe(i));
    ids.forEach((id, i) => expect(codes.existing(id)).toBe(i));
  });

  it('hashes by content and by seed', () => {
    expect(hashOf('city:c1', 7)).toBe(hashOf(['city', ':c1'].join(''), 7));
    expect(hashOf('city:c1', 7)).not.toBe(hashOf('city:c1', 8));
  });
});
