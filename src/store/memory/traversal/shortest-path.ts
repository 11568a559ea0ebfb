/**
 * Internal. One shortest undirected path by two-ended breadth-first search with a hop cap
 * (graphology-shortest-path follows edge direction and has no cap). Each level expands the
 * smaller frontier; visited flags and depths live in reusable typed scratch arrays.
 *
 * The tie rule of the port (`GraphStore.shortestPath`): among equally short paths, the one
 * whose relation ids, read from `fromId` to `toId`, sort first element by element. The
 * search stops at the first level where the two sides meet; every shortest path then
 * crosses the "meeting layer" (nodes at forward depth p and backward depth q, p + q the
 * length). The nodes of the forward side that lead to that layer are found by walking the
 * layers back from it; the path is then chosen greedily from `fromId`, taking at each step
 * the smallest relation id that stays on a shortest path (greedy is exact for a
 * lexicographic order over paths of one length). The extra work is bounded by what the
 * search already visited.
 */
import type { PathResult, ShortestPathQuery } from '../../GraphStore';
import { ALL_TYPES_MASK, typeCodes, typeMask } from '../codes';
import { growInt32, int32At, uint8At } from '../columns';
import type { Adjacency, GraphIndex } from '../graph-index';
import type { KnowledgeGraph } from '../knowledge-graph';
import type { Marks } from '../marks';

interface SearchSide {
  readonly marks: Marks;
  /** The nodes of the last level, a typed array: a level at 1M can hold thousands. */
  frontier: Int32Array;
  depth: number;
}

/** Calls `visit(neighbour, relationRow)` for every relation of an allowed type at `node`, either direction. */
function forEachNeighbour(index: GraphIndex, mask: number, node: number, visit: (neighbour: number, row: number) => void): void {
  const scan = (adjacency: Adjacency): void => {
    for (let k = int32At(adjacency.offsets, node), end = int32At(adjacency.offsets, node + 1); k < end; k += 1) {
      if (mask !== ALL_TYPES_MASK && !((mask >>> uint8At(adjacency.types, k)) & 1)) continue;
      visit(int32At(adjacency.neighbours, k), int32At(adjacency.relations, k));
    }
  };
  scan(index.out);
  scan(index.in);
}

export function shortestPath(graph: KnowledgeGraph, query: ShortestPathQuery): PathResult | null {
  const from = graph.indexOf(query.fromId);
  const to = graph.indexOf(query.toId);
  if (from === undefined || to === undefined) return null;
  if (from === to) return { nodeIds: [query.fromId], relations: [] };
  const index = graph.index();
  const mask = typeMask(typeCodes(query.types));
  const forward: SearchSide = { marks: graph.marks(0), frontier: Int32Array.of(from), depth: 0 };
  const backward: SearchSide = { marks: graph.marks(1), frontier: Int32Array.of(to), depth: 0 };
  forward.marks.mark(from, 0);
  backward.marks.mark(to, 0);

  while (forward.frontier.length > 0 && backward.frontier.length > 0 && forward.depth + backward.depth < query.maxHops) {
    // Expand the smaller frontier: the two searches meet having touched fewer nodes.
    const [side, opposite] = forward.frontier.length <= backward.frontier.length ? [forward, backward] : [backward, forward];
    const depth = side.depth + 1;
    // Grown by doubling, not an array grown by push: what a call allocates sets how often a
    // collection falls inside one (a number array of a large level was most of it).
    let next = new Int32Array(Math.max(16, side.frontier.length * 2));
    let count = 0;
    let length = Infinity;
    for (const node of side.frontier) {
      forEachNeighbour(index, mask, node, (neighbour) => {
        if (side.marks.has(neighbour)) return;
        side.marks.mark(neighbour, depth);
        next = growInt32(next, count + 1);
        next[count] = neighbour;
        count += 1;
        if (opposite.marks.has(neighbour)) length = Math.min(length, depth + int32At(opposite.marks.value, neighbour));
      });
    }
    side.depth = depth;
    side.frontier = next.subarray(0, count);
    if (length !== Infinity) {
      const meeting: number[] = [];
      for (const node of side.frontier) {
        if (opposite.marks.has(node) && depth + int32At(opposite.marks.value, node) === length) meeting.push(node);
      }
      return firstPathBy(graph, mask, { forward: forward.marks, backward: backward.marks }, meeting, length, from);
    }
  }
  return null;
}

/** The path of the tie rule, given the meeting layer of a two-ended search that found `length`. */
function firstPathBy(
  graph: KnowledgeGraph,
  mask: number,
  { forward, backward }: { readonly forward: Marks; readonly backward: Marks },
  meeting: readonly number[],
  length: number,
  from: number,
): PathResult {
  const index = graph.index();
  const meetingDepth = int32At(forward.value, meeting[0] ?? from);
  // onPath[i]: forward nodes at depth i that lie on some shortest path.
  const onPath: Set<number>[] = [];
  onPath[meetingDepth] = new Set(meeting);
  for (let depth = meetingDepth; depth > 0; depth -= 1) {
    const previous = new Set<number>();
    for (const node of onPath[depth] ?? []) {
      forEachNeighbour(index, mask, node, (neighbour) => {
        if (forward.has(neighbour) && int32At(forward.value, neighbour) === depth - 1) previous.add(neighbour);
      });
    }
    onPath[depth - 1] = previous;
  }
  // Nodes with backward depth d are d relations from `to`, so any of them stays on a path.
  const stays = (step: number, neighbour: number): boolean =>
    step <= meetingDepth
      ? onPath[step]?.has(neighbour) === true
      : backward.has(neighbour) && int32At(backward.value, neighbour) === length - step;

  let node = from;
  const nodes = [node];
  const rows: number[] = [];
  for (let step = 1; step <= length; step += 1) {
    let bestRow = -1;
    let bestId = '';
    let bestNode = -1;
    forEachNeighbour(index, mask, node, (neighbour, row) => {
      if (!stays(step, neighbour)) return;
      const id = graph.relations.idOf(row);
      if (bestRow < 0 || id < bestId) {
        bestRow = row;
        bestId = id;
        bestNode = neighbour;
      }
    });
    rows.push(bestRow);
    nodes.push(bestNode);
    node = bestNode;
  }
  return {
    nodeIds: nodes.map((each) => graph.nodes.idOf(each)),
    relations: rows.map((row) => graph.relations.record(row)),
  };
}
