/**
 * Internal. The graph the memory store holds: node and relation tables, the read index
 * built from them on the first read after a write, and small typed readers the traversal
 * modules share.
 */
import type { NodeRecord, RelationRecord } from '../../domain/graph-document';
import { NODE_LABELS, type NodeLabel, type RelationType } from '../../domain/ontology';
import { ALL_TYPES_MASK, TYPE_ID_KEY, typeCodes, typeMask } from './codes';
import { buildGraphIndex, type Adjacency, type GraphIndex } from './graph-index';
import { Marks } from './marks';
import { NodeTable } from './node-table';
import { RelationTable } from './relation-table';

export type Direction = 'OUT' | 'IN' | 'BOTH';

export class KnowledgeGraph {
  readonly nodes = new NodeTable();
  readonly relations = new RelationTable();
  private built: GraphIndex | undefined;
  private scratch: Marks[] = [];

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

  has(id: string): boolean {
    return this.nodes.index.has(id);
  }

  indexOf(id: string): number | undefined {
    return this.nodes.index.get(id);
  }

  /** The record of a node that exists. */
  record(id: string): NodeRecord {
    return this.nodes.record(this.nodes.index.get(id)!);
  }

  labelAt(node: number): NodeLabel {
    return NODE_LABELS[this.nodes.labels[node]!]!;
  }

  /** Node indices sorted by id, in place. */
  sortByRank(nodes: Int32Array | number[]): void {
    const rank = this.index().rank;
    nodes.sort((a, b) => rank[a]! - rank[b]!);
  }
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function labelOf(graph: KnowledgeGraph, id: string): NodeLabel {
  return graph.record(id).label;
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
  const end = offsets[node + 1]!;
  if (mask === ALL_TYPES_MASK) {
    for (let k = offsets[node]!; k < end; k += 1) visit(neighbours[k]!, relations[k]!);
    return;
  }
  for (let k = offsets[node]!; k < end; k += 1) {
    if ((mask >>> types[k]!) & 1) visit(neighbours[k]!, relations[k]!);
  }
}

/** The relations of `id` in a direction, optionally of some types, each once. */
export function relationsAt(graph: KnowledgeGraph, id: string, direction: Direction, types?: ReadonlySet<RelationType>): RelationRecord[] {
  const node = graph.indexOf(id);
  if (node === undefined) return [];
  const found: RelationRecord[] = [];
  const seen = new Set<number>();
  const records = graph.relations.records;
  const keep = (_neighbour: number, row: number): void => {
    if (seen.has(row)) return;
    seen.add(row);
    found.push(records[row]!);
  };
  forEachRelation(graph.index(), node, direction, typeMask(typeCodes(types)), keep);
  return found;
}

/** The other end of a relation seen from `id`. */
export function otherEnd(relation: RelationRecord, id: string): string {
  return relation.from === id ? relation.to : relation.from;
}

export function typeSet(types: readonly RelationType[] | undefined): ReadonlySet<RelationType> | undefined {
  return types && types.length > 0 ? new Set(types) : undefined;
}

/**
 * Node indices in id order (only the `first` of them when given): an integer sort of their
 * ranks (no string compares, no comparator), mapped back through the inverse permutation.
 */
export function inIdOrder(index: GraphIndex, nodes: ArrayLike<number>, first = nodes.length): Int32Array {
  let ranks = new Int32Array(nodes.length);
  for (let i = 0; i < nodes.length; i += 1) ranks[i] = index.rank[nodes[i]!]!;
  if (first < ranks.length) {
    // Only the first few are wanted (a hub's level cut at a limit): select, then sort those.
    selectSmallest(ranks, first);
    ranks = ranks.subarray(0, first);
  }
  ranks.sort();
  for (let i = 0; i < ranks.length; i += 1) ranks[i] = index.order[ranks[i]!]!;
  return ranks;
}

/** Moves the `count` smallest values to the front, in any order (quickselect, O(n)). */
function selectSmallest(values: Int32Array, count: number): void {
  let low = 0;
  let high = values.length - 1;
  const target = count - 1;
  while (low < high) {
    const pivot = values[(low + high) >>> 1]!;
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i]! < pivot) i += 1;
      while (values[j]! > pivot) j -= 1;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
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

/**
 * Relation rows in order of their id strings, mostly without comparing strings: derived ids
 * (`from-TYPE->to`) order as (from id, TYPE, to id) except where one node id is the other's
 * prefix followed by a hyphen, so rows are sorted by integer keys and then checked in one
 * pass of string compares between neighbours; a sort by strings runs only if that check fails
 * (such ids, or ids not derived).
 */
export function sortRowsById(graph: KnowledgeGraph, rows: number[]): RelationRecord[] {
  const index = graph.index();
  const { rank } = index;
  const { from, to, types, records } = graph.relations;
  const nodeCount = index.nodeCount;
  const keys = new Float64Array(rows.length);
  rows.forEach((row, i) => {
    keys[i] = (rank[from[row]!]! * 16 + TYPE_ID_KEY[types[row]!]!) * nodeCount + rank[to[row]!]!;
  });
  const positions = Array.from(rows, (_row, i) => i).sort((a, b) => keys[a]! - keys[b]!);
  const sorted = positions.map((i) => records[rows[i]!]!);
  for (let i = 1; i < sorted.length; i += 1) {
    if (!(sorted[i - 1]!.id < sorted[i]!.id)) return sorted.sort((a, b) => compareIds(a.id, b.id));
  }
  return sorted;
}
