/**
 * Internal. The neighbourhood of some nodes, breadth first, in (depth, id) order, cut at
 * `limit` nodes; relations among the kept nodes of the asked types, by id.
 *
 * Each next level is the smallest ids among the current level's neighbours, and only as
 * many as there is room for (plus one, to tell that the cut happened) are ever read: the
 * level's neighbour runs ordered by id rank (graph-index.ts) are merged through a heap and
 * the merge stops there. So a city whose country links thousands of cities costs about the
 * limit, not the country's size. The relations among the kept nodes: relations-among.ts.
 */
import type { SubgraphNode, SubgraphQuery, SubgraphResult } from '../../GraphStore';
import { ALL_TYPES_MASK, ANY_CONFIDENCE, confidenceLimit, typeCodes, typeMask } from '../codes';
import { int32At, uint8At } from '../columns';
import type { Adjacency, GraphIndex } from '../graph-index';
import { inIdOrder, type KnowledgeGraph } from '../knowledge-graph';
import type { NodeBits } from '../marks';
import { relationsAmong } from './relations-among';

/** A min-heap of cursors into rank-ordered neighbour runs, keyed by the rank at the cursor. */
class RunMerge {
  private readonly ranks: Int32Array;
  private readonly cursors: Int32Array;
  private readonly ends: Int32Array;
  private readonly sides: Uint8Array;
  private size = 0;

  constructor(
    capacity: number,
    private readonly adjacencies: readonly [Adjacency, Adjacency],
    private readonly mask: number,
    /** The weakest confidence code followed (ANY_CONFIDENCE: every one). */
    private readonly weakest: number,
  ) {
    this.ranks = new Int32Array(capacity);
    this.cursors = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.sides = new Uint8Array(capacity);
  }

  /** Adds the run of entries `start … end` of adjacency `side` (0 OUT, 1 IN). */
  add(side: 0 | 1, start: number, end: number): void {
    const cursor = this.skip(side, start, end);
    if (cursor === end) return;
    const slot = this.size;
    this.size += 1;
    this.ranks[slot] = int32At(this.adjacencies[side].ranked, cursor);
    this.cursors[slot] = cursor;
    this.ends[slot] = end;
    this.sides[slot] = side;
    this.up(slot);
  }

  /** The smallest rank left, or -1 when every run is done; advances past it. */
  next(): number {
    if (this.size === 0) return -1;
    const rank = int32At(this.ranks, 0);
    const side = uint8At(this.sides, 0) === 0 ? 0 : 1;
    const end = int32At(this.ends, 0);
    const cursor = this.skip(side, int32At(this.cursors, 0) + 1, end);
    if (cursor < end) {
      this.ranks[0] = int32At(this.adjacencies[side].ranked, cursor);
      this.cursors[0] = cursor;
    } else {
      this.size -= 1;
      this.move(this.size, 0);
    }
    this.down(0);
    return rank;
  }

  /** The first entry at or after `cursor` whose type the mask keeps and whose confidence is strong enough. */
  private skip(side: 0 | 1, cursor: number, end: number): number {
    if (this.mask === ALL_TYPES_MASK && this.weakest === ANY_CONFIDENCE) return cursor;
    const { rankedTypes: types, rankedConfidences: confidences } = this.adjacencies[side];
    let at = cursor;
    while (at < end && (!((this.mask >>> uint8At(types, at)) & 1) || uint8At(confidences, at) > this.weakest)) at += 1;
    return at;
  }

  private move(from: number, to: number): void {
    this.ranks[to] = int32At(this.ranks, from);
    this.cursors[to] = int32At(this.cursors, from);
    this.ends[to] = int32At(this.ends, from);
    this.sides[to] = uint8At(this.sides, from);
  }

  private swap(a: number, b: number): void {
    const rank = int32At(this.ranks, a);
    const cursor = int32At(this.cursors, a);
    const end = int32At(this.ends, a);
    const side = uint8At(this.sides, a);
    this.move(b, a);
    this.ranks[b] = rank;
    this.cursors[b] = cursor;
    this.ends[b] = end;
    this.sides[b] = side;
  }

  private up(slot: number): void {
    let child = slot;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (int32At(this.ranks, parent) <= int32At(this.ranks, child)) return;
      this.swap(parent, child);
      child = parent;
    }
  }

  private down(slot: number): void {
    let parent = slot;
    for (;;) {
      const left = parent * 2 + 1;
      if (left >= this.size) return;
      const right = left + 1;
      const smaller = right < this.size && int32At(this.ranks, right) < int32At(this.ranks, left) ? right : left;
      if (int32At(this.ranks, parent) <= int32At(this.ranks, smaller)) return;
      this.swap(parent, smaller);
      parent = smaller;
    }
  }
}

/**
 * Up to `wanted` neighbours of `level` not yet queued, smallest ids first; adds them to
 * `queued` (by id rank, so a neighbour met again is skipped before its node is looked up).
 */
function nextLevel(index: GraphIndex, level: Int32Array, query: SubgraphQuery, mask: number, queued: NodeBits, wanted: number): Int32Array {
  const sides = (query.direction === 'BOTH' ? 2 : 1) * level.length;
  const merge = new RunMerge(sides, [index.out, index.in], mask, confidenceLimit(query.minConfidence));
  for (const node of level) {
    if (query.direction !== 'IN') merge.add(0, int32At(index.out.offsets, node), int32At(index.out.offsets, node + 1));
    if (query.direction !== 'OUT') merge.add(1, int32At(index.in.offsets, node), int32At(index.in.offsets, node + 1));
  }
  const next = new Int32Array(wanted);
  let count = 0;
  while (count < wanted) {
    const rank = merge.next();
    if (rank < 0) break;
    if (queued.has(rank)) continue;
    queued.add(rank);
    next[count] = int32At(index.order, rank);
    count += 1;
  }
  return next.subarray(0, count);
}

export function subgraph(graph: KnowledgeGraph, query: SubgraphQuery): SubgraphResult {
  const index = graph.index();
  const mask = typeMask(typeCodes(query.types));
  // Typed arrays, not arrays grown by push: a call keeps some 500 nodes and 800 relations,
  // and what it allocates sets how often a collection falls inside one.
  const order = new Int32Array(Math.max(Math.min(query.limit, index.nodeCount), 0));
  const depths = new Int32Array(order.length);
  const { keptCount, truncated } = graph.nodeBits().during((queued) => breadthFirst(graph, query, mask, queued, order, depths));
  const keptInOrder = order.subarray(0, keptCount);
  const relations = relationsAmong(graph, keptInOrder, { mask, weakest: confidenceLimit(query.minConfidence) });
  // A loop, not Array.from over the typed array, which allocates an iterator result per node.
  const nodes = new Array<SubgraphNode>(keptCount);
  for (let i = 0; i < keptCount; i += 1) nodes[i] = subgraphNode(graph, int32At(order, i), int32At(depths, i));
  return { nodes, relations, truncated };
}

/** Fills `order` and `depths` with the kept nodes and their depths, level by level; how many, and whether a cut happened. */
function breadthFirst(
  graph: KnowledgeGraph,
  query: SubgraphQuery,
  mask: number,
  queued: NodeBits,
  order: Int32Array,
  depths: Int32Array,
): { keptCount: number; truncated: boolean } {
  const index = graph.index();
  const starts: number[] = [];
  for (const id of query.ids) {
    const node = graph.indexOf(id);
    if (node !== undefined && !queued.has(int32At(index.rank, node))) {
      queued.add(int32At(index.rank, node));
      starts.push(node);
    }
  }
  let level = inIdOrder(index, starts);
  let keptCount = 0;
  let truncated = false;
  for (let depth = 0; level.length > 0; depth += 1) {
    const room = query.limit - keptCount;
    if (level.length > room) {
      level = level.subarray(0, room);
      truncated = true;
    }
    for (const node of level) {
      order[keptCount] = node;
      depths[keptCount] = depth;
      keptCount += 1;
    }
    if (truncated || depth === query.depth) break;
    // Only as many as there is room for can be kept (one more tells that the cut happened).
    level = nextLevel(index, level, query, mask, queued, query.limit - keptCount + 1);
    if (keptCount === query.limit && level.length > 0) {
      truncated = true;
      break;
    }
  }
  return { keptCount, truncated };
}

// Read column by column, not decoded: the answer holds what GraphStore's SubgraphNode and
// SubgraphRelation name, not the sources and quotes a whole record carries. (Measured at 1M,
// this alone did not make a call faster: decoding was not where its time went.)
function subgraphNode(graph: KnowledgeGraph, node: number, depth: number): SubgraphNode {
  const { nodes } = graph;
  const name = nodes.stringOf(node, 'name');
  const nameAr = nodes.stringOf(node, 'nameAr');
  if (name === undefined || nameAr === undefined) {
    const record = nodes.record(node);
    return { id: record.id, label: record.label, name: record.name, nameAr: record.nameAr, depth };
  }
  return { id: nodes.idOf(node), label: nodes.labelOf(node), name, nameAr, depth };
}
