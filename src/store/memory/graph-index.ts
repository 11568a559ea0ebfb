/**
 * Internal. The read index of the memory store, rebuilt from the tables after a write:
 *
 * - adjacency in compressed sparse rows, one per direction: the relations of node `n` going
 *   OUT are entries `k` in `out.offsets[n] … out.offsets[n + 1]`, ordered by type code, with
 *   the other end in `neighbours[k]`, the relation row in `relations[k]` and the type code in
 *   `types[k]`. A traversal reads typed arrays and never touches a record or a string.
 * - `rank`: each node's position in id order, so "sorted by id" is an integer sort.
 * - node indices of each label in id order (cursor pages), and counts per type.
 *
 * Offsets are per node, not per (node, type): at a million relations a per-type table is
 * 16 MB of counters hit at random while building, which cost more than the rest of the load.
 * Within a node's run, relations of one type keep their write order: traversals are
 * deterministic.
 */
import { NODE_LABELS, type NodeLabel } from '../../domain/ontology';
import { TYPE_COUNT } from './codes';
import type { NodeTable } from './node-table';
import { REMOVED, type RelationTable } from './relation-table';

export interface Adjacency {
  /** Run starts per node, length nodeCount + 1. */
  readonly offsets: Int32Array;
  /** The node at the other end, per entry. */
  readonly neighbours: Int32Array;
  /** The relation row, per entry. */
  readonly relations: Int32Array;
  /** The relation's type code, per entry (ascending within a node's run). */
  readonly types: Uint8Array;
}

export interface GraphIndex {
  readonly nodeCount: number;
  readonly out: Adjacency;
  readonly in: Adjacency;
  /** Position of each node index in id order. */
  readonly rank: Int32Array;
  /** The node index at each position in id order (the inverse of `rank`). */
  readonly order: Int32Array;
  /** Node indices of each label, in id order. */
  readonly byLabel: ReadonlyMap<NodeLabel, Int32Array>;
  /** Relations per type code. */
  readonly typeCounts: Int32Array;
}

/** Live rows in order of type code, then row: the first pass of a two-pass radix sort. */
function rowsByType(relations: RelationTable, typeCounts: Int32Array, live: number): Int32Array {
  const cursor = new Int32Array(TYPE_COUNT);
  for (let type = 1; type < TYPE_COUNT; type += 1) cursor[type] = cursor[type - 1]! + typeCounts[type - 1]!;
  const sorted = new Int32Array(live);
  const types = relations.types;
  for (let row = 0; row < relations.rows; row += 1) {
    const type = types[row]!;
    if (type !== REMOVED) sorted[cursor[type]!++] = row;
  }
  return sorted;
}

/** Second pass: a stable counting sort of the type-ordered rows by their `start` node. */
function buildAdjacency(relations: RelationTable, nodeCount: number, byType: Int32Array, start: Int32Array, end: Int32Array): Adjacency {
  const offsets = new Int32Array(nodeCount + 1);
  for (const row of byType) offsets[start[row]! + 1]! += 1;
  for (let node = 1; node <= nodeCount; node += 1) offsets[node]! += offsets[node - 1]!;
  const cursor = offsets.slice(0, nodeCount);
  const neighbours = new Int32Array(byType.length);
  const rows = new Int32Array(byType.length);
  const types = new Uint8Array(byType.length);
  const rowTypes = relations.types;
  for (const row of byType) {
    const slot = cursor[start[row]!]!++;
    neighbours[slot] = end[row]!;
    rows[slot] = row;
    types[slot] = rowTypes[row]!;
  }
  return { offsets, neighbours, relations: rows, types };
}

function buildRank(nodes: NodeTable): { rank: Int32Array; order: Int32Array } {
  const records = nodes.records;
  const order = Array.from({ length: records.length }, (_unused, index) => index);
  order.sort((a, b) => {
    const x = records[a]!.id;
    const y = records[b]!.id;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const rank = new Int32Array(records.length);
  order.forEach((node, position) => {
    rank[node] = position;
  });
  return { rank, order: Int32Array.from(order) };
}

function buildLabelLists(nodes: NodeTable, inOrder: Int32Array): Map<NodeLabel, Int32Array> {
  const nodeCount = nodes.size;
  const counts = new Int32Array(NODE_LABELS.length);
  for (let node = 0; node < nodeCount; node += 1) counts[nodes.labels[node]!]! += 1;
  const lists = NODE_LABELS.map((_label, code) => new Int32Array(counts[code]!));
  const filled = new Int32Array(NODE_LABELS.length);
  for (const node of inOrder) {
    const code = nodes.labels[node]!;
    lists[code]![filled[code]!++] = node;
  }
  return new Map(NODE_LABELS.map((label, code) => [label, lists[code]!]));
}

export function buildGraphIndex(nodes: NodeTable, relations: RelationTable): GraphIndex {
  const nodeCount = nodes.size;
  const live = relations.size;
  const typeCounts = new Int32Array(TYPE_COUNT);
  for (let row = 0; row < relations.rows; row += 1) {
    const type = relations.types[row]!;
    if (type !== REMOVED) typeCounts[type]! += 1;
  }
  const { rank, order } = buildRank(nodes);
  const byType = rowsByType(relations, typeCounts, live);
  return {
    nodeCount,
    out: buildAdjacency(relations, nodeCount, byType, relations.from, relations.to),
    in: buildAdjacency(relations, nodeCount, byType, relations.to, relations.from),
    rank,
    order,
    byLabel: buildLabelLists(nodes, order),
    typeCounts,
  };
}
