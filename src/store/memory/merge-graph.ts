/**
 * Internal. Writes a graph into the memory store's tables: nodes and relations by id,
 * creating or updating, never deleting; a graph that fails a check changes nothing.
 *
 * Nodes are written first and rolled back if a check fails (a relation to a node that
 * exists nowhere), which spares a second map of the incoming ids. Into a store without
 * relations, relations go in as a bulk append with no id map at all: ids are derived from
 * (from, type, to) (graph-document.ts), so a repeated id is a repeated triple, which the
 * freshly built index finds in one pass; only then (or for an id whose length shows it is
 * not derived) does the merge fall back to looking relations up by id one at a time.
 */
import type { GraphData, NodeRecord, RelationRecord } from '../../domain/graph-document';
import { ConflictError, InvalidArgumentError, type MergeSummary } from '../GraphStore';
import { stableJson } from '../stable-json';
import { TYPE_COUNT } from './codes';
import type { GraphIndex } from './graph-index';
import type { KnowledgeGraph } from './knowledge-graph';

interface NodeWrites {
  readonly created: number;
  readonly updated: number;
  /** Nodes to (re)index for search once the merge commits. */
  readonly changed: readonly NodeRecord[];
  /** Undoes the writes. */
  readonly rollback: () => void;
}

function writeNodes(graph: KnowledgeGraph, nodes: readonly NodeRecord[]): NodeWrites {
  const table = graph.nodes;
  const startSize = table.size;
  const replaced: { readonly index: number; readonly previous: NodeRecord }[] = [];
  const rollback = (): void => {
    for (let i = replaced.length - 1; i >= 0; i -= 1) table.replace(replaced[i]!.index, replaced[i]!.previous);
    table.truncate(startSize);
  };
  const changed: NodeRecord[] = [];
  let created = 0;
  for (const node of nodes) {
    const index = table.indexOf(node.id);
    if (index === undefined) {
      table.add(node);
      changed.push(node);
      created += 1;
      continue;
    }
    const known = table.record(index);
    if (known.label !== node.label) {
      rollback();
      throw new ConflictError(`mergeGraph: node ${node.id} is a ${known.label}; it cannot become a ${node.label}`);
    }
    if (known !== node && stableJson(known) !== stableJson(node)) {
      replaced.push({ index, previous: known });
      table.replace(index, node);
      changed.push(node);
    }
  }
  return { created, updated: replaced.length, changed, rollback };
}

/**
 * Whether `id` can be `${from}-${type}->${to}`, as graph-document.ts defines relation ids.
 * Only the lengths are compared: ids made by relationId() are rope strings, and reading
 * their characters would flatten a million of them (half a second here); a hand-made id of
 * another length sends the merge down the by-id path.
 */
function hasDerivedLength(relation: RelationRecord): boolean {
  return relation.id.length === relation.from.length + relation.type.length + relation.to.length + 3;
}

/** Whether two live relations share (from, type, to): one pass over the OUT runs. */
function hasRepeatedTriple(index: GraphIndex): boolean {
  const { offsets, neighbours, types } = index.out;
  // seenIn[neighbour] = the (node, type) pair it was last seen from, plus one.
  const seenIn = new Int32Array(index.nodeCount);
  for (let node = 0; node < index.nodeCount; node += 1) {
    for (let k = offsets[node]!, end = offsets[node + 1]!; k < end; k += 1) {
      const stamp = node * TYPE_COUNT + types[k]! + 1;
      const neighbour = neighbours[k]!;
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
    const row = table.rowOf(relation.id);
    if (row === undefined) {
      table.add(relation, from[i]!, to[i]!);
      created += 1;
      return;
    }
    const known = table.records[row]!;
    if (known === relation || stableJson(known) === stableJson(relation)) return;
    if (known.type === relation.type && table.from[row] === from[i] && table.to[row] === to[i]) table.replace(row, relation);
    else {
      // An id whose ends or type changed: the old row goes, so adjacency stays true.
      table.remove(row);
      table.add(relation, from[i]!, to[i]!);
    }
    updated += 1;
  });
  return { created, updated };
}

export function mergeGraph(graph: KnowledgeGraph, data: GraphData, onNodesChanged: (nodes: readonly NodeRecord[]) => void): MergeSummary {
  const nodes = writeNodes(graph, data.nodes);
  const count = data.relations.length;
  const from = new Int32Array(count);
  const to = new Int32Array(count);
  for (let i = 0; i < count; i += 1) {
    const relation = data.relations[i]!;
    const start = graph.indexOf(relation.from);
    const end = graph.indexOf(relation.to);
    if (start === undefined || end === undefined) {
      nodes.rollback();
      const missing = start === undefined ? relation.from : relation.to;
      throw new InvalidArgumentError(`mergeGraph: relation ${relation.id} ends at ${missing}, which is neither in the graph nor in the store`);
    }
    from[i] = start;
    to[i] = end;
  }

  let relationsCreated = 0;
  let relationsUpdated = 0;
  const table = graph.relations;
  let bulk = table.rows === 0 && count > 0 && data.relations.every(hasDerivedLength);
  if (bulk) {
    for (let i = 0; i < count; i += 1) table.add(data.relations[i]!, from[i]!, to[i]!);
    graph.invalidate();
    if (hasRepeatedTriple(graph.index())) {
      table.truncate(0);
      graph.invalidate();
      bulk = false;
    } else relationsCreated = count;
  }
  if (!bulk && count > 0) ({ created: relationsCreated, updated: relationsUpdated } = relationsByRow(graph, data.relations, from, to));

  // The bulk path built its index after every write; otherwise any write makes it stale.
  if (!bulk && nodes.created + nodes.updated + relationsCreated + relationsUpdated > 0) graph.invalidate();
  if (nodes.changed.length > 0) onNodesChanged(nodes.changed);
  // Build the read index now, so that the load pays for it and the first query does not.
  graph.index();
  return { nodesCreated: nodes.created, nodesUpdated: nodes.updated, relationsCreated, relationsUpdated };
}
