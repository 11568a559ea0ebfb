/**
 * The memory store's bit set of nodes: a traversal step finds it empty, holds exactly what
 * it added (word edges included), and leaves it empty, also when the step throws; a step
 * inside another is refused. The set is scratch shared by every subgraph call: a bit left
 * behind would cut a node from the next call's levels or add relations to its answer.
 */
import { NodeBits } from '../../src/store/memory/marks';

const SIZE = 100;
const members = (bits: NodeBits) => Array.from({ length: SIZE }, (_unused, node) => node).filter((node) => bits.has(node));

it('holds exactly what a step adds, and is empty for the next step', () => {
  const bits = new NodeBits(SIZE);
  const added = bits.during((set) => {
    expect(members(set)).toEqual([]);
    for (const node of [0, 31, 32, 33, 63, 64, 99]) set.add(node);
    set.add(32);
    return members(set);
  });
  expect(added).toEqual([0, 31, 32, 33, 63, 64, 99]);
  expect(bits.during(members)).toEqual([]);
});

it('is emptied when the step throws', () => {
  const bits = new NodeBits(SIZE);
  expect(() =>
    bits.during((set) => {
      set.add(1);
      set.add(40);
      throw new Error('scan failed');
    }),
  ).toThrow('scan failed');
  expect(bits.during(members)).toEqual([]);
});

it('refuses a step inside another, and stays usable', () => {
  const bits = new NodeBits(SIZE);
  expect(() => bits.during((set) => set.during(members))).toThrow(/already in use/);
  const after = bits.during((set) => {
    set.add(7);
    return members(set);
  });
  expect(after).toEqual([7]);
});
