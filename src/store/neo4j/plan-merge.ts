/**
 * Internal. Plans a `mergeGraph` on Neo4j: checks the graph against the labels the store
 * already holds (so a bad graph is refused before anything is written, as in the memory
 * store) and splits it into `UNWIND $rows … MERGE` batches, one statement per label and per
 * (relation type, from label, to label), nodes before relations. Round trips therefore grow
 * with the number of batches, not of entities. Pure: no IO, so unit tests can count batches.
 */
import { relationId, type GraphData, type NodeRecord, type RelationRecord } from '../../domain/graph-document';
import { NODE_LABELS, RELATION_ENDPOINTS, type NodeLabel, type RelationType } from '../../domain/ontology';
import { ConflictError, InvalidArgumentError } from '../GraphStore';
import { allowedRelationEnds, checkedLabel, checkedType, mergeNodes, mergeRelations, type CypherStatement } from './cypher';
import { nodeToProperties } from './node-properties';
import { relationToProperties } from './relation-properties';

export interface NodeRow {
  readonly id: string;
  readonly props: Record<string, unknown>;
}

export interface RelationRow {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly props: Record<string, unknown>;
}

export type MergeBatch =
  | { readonly kind: 'nodes'; readonly statement: CypherStatement; readonly rows: readonly NodeRow[] }
  | { readonly kind: 'relations'; readonly statement: CypherStatement; readonly rows: readonly RelationRow[] };

/** Every id whose stored label the plan needs: the graph's nodes and its relations' ends. */
export function idsToLookUp(graph: GraphData): string[] {
  const ids = new Set<string>(graph.nodes.map((node) => node.id));
  for (const relation of graph.relations) {
    ids.add(relation.from);
    ids.add(relation.to);
  }
  return [...ids];
}

/** `items` in consecutive slices of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/** The graph's nodes by id (a later duplicate replaces an earlier one), refusing relabelling. */
function nodesById(graph: GraphData, stored: ReadonlyMap<string, NodeLabel>): Map<string, NodeRecord> {
  const byId = new Map<string, NodeRecord>();
  for (const node of graph.nodes) {
    const label = checkedLabel(node.label);
    const known = stored.get(node.id) ?? byId.get(node.id)?.label;
    if (known !== undefined && known !== label) {
      throw new ConflictError(`mergeGraph: node ${node.id} is a ${known}; it cannot become a ${label}`);
    }
    byId.set(node.id, node);
  }
  return byId;
}

interface PlannedRelation {
  readonly relation: RelationRecord;
  readonly fromLabel: NodeLabel;
  readonly toLabel: NodeLabel;
}

function planRelation(
  relation: RelationRecord,
  nodes: ReadonlyMap<string, NodeRecord>,
  stored: ReadonlyMap<string, NodeLabel>,
): PlannedRelation {
  const type = checkedType(relation.type);
  const id = relationId(relation);
  const labelOf = (end: string): NodeLabel => {
    const label = nodes.get(end)?.label ?? stored.get(end);
    if (label === undefined) {
      throw new InvalidArgumentError(`mergeGraph: relation ${id} ends at ${end}, which is neither in the graph nor in the store`);
    }
    return label;
  };
  const fromLabel = labelOf(relation.from);
  const toLabel = labelOf(relation.to);
  const ends = RELATION_ENDPOINTS[type];
  if (!ends.from.includes(fromLabel) || !ends.to.includes(toLabel)) {
    throw new InvalidArgumentError(
      `mergeGraph: relation ${id} goes from a ${fromLabel} to a ${toLabel}; ${type} goes from ${ends.from.join('/')} to ${ends.to.join('/')}`,
    );
  }
  return { relation, fromLabel, toLabel };
}

const endsKey = (type: RelationType, fromLabel: NodeLabel, toLabel: NodeLabel): string => `${type}|${fromLabel}|${toLabel}`;

/**
 * The batches that merge `graph`, given the labels of the ids the store already holds
 * (`stored`, from `idsToLookUp`). Throws `ConflictError` when a node would change label and
 * `InvalidArgumentError` for a relation whose end is nowhere or breaks the ontology.
 */
export function planMerge(graph: GraphData, stored: ReadonlyMap<string, NodeLabel>, batchSize: number): MergeBatch[] {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new InvalidArgumentError(`mergeGraph: batch size must be a positive integer, got ${batchSize}`);
  }
  const nodes = nodesById(graph, stored);
  const relations = new Map<string, PlannedRelation>();
  for (const relation of graph.relations) relations.set(relationId(relation), planRelation(relation, nodes, stored));

  const batches: MergeBatch[] = [];
  for (const label of NODE_LABELS) {
    const rows = [...nodes.values()]
      .filter((node) => node.label === label)
      .map((node): NodeRow => ({ id: node.id, props: nodeToProperties(node) }));
    const statement = mergeNodes(label);
    for (const part of chunk(rows, batchSize)) batches.push({ kind: 'nodes', statement, rows: part });
  }
  const byEnds = new Map<string, RelationRow[]>();
  for (const { relation, fromLabel, toLabel } of relations.values()) {
    const key = endsKey(relation.type, fromLabel, toLabel);
    const rows = byEnds.get(key) ?? [];
    rows.push({ id: relationId(relation), from: relation.from, to: relation.to, props: relationToProperties(relation) });
    byEnds.set(key, rows);
  }
  for (const { type, fromLabel, toLabel } of allowedRelationEnds()) {
    const rows = byEnds.get(endsKey(type, fromLabel, toLabel)) ?? [];
    const statement = mergeRelations(type, fromLabel, toLabel);
    for (const part of chunk(rows, batchSize)) batches.push({ kind: 'relations', statement, rows: part });
  }
  return batches;
}
