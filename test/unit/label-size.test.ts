/**
 * Issue 14 item 3: a label's size follows its node's drawn size (which sigma grows with the
 * node's degree and with the zoom), within a legible minimum and a bounded maximum.
 */
import { labelSizeFor } from '../../web/src/label-size';

const BASE = 14;

it('grows with the drawn node size, never below 0.85 nor above 1.6 times the base', () => {
  const sizes = [0, 2, 4, 6, 8, 12, 16, 24, 40, 100].map((nodeSize) => labelSizeFor(nodeSize, BASE));
  expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
  expect(Math.min(...sizes)).toBe(Math.round(BASE * 0.85));
  expect(Math.max(...sizes)).toBe(Math.round(BASE * 1.6));
  expect(labelSizeFor(20, BASE)).toBeGreaterThan(labelSizeFor(5, BASE));
});
