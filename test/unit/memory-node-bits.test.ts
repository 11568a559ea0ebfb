/**
 * The memory store's bit set of nodes: inside `withNodes` exactly the given nodes are in it
 * (word edges included), and afterwards none, also when the scan inside throws: the set is
 * scratch shared by every subgraph call, and a bit left behind would add relations to the next.
 */
import { NodeBits } from '../../src/store/memory/marks';

const SIZE = 100;
const members = (bits: NodeBits) => Array.from({ length: SIZE }, (_unused, node) => node).filter((node) => bits.has(node));

it('holds exactly the given nodes while in use, and none after', () => {
  const bits = new NodeBits(SIZE);
  const nodes = Int32Array.from([0, 31, 32, 33, 63, 64, 99]);
  expect(bits.withNodes(nodes, members)).toEqual([0, 31, 32, 33, 63, 64, 99]);
  expect(members(bits)).toEqual([]);
  expect(bits.withNodes(Int32Array.from([5, 6]), members)).toEqual([5, 6]);
});

it('is emptied when the work inside throws', () => {
  const bits = new NodeBits(SIZE);
  expect(() =>
    bits.withNodes(Int32Array.from([1, 40, 98]), () => {
      throw new Error('scan failed');
    }),
  ).toThrow('scan failed');
  expect(members(bits)).toEqual([]);
});
