/**
 * Internal. The graph the memory store holds: node and relation tables over one string
 * pool, the read index built from them on the first read after a write, and small typed
 * readers the traversal modules share.
 */
import type { NodeRecord, RelationRecord } from '../../domain/graph-document';
import type { RelationType } from '../../domain/ontology';
import type { Direction } from '../GraphStore';
import { ALL_TYPES_MASK, typeCodes, typeMask } from './codes';
import { int32At, uint8At } from './columns';
import { buildGraphIndex, type Adjacency, type GraphIndex } from './graph-index';
import { Marks, NodeBits } from './marks';
import { NodeTable } from './node-table';
import { RelationTable } from './relation-table';
import { StringPool } from './string-pool';

export class KnowledgeGraph {
  readonly strings = new StringPool();
  readonly nodes = new NodeTable(this.strings);
  readonly relations = new RelationTable(this.strings, (node) => this.nodes.idOf(node));
  private built: GraphIndex | undefined;
  private scratch: Marks[] = [];
  private bits: NodeBits | undefined;

  /** The read index, rebuilt if a write happened since the last read. */
  index(): GraphIndex {
    this.built ??= buildGraphIndex(this.nodes, this.relations);
    return this.built;
  }

  /** Called by every write. */
  invalidate(): void {
    this.built = undefined;
    this.scratch = [];
  }

  clear(): void {
    this.nodes.clear();
    this.relations.clear();
    this.strings.clear();
    this.invalidate();
  }

  /** Scratch marks number `slot` (a traversal that calls another uses another slot). */
  marks(slot: number): Marks {
    const size = this.index().nodeCount;
    let marks = this.scratch[slot];
    if (!marks || marks.size !== size) {
      marks = new Marks(size);
      this.scratch[slot] = marks;
    }
    return marks.begin();
  }

  /** The scratch bit set of nodes (NodeBits.during: empty when a step starts and when it ends). */
  nodeBits(): NodeBits {
    const size = this.index().nodeCount;
    if (this.bits?.size !== size) this.bits = new NodeBits(size);
    return this.bits;
  }

  has(id: string): boolean {
    return this.nodes.indexOf(id) !== undefined;
  }

  indexOf(id: string): number | undefined {
    return this.nodes.indexOf(id);
  }

  /** The record of a node that exists. */
  record(id: string): NodeRecord {
    const node = this.nodes.indexOf(id);
    if (node === undefined) throw new RangeError(`memory store: no node ${id}`);
    return this.nodes.record(node);
  }
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Calls `visit(neighbour, row)` for each relation of `node` in a direction with a type in
 * `mask` (see typeMask; BOTH: OUT then IN, so a self-relation is seen twice).
 */
export function forEachRelation(
  index: GraphIndex,
  node: number,
  direction: Direction,
  mask: number,
  visit: (neighbour: number, row: number) => void,
): void {
  if (direction !== 'IN') visitRun(index.out, node, mask, visit);
  if (direction !== 'OUT') visitRun(index.in, node, mask, visit);
}

function visitRun(adjacency: Adjacency, node: number, mask: number, visit: (neighbour: number, row: number) => void): void {
  const { offsets, neighbours, relations, types } = adjacency;
  const end = int32At(offsets, node + 1);
  for (let k = int32At(offsets, node); k < end; k += 1) {
    if (mask === ALL_TYPES_MASK || (mask >>> uint8At(types, k)) & 1) visit(int32At(neighbours, k), int32At(relations, k));
  }
}

/** The relations of `id` in a direction, optionally of some types, each once. */
export function relationsAt(graph: KnowledgeGraph, id: string, direction: Direction, types?: ReadonlySet<RelationType>): RelationRecord[] {
  const node = graph.indexOf(id);
  if (node === undefined) return [];
  const found: RelationRecord[] = [];
  const seen = new Set<number>();
  const keep = (_neighbour: number, row: number): void => {
    if (seen.has(row)) return;
    seen.add(row);
    found.push(graph.relations.record(row));
  };
  forEachRelation(graph.index(), node, direction, typeMask(typeCodes(types)), keep);
  return found;
}

/** The other end of a relation seen from `id`. */
export function otherEnd(relation: RelationRecord, id: string): string {
  return relation.from === id ? relation.to : relation.from;
}

/**
 * Node indices in id order (only the `first` of them when given): an integer sort of their
 * ranks (no string compares, no comparator), mapped back through the inverse permutation.
 */
export function inIdOrder(index: GraphIndex, nodes: Int32Array | readonly number[], first = nodes.length): Int32Array {
  let ranks = new Int32Array(nodes.length);
  let i = 0;
  for (const node of nodes) {
    ranks[i] = int32At(index.rank, node);
    i += 1;
  }
  if (first < ranks.length) {
    // Only the first few are wanted (a hub's level cut at a limit): select, then sort those.
    selectSmallest(ranks, first);
    ranks = ranks.subarray(0, first);
  }
  ranks.sort();
  for (let j = 0; j < ranks.length; j += 1) ranks[j] = int32At(index.order, int32At(ranks, j));
  return ranks;
}

/** Moves the `count` smallest values to the front, in any order (quickselect, O(n)). */
function selectSmallest(values: Int32Array, count: number): void {
  let low = 0;
  let high = values.length - 1;
  const target = count - 1;
  while (low < high) {
    const pivot = int32At(values, (low + high) >>> 1);
    let i = low;
    let j = high;
    while (i <= j) {
      while (int32At(values, i) < pivot) i += 1;
      while (int32At(values, j) > pivot) j -= 1;
      if (i <= j) {
        const swap = int32At(values, i);
        values[i] = int32At(values, j);
        values[j] = swap;
        i += 1;
        j -= 1;
      }
    }
    if (target <= j) high = j;
    else if (target >= i) low = i;
    else return;
  }
}
