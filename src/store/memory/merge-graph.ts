/**
 * Internal. Writes a graph into the memory store's tables: nodes and relations by id,
 * creating or updating, never deleting; a graph that fails a check changes nothing.
 *
 * Nodes are written first and rolled back if a check fails (a relation to a node that
 * exists nowhere), which spares a second map of the incoming ids. Into a store without
 * relations, relations go in as a bulk append with no id lookups at all: ids are derived
 * from (from, type, to) (graph-document.ts), so a repeated id is a repeated triple, which
 * the freshly built index finds in one pass; only then (or for an id that is not derived)
 * does the merge fall back to looking relations up by id one at a time.
 */
import { relationId, type GraphData, type NodeRecord, type RelationRecord } from '../../domain/graph-document';
import { relationEndsOf, type RelationEnds } from '../../domain/relation-ends';
import { ConflictError, InvalidArgumentError, type MergeSummary } from '../GraphStore';
import { stableJson } from '../stable-json';
import { TYPE_COUNT } from './codes';
import { int32At, itemAt, uint8At } from './columns';
import type { GraphIndex } from './graph-index';
import type { KnowledgeGraph } from './knowledge-graph';
import type { IndexedNode } from './names/NameIndex';
import type { NodeRowState } from './node-table';

interface NodeWrites {
  readonly created: number;
  readonly updated: number;
  /** Nodes to (re)index for search once the merge commits, with their records. */
  readonly changed: readonly IndexedNode[];
  /** The node index of each node written, by its position in the graph. */
  readonly indices: Int32Array;
  /** Undoes the writes. */
  readonly rollback: () => void;
}

function writeNodes(graph: KnowledgeGraph, nodes: readonly NodeRecord[]): NodeWrites {
  const table = graph.nodes;
  const mark = table.mark;
  const replaced: NodeRowState[] = [];
  const rollback = (): void => {
    for (let i = replaced.length - 1; i >= 0; i -= 1) table.restore(itemAt(replaced, i));
    table.truncate(mark);
  };
  const changed: IndexedNode[] = [];
  const indices = new Int32Array(nodes.length);
  if (table.size === 0) table.reserve(nodes.length);
  for (let position = 0; position < nodes.length; position += 1) {
    const node = itemAt(nodes, position);
    const index = table.indexOf(node.id);
    if (index === undefined) {
      const added = table.add(node);
      indices[position] = added;
      changed.push({ node: added, record: node });
      continue;
    }
    indices[position] = index;
    const label = table.labelOf(index);
    if (label !== node.label) {
      rollback();
      throw new ConflictError(`mergeGraph: node ${node.id} is a ${label}; it cannot become a ${node.label}`);
    }
    if (stableJson(table.record(index)) !== stableJson(node)) {
      replaced.push(table.replace(index, node));
      changed.push({ node: index, record: node });
    }
  }
  return { created: table.size - mark.nodes, updated: replaced.length, changed, indices, rollback };
}

/** Whether two live relations share (from, type, to): one pass over the OUT runs. */
function hasRepeatedTriple(index: GraphIndex): boolean {
  const { offsets, neighbours, types } = index.out;
  // seenIn[neighbour] = the (node, type) pair it was last seen from, plus one.
  const seenIn = new Float64Array(index.nodeCount);
  for (let node = 0; node < index.nodeCount; node += 1) {
    for (let k = int32At(offsets, node), end = int32At(offsets, node + 1); k < end; k += 1) {
      const stamp = node * TYPE_COUNT + uint8At(types, k) + 1;
      const neighbour = int32At(neighbours, k);
      if (seenIn[neighbour] === stamp) return true;
      seenIn[neighbour] = stamp;
    }
  }
  return false;
}

function relationsByRow(graph: KnowledgeGraph, relations: readonly RelationRecord[], from: Int32Array, to: Int32Array) {
  const table = graph.relations;
  let created = 0;
  let updated = 0;
  relations.forEach((relation, i) => {
    const start = int32At(from, i);
    const end = int32At(to, i);
    const row = table.rowOf(relation.id);
    if (row === undefined) {
      table.add(relation, start, end);
      created += 1;
      return;
    }
    if (stableJson(table.record(row)) === stableJson(relation)) return;
    if (table.typeOf(row) === relation.type && table.fromOf(row) === start && table.toOf(row) === end) table.replace(row, relation);
    else {
      // An id whose ends or type changed: the old row goes, so adjacency stays true.
      table.remove(row);
      table.add(relation, start, end);
    }
    updated += 1;
  });
  return { created, updated };
}

/**
 * Relations into an empty table in one append; false (and nothing written) if an id repeats.
 * `derivedIds`: every id is known to be relationId's (the table need not compare).
 */
function appendRelations(
  graph: KnowledgeGraph,
  relations: readonly RelationRecord[],
  from: Int32Array,
  to: Int32Array,
  derivedIds: boolean,
): boolean {
  const table = graph.relations;
  table.reserve(relations.length);
  relations.forEach((relation, i) =>
    derivedIds ? table.add(relation, int32At(from, i), int32At(to, i), true) : table.add(relation, int32At(from, i), int32At(to, i)),
  );
  graph.invalidate();
  if (!hasRepeatedTriple(graph.index())) return true;
  table.clear();
  graph.invalidate();
  return false;
}

/**
 * Relation ends as node indices, from their positions in the graph (RelationEnds) and the
 * indices its nodes were written at; undefined if a position is not one of the graph's.
 */
function endsByPosition(ends: RelationEnds, indices: Int32Array): { from: Int32Array; to: Int32Array } | undefined {
  const from = new Int32Array(ends.from.length);
  const to = new Int32Array(ends.to.length);
  for (let i = 0; i < from.length; i += 1) {
    const start = indices[ends.from[i] ?? -1];
    const end = indices[ends.to[i] ?? -1];
    if (start === undefined || end === undefined) return undefined;
    from[i] = start;
    to[i] = end;
  }
  return { from, to };
}

/** Relation ends as node indices, looked up by id; a missing end undoes the node writes and throws. */
function endsById(graph: KnowledgeGraph, relations: readonly RelationRecord[], rollback: () => void): { from: Int32Array; to: Int32Array } {
  const from = new Int32Array(relations.length);
  const to = new Int32Array(relations.length);
  // Relations come grouped (a file lists an event's participants together): the previous
  // ends are looked up again without the map (two million lookups at a million relations).
  let lastFrom = '';
  let lastTo = '';
  let lastStart: number | undefined;
  let lastEnd: number | undefined;
  relations.forEach((relation, i) => {
    if (relation.from !== lastFrom) {
      lastFrom = relation.from;
      lastStart = graph.indexOf(lastFrom);
    }
    if (relation.to !== lastTo) {
      lastTo = relation.to;
      lastEnd = graph.indexOf(lastTo);
    }
    const start = lastStart;
    const end = lastEnd;
    if (start === undefined || end === undefined) {
      rollback();
      const missing = start === undefined ? relation.from : relation.to;
      throw new InvalidArgumentError(
        `mergeGraph: relation ${relation.id} ends at ${missing}, which is neither in the graph nor in the store`,
      );
    }
    from[i] = start;
    to[i] = end;
  });
  return { from, to };
}

/**
 * Merges `data`; `onNodesChanged` gets the nodes created or changed, with their records (for
 * the name index), once the merge can no longer fail (the node rows are written; the
 * relations are written after it returns).
 */
export function mergeGraph(graph: KnowledgeGraph, data: GraphData, onNodesChanged: (nodes: readonly IndexedNode[]) => void): MergeSummary {
  const nodes = writeNodes(graph, data.nodes);
  const count = data.relations.length;
  // A graph validateGraph made comes with its relations' ends as node positions: no lookups by id.
  const known = relationEndsOf(data);
  const byPosition = known && endsByPosition(known, nodes.indices);
  const { from, to } = byPosition ?? endsById(graph, data.relations, nodes.rollback);
  // Nothing below fails: the merge commits. The name index hears of the nodes now, so that
  // a large one is built (in a worker) while the relations are written and indexed.
  if (nodes.changed.length > 0) onNodesChanged(nodes.changed);

  let relationsCreated = 0;
  let relationsUpdated = 0;
  // Only derived ids can repeat as triples; a hand-made id goes by id.
  const bulk =
    graph.relations.rows === 0 &&
    count > 0 &&
    (byPosition !== undefined || data.relations.every((relation) => relation.id.length === relationId(relation).length));
  const appended = bulk && appendRelations(graph, data.relations, from, to, byPosition !== undefined);
  if (appended) relationsCreated = count;
  else if (count > 0) ({ created: relationsCreated, updated: relationsUpdated } = relationsByRow(graph, data.relations, from, to));

  if (nodes.created + nodes.updated + relationsCreated + relationsUpdated > 0) {
    // The append built the index after every write of this merge. Otherwise it is stale,
    // unless only node records changed: it holds no record, only ids, labels and relations.
    if (!appended && nodes.created + relationsCreated + relationsUpdated > 0) graph.invalidate();
    graph.nodes.compactIfWorthIt();
    graph.relations.compactIfWorthIt();
  }
  // Build the read index now, so that the load pays for it and the first query does not.
  graph.index();
  return { nodesCreated: nodes.created, nodesUpdated: nodes.updated, relationsCreated, relationsUpdated };
}
