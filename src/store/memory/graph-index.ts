/**
 * Internal. The read index of the memory store, rebuilt from the tables after a write:
 *
 * - adjacency in compressed sparse rows, one per direction: the relations of node `n` going
 *   OUT are entries `k` in `out.offsets[n] … out.offsets[n + 1]`, ordered by type code, with
 *   the other end in `neighbours[k]`, the relation row in `relations[k]` and the type code in
 *   `types[k]`. A traversal reads typed arrays and never touches a record or a string.
 * - the same runs once more ordered by the other end's id rank (`ranked`, `rankedTypes`),
 *   so a breadth-first level cut at a limit (subgraph) can merge its nodes' runs and stop
 *   after the first few instead of reading a hub's thousands of neighbours; OUT's also
 *   with each entry's relation row (`rankedRelations`), so the relations from a hub to a
 *   few given nodes are found by searching for their ranks.
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
import { int32At, itemAt, uint8At } from './columns';
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
  /** Per node's run (same offsets): the other ends' id ranks, ascending. */
  readonly ranked: Int32Array;
  /** The type code of each `ranked` entry. */
  readonly rankedTypes: Uint8Array;
  /** The confidence code of each `ranked` entry's relation (codes.ts `confidenceCode`). */
  readonly rankedConfidences: Uint8Array;
}

/**
 * The OUT runs also keep each `ranked` entry's relation row, so the relations from a hub to
 * a few hundred given nodes are found by searching its rank-ordered run for their ranks, not
 * by reading all of its thousands of entries (subgraph's relations among its kept nodes).
 * Only OUT: every relation lies in its start's OUT run, and 4 bytes a relation is the cost.
 */
export interface OutAdjacency extends Adjacency {
  /** The relation row of each `ranked` entry. */
  readonly rankedRelations: Int32Array;
}

export interface GraphIndex {
  readonly nodeCount: number;
  readonly out: OutAdjacency;
  readonly in: Adjacency;
  /** Position of each node index in id order. */
  readonly rank: Int32Array;
  /** The node index at each position in id order (the inverse of `rank`). */
  readonly order: Int32Array;
  /** Node indices of each label, in id order. */
  readonly byLabel: Readonly<Record<NodeLabel, Int32Array>>;
  /** Relations per type code. */
  readonly typeCounts: Int32Array;
}

type Runs = Omit<Adjacency, 'ranked' | 'rankedTypes' | 'rankedConfidences'>;

/** Live rows in order of type code, then row: the first pass of a two-pass radix sort. */
function rowsByType(relations: RelationTable, typeCounts: Int32Array, live: number): Int32Array {
  const cursor = new Int32Array(TYPE_COUNT);
  for (let type = 1; type < TYPE_COUNT; type += 1) cursor[type] = int32At(cursor, type - 1) + int32At(typeCounts, type - 1);
  const sorted = new Int32Array(live);
  const types = relations.types;
  for (let row = 0; row < relations.rows; row += 1) {
    const type = uint8At(types, row);
    if (type === REMOVED) continue;
    const slot = int32At(cursor, type);
    sorted[slot] = row;
    cursor[type] = slot + 1;
  }
  return sorted;
}

/** Second pass: a stable counting sort of the type-ordered rows by their `start` node. */
function buildRuns(relations: RelationTable, nodeCount: number, byType: Int32Array, start: Int32Array, end: Int32Array): Runs {
  const offsets = new Int32Array(nodeCount + 1);
  for (const row of byType) offsets[int32At(start, row) + 1] = int32At(offsets, int32At(start, row) + 1) + 1;
  for (let node = 1; node <= nodeCount; node += 1) offsets[node] = int32At(offsets, node) + int32At(offsets, node - 1);
  const cursor = offsets.slice(0, nodeCount);
  const neighbours = new Int32Array(byType.length);
  const rows = new Int32Array(byType.length);
  const types = new Uint8Array(byType.length);
  const rowTypes = relations.types;
  for (const row of byType) {
    const node = int32At(start, row);
    const slot = int32At(cursor, node);
    cursor[node] = slot + 1;
    neighbours[slot] = int32At(end, row);
    rows[slot] = row;
    types[slot] = uint8At(rowTypes, row);
  }
  return { offsets, neighbours, relations: rows, types };
}

/**
 * The runs of `runs` reordered by the other end's rank, with no comparison sort: visiting
 * every node in rank order and appending it to the runs of the nodes that reach it
 * (`reverse`, the other direction's runs) fills each run in ascending rank. Given
 * `rankedRelations` (the OUT runs), it is filled with each entry's relation row.
 */
function rankRuns(runs: Runs, reverse: Runs, order: Int32Array, confidences: Uint8Array, rankedRelations?: Int32Array): Adjacency {
  const { offsets } = runs;
  const ranked = new Int32Array(runs.neighbours.length);
  const rankedTypes = new Uint8Array(runs.neighbours.length);
  const rankedConfidences = new Uint8Array(runs.neighbours.length);
  const cursor = offsets.slice(0, offsets.length - 1);
  for (let position = 0; position < order.length; position += 1) {
    const node = int32At(order, position);
    for (let k = int32At(reverse.offsets, node), end = int32At(reverse.offsets, node + 1); k < end; k += 1) {
      const from = int32At(reverse.neighbours, k);
      const slot = int32At(cursor, from);
      cursor[from] = slot + 1;
      const row = int32At(reverse.relations, k);
      ranked[slot] = position;
      rankedTypes[slot] = uint8At(reverse.types, k);
      rankedConfidences[slot] = uint8At(confidences, row);
      if (rankedRelations) rankedRelations[slot] = row;
    }
  }
  return { ...runs, ranked, rankedTypes, rankedConfidences };
}

function buildRank(nodes: NodeTable): { rank: Int32Array; order: Int32Array } {
  const ids = Array.from({ length: nodes.size }, (_unused, node) => nodes.idOf(node));
  const order = Array.from(ids, (_id, node) => node);
  order.sort((a, b) => {
    const x = itemAt(ids, a);
    const y = itemAt(ids, b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const rank = new Int32Array(ids.length);
  order.forEach((node, position) => {
    rank[node] = position;
  });
  return { rank, order: Int32Array.from(order) };
}

function buildLabelLists(nodes: NodeTable, inOrder: Int32Array): Record<NodeLabel, Int32Array> {
  const counts = new Int32Array(NODE_LABELS.length);
  for (let node = 0; node < nodes.size; node += 1) {
    const code = uint8At(nodes.labels, node);
    counts[code] = int32At(counts, code) + 1;
  }
  const lists = Array.from(counts, (count) => new Int32Array(count));
  const filled = new Int32Array(NODE_LABELS.length);
  for (const node of inOrder) {
    const code = uint8At(nodes.labels, node);
    const slot = int32At(filled, code);
    itemAt(lists, code)[slot] = node;
    filled[code] = slot + 1;
  }
  return Object.fromEntries(NODE_LABELS.map((label, code) => [label, itemAt(lists, code)])) as Record<NodeLabel, Int32Array>;
}

export function buildGraphIndex(nodes: NodeTable, relations: RelationTable): GraphIndex {
  const nodeCount = nodes.size;
  const typeCounts = new Int32Array(TYPE_COUNT);
  for (let row = 0; row < relations.rows; row += 1) {
    const type = uint8At(relations.types, row);
    if (type !== REMOVED) typeCounts[type] = int32At(typeCounts, type) + 1;
  }
  const { rank, order } = buildRank(nodes);
  const byType = rowsByType(relations, typeCounts, relations.size);
  const out = buildRuns(relations, nodeCount, byType, relations.from, relations.to);
  const inward = buildRuns(relations, nodeCount, byType, relations.to, relations.from);
  const rankedRelations = new Int32Array(out.relations.length);
  return {
    nodeCount,
    out: { ...rankRuns(out, inward, order, relations.confidences, rankedRelations), rankedRelations },
    in: rankRuns(inward, out, order, relations.confidences),
    rank,
    order,
    byLabel: buildLabelLists(nodes, order),
    typeCounts,
  };
}
